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
