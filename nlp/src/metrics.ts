import { seededRandom } from './text.ts';

export interface ClassReport {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvalReport {
  n: number;
  accuracy: number;
  /** Mean F1 over the labels present in the gold data (a prediction of another label counts as a miss). */
  macroF1: number;
  perClass: ClassReport[];
  /** Rows: gold labels; columns: `predictedLabels` (gold labels, then any other predicted label). */
  confusion: number[][];
  labels: string[];
  predictedLabels: string[];
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

export function evaluate(gold: string[], predicted: string[]): EvalReport {
  const labels = [...new Set(gold)].sort();
  const predictedLabels = [...labels, ...[...new Set(predicted)].filter((l) => !labels.includes(l)).sort()];
  const confusion = labels.map(() => predictedLabels.map(() => 0));
  gold.forEach((g, i) => confusion[labels.indexOf(g)]![predictedLabels.indexOf(predicted[i]!)]!++);
  const perClass = labels.map((label, i) => {
    const tp = confusion[i]![i]!;
    const support = confusion[i]!.reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((a, row) => a + row[i]!, 0);
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision: r4(precision), recall: r4(recall), f1: r4(f1), support };
  });
  const correct = gold.filter((g, i) => g === predicted[i]).length;
  return {
    n: gold.length,
    accuracy: r4(correct / gold.length),
    macroF1: r4(perClass.reduce((a, c) => a + c.f1, 0) / perClass.length),
    perClass,
    confusion,
    labels,
    predictedLabels,
  };
}

/** A fold number for each item, so that each fold holds about the same share of every label. */
export function stratifiedFolds(labels: string[], k: number, seed = 1): number[] {
  const rand = seededRandom(seed);
  const folds = new Array<number>(labels.length).fill(0);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), i]));
  let offset = 0;
  for (const l of [...byLabel.keys()].sort()) {
    const idx = byLabel.get(l)!;
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    // Continue the round-robin where the last label stopped, so small labels do not all start at fold 0.
    idx.forEach((item, n) => (folds[item] = (offset + n) % k));
    offset = (offset + idx.length) % k;
  }
  return folds;
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);

/** A readable report: totals, per-class precision/recall/F1, and the confusion matrix. */
export function formatReport(title: string, r: EvalReport): string {
  const width = Math.max(8, ...r.labels.map((l) => l.length));
  const lines = [`${title}`, `  examples ${r.n}   accuracy ${pct(r.accuracy)}%   macro-F1 ${pct(r.macroF1)}%`, ''];
  lines.push(`  ${'label'.padEnd(width)}  precision  recall     F1  support`);
  for (const c of r.perClass)
    lines.push(`  ${c.label.padEnd(width)}     ${pct(c.precision)}   ${pct(c.recall)}  ${pct(c.f1)}  ${String(c.support).padStart(7)}`);
  lines.push('', '  confusion matrix (rows: true label, columns: predicted, numbered as the rows)');
  const cols = r.predictedLabels.map((l, i) => (i < r.labels.length ? String(i + 1) : l));
  const cw = Math.max(4, ...cols.map((c) => c.length + 1), ...r.confusion.flat().map((v) => String(v).length + 1));
  lines.push(`  ${''.padEnd(width + 4)}${cols.map((c) => c.padStart(cw)).join('')}`);
  r.confusion.forEach((row, i) =>
    lines.push(`  ${String(i + 1).padStart(2)}. ${r.labels[i]!.padEnd(width)}${row.map((v) => String(v).padStart(cw)).join('')}`),
  );
  return lines.join('\n');
}
