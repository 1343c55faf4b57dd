import type { AppealSummary, DuplicateView } from '@hotline/backend/api-types';
import type { ClassificationCorrection } from './api.ts';

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

/** Distances to the nearest 10 m up to a kilometre, then in kilometres with one decimal. */
export function roundDistance(meters: number): { value: number; unit: 'm' | 'km' } {
  const m = Math.max(0, meters);
  if (m < 1000) return { value: Math.round(m / 10) * 10, unit: 'm' };
  return { value: Math.round(m / 100) / 10, unit: 'km' };
}

/** One line of the evidence for a duplicate, translated by the component. */
export type EvidenceFact =
  | { kind: 'distance'; value: number; unit: 'm' | 'km' }
  | { kind: 'noDistance' }
  | { kind: 'apart'; minutes: number }
  | { kind: 'similarity'; percent: string }
  | { kind: 'sameCategory' }
  | { kind: 'otherCategory' };

/** Why two appeals may be one matter, strongest signals first: place, time, wording, category. */
export function evidenceFacts(evidence: DuplicateView['evidence']): EvidenceFact[] {
  const facts: EvidenceFact[] = [];
  facts.push(evidence.distanceMeters === null ? { kind: 'noDistance' } : { kind: 'distance', ...roundDistance(evidence.distanceMeters) });
  facts.push({ kind: 'apart', minutes: Math.round(Math.abs(evidence.minutesApart)) });
  facts.push({ kind: 'similarity', percent: formatPercent(evidence.textSimilarity) });
  if (evidence.sameCategory !== null) facts.push({ kind: evidence.sameCategory ? 'sameCategory' : 'otherCategory' });
  return facts;
}

/** Bar lengths for the hot words chart, relative to the hottest term (which fills the bar). */
export function barWidths(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  return values.map((v) => (max > 0 ? Math.round((Math.max(0, v) / max) * 1000) / 10 : 0));
}
