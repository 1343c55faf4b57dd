import type { Pair } from './dataset.ts';
import { DEFAULT_DUPLICATE_OPTIONS, decide, identicalTexts, plainText, scorePair } from './dedup.ts';
import { gradeUrgency } from './urgency.ts';
import type { Locator } from './location.ts';
import { backgroundStats } from './background.ts';
import { represent } from './similarity.ts';

export interface PairMetrics {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface DedupEvalReport extends PairMetrics {
  pairs: number;
  positives: number;
  /** At the auto-attach threshold. */
  attach: PairMetrics;
  /** The threshold with the best F1 on this file (reported, never used to pick the shipped one). */
  best: PairMetrics;
  /**
   * What the index would do with each pair, all rules applied (emergencies, categories, place or
   * identical text for an automatic merge): `suggested` counts any decision, `attached` only merges.
   */
  decisions: { suggested: PairMetrics; attached: PairMetrics };
  scores: number[];
}

/** How a text is read before pairing: its category (the classifier's) and whether it is an emergency. */
export type PairReader = (text: string) => { category?: string; emergency: boolean };

const urgencyOnly: PairReader = (text) => ({ emergency: gradeUrgency(text).level === 'emergency' });

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

export function metricsAt(scores: number[], labels: (0 | 1)[], threshold: number): PairMetrics {
  return metricsOf(
    scores.map((s) => s >= threshold),
    labels,
    threshold,
  );
}

function metricsOf(predicted: boolean[], labels: (0 | 1)[], threshold: number): PairMetrics {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  predicted.forEach((yes, i) => {
    if (yes && labels[i]) tp++;
    else if (yes) fp++;
    else if (labels[i]) fn++;
    else tn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { threshold: r4(threshold), precision: r4(precision), recall: r4(recall), f1: r4(f1), tp, fp, fn, tn };
}

/**
 * Score every pair with the index's own formula (texts only: the place comes from addresses
 * parsed out of the texts; no time or category), then precision/recall/F1 at the shipped
 * suggest threshold, at the attach threshold, and at the best threshold for this file.
 */
export function evaluatePairs(
  pairs: Pair[],
  opts: { locator: Locator; suggestThreshold?: number; attachThreshold?: number; read?: PairReader },
): DedupEvalReport {
  const { locator } = opts;
  const stats = backgroundStats(locator);
  // The file's own texts join the IDF statistics (unsupervised: labels are not used).
  const reps = pairs.map((p) => [represent(p.text1, { stats, locator }), represent(p.text2, { stats, locator })] as const);
  for (const [a, b] of reps) {
    stats.addDoc(new Set([...a.words, ...a.grams, ...a.chars]));
    stats.addDoc(new Set([...b.words, ...b.grams, ...b.chars]));
  }
  const scores = reps.map(([a, b]) => scorePair(a, b, stats).score);
  const labels = pairs.map((p) => p.label);
  const shipped = opts.suggestThreshold ?? DEFAULT_DUPLICATE_OPTIONS.suggestThreshold;
  const attachAt = opts.attachThreshold ?? DEFAULT_DUPLICATE_OPTIONS.attachThreshold;
  const read = opts.read ?? urgencyOnly;
  const decisions = pairs.map((p, i) => {
    const [x, y] = [read(p.text1), read(p.text2)];
    const [a, b] = reps[i]!;
    const { score, evidence } = scorePair(a, b, stats, { categoryA: x.category, categoryB: y.category });
    evidence.identicalText = identicalTexts(plainText(p.text1), plainText(p.text2));
    return decide(score, evidence, { emergencyA: x.emergency, emergencyB: y.emergency }, { suggestThreshold: shipped, attachThreshold: attachAt });
  });
  let best = metricsAt(scores, labels, shipped);
  for (let t = 0.05; t <= 0.95 + 1e-9; t += 0.01) {
    const m = metricsAt(scores, labels, t);
    if (m.f1 > best.f1) best = m;
  }
  return {
    pairs: pairs.length,
    positives: labels.filter(Boolean).length,
    ...metricsAt(scores, labels, shipped),
    attach: metricsAt(scores, labels, attachAt),
    best,
    decisions: {
      suggested: metricsOf(
        decisions.map((d) => d !== undefined),
        labels,
        shipped,
      ),
      attached: metricsOf(
        decisions.map((d) => d === 'attach'),
        labels,
        attachAt,
      ),
    },
    scores,
  };
}
