import type { DuplicateView } from '@hotline/backend/api-types';
import { formatPercent } from '../nlp/nlp-format.ts';

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
  | { kind: 'identicalText' }
  | { kind: 'sameCategory' }
  | { kind: 'bothEmergency' }
  | { kind: 'otherCategory' };

/** Facts that argue against merging: shown as a warning beside the merge button and in the merge dialog. */
export const isWarning = (fact: EvidenceFact) => fact.kind === 'otherCategory';

/** Why two appeals may be one matter, strongest signals first: place, time, wording, category; then what argues against it. */
export function evidenceFacts(evidence: DuplicateView['evidence']): EvidenceFact[] {
  const facts: EvidenceFact[] = [];
  facts.push(evidence.distanceMeters === null ? { kind: 'noDistance' } : { kind: 'distance', ...roundDistance(evidence.distanceMeters) });
  facts.push({ kind: 'apart', minutes: Math.round(Math.abs(evidence.minutesApart)) });
  facts.push(evidence.identicalText ? { kind: 'identicalText' } : { kind: 'similarity', percent: formatPercent(evidence.textSimilarity) });
  if (evidence.sameCategory === true) facts.push({ kind: 'sameCategory' });
  if (evidence.emergency) facts.push({ kind: 'bothEmergency' });
  if (evidence.sameCategory === false) facts.push({ kind: 'otherCategory' });
  return facts;
}
