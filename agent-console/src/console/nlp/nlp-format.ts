import type { AppealSummary } from '@hotline/backend/api-types';
import type { ClassificationCorrection } from '../api.ts';

/**
 * Below this the model is guessing: the agent is asked to check. The NLP notes call 0.3 weak; the
 * console asks a little earlier, since a wrong category sends the event to the wrong department.
 */
export const WEAK_GUESS_BELOW = 0.5;

/** 0.834 → "83%"; never "0%" for a label the model did consider, never above 100%. */
export function formatPercent(value: number): string {
  const clamped = Math.min(1, Math.max(0, value));
  if (clamped > 0 && clamped < 0.01) return '<1%';
  return `${Math.round(clamped * 100)}%`;
}

export function isWeakGuess(confidence: number | null | undefined): boolean {
  return confidence !== null && confidence !== undefined && confidence < WEAK_GUESS_BELOW;
}

type Corrected = Pick<AppealSummary, 'appealType' | 'categoryCode' | 'urgency'>;

/** The PATCH body: only what the agent changed, so an untouched field is never "corrected". */
export function correctionFrom(current: Corrected, draft: ClassificationCorrection): ClassificationCorrection {
  const body: ClassificationCorrection = {};
  if (draft.appealType !== undefined && draft.appealType !== current.appealType) body.appealType = draft.appealType;
  if (draft.categoryCode !== undefined && draft.categoryCode !== current.categoryCode) body.categoryCode = draft.categoryCode;
  if (draft.urgency !== undefined && draft.urgency !== current.urgency) body.urgency = draft.urgency;
  return body;
}
