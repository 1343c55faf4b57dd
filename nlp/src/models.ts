// The untyped package's declaration travels with the one file that uses it, into every program that loads it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./nlpjs-neural.d.ts" />
import { NeuralNetwork, type NeuralJson } from '@nlpjs/neural';
import { type SparseVector, decodeFloats, encodeFloats } from './features.ts';
import { seededRandom } from './text.ts';

/**
 * The ensemble's members. Each maps a text's features to a probability per label (same label
 * order as the head). They are small on purpose: a few hundred to a few thousand examples, a
 * retrain after every batch of agent corrections, thousands of predictions per second.
 */

export function softmaxInPlace(z: Float64Array | Float32Array): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += z[i] = Math.exp(z[i]! - max);
  for (let i = 0; i < z.length; i++) z[i]! /= sum;
}

// ---------- multinomial logistic regression ----------

export interface SoftmaxOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Weigh classes inversely to their frequency, so small classes are not drowned. */
  balanced?: boolean;
  seed?: number;
}

/**
 * Multinomial logistic regression on TF-IDF rows, trained by shuffled SGD with a decaying step
 * and L2 shrinkage applied lazily to the weights a row touches.
 */
export class SoftmaxRegression {
  constructor(
    readonly numFeatures: number,
    readonly numLabels: number,
    readonly W: Float32Array = new Float32Array(numFeatures * numLabels),
    readonly b: Float32Array = new Float32Array(numLabels),
  ) {}

  static train(rows: SparseVector[], y: number[], numFeatures: number, numLabels: number, opts: SoftmaxOptions = {}): SoftmaxRegression {
    const m = new SoftmaxRegression(numFeatures, numLabels);
    const epochs = opts.epochs ?? 30;
    const lr0 = opts.learningRate ?? 1.0;
    const l2 = opts.l2 ?? 1e-4;
    const rand = seededRandom(opts.seed ?? 7);
    const counts = new Array<number>(numLabels).fill(0);
    y.forEach((c) => counts[c]!++);
    const classWeight = counts.map((n) => (opts.balanced === false || !n ? 1 : rows.length / (numLabels * n)));
    const order = rows.map((_, i) => i);
    const p = new Float64Array(numLabels);
    let step = 0;
    const total = epochs * rows.length;
    for (let e = 0; e < epochs; e++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const r of order) {
        const lr = lr0 * (1 - step++ / total) + 0.01 * lr0;
        const { idx, val } = rows[r]!;
        m.scores(rows[r]!, p);
        softmaxInPlace(p);
        const cw = classWeight[y[r]!]!;
        p[y[r]!]! -= 1;
        for (let c = 0; c < numLabels; c++) m.b[c]! -= lr * cw * p[c]!;
        const shrink = 1 - lr * l2;
        for (let k = 0; k < idx.length; k++) {
          const base = idx[k]! * numLabels;
          const v = val[k]!;
          for (let c = 0; c < numLabels; c++) m.W[base + c] = m.W[base + c]! * shrink - lr * cw * p[c]! * v;
        }
      }
    }
    return m;
  }

  scores(row: SparseVector, out: Float64Array): Float64Array {
    const L = this.numLabels;
    for (let c = 0; c < L; c++) out[c] = this.b[c]!;
    const { idx, val } = row;
    for (let k = 0; k < idx.length; k++) {
      const base = idx[k]! * L;
      const v = val[k]!;
      for (let c = 0; c < L; c++) out[c]! += this.W[base + c]! * v;
    }
    return out;
  }

  predict(row: SparseVector): Float64Array {
    const p = this.scores(row, new Float64Array(this.numLabels));
    softmaxInPlace(p);
    return p;
  }

  toJSON() {
    return { numFeatures: this.numFeatures, numLabels: this.numLabels, W: encodeFloats(this.W), b: Array.from(this.b) };
  }

  static fromJSON(j: ReturnType<SoftmaxRegression['toJSON']>): SoftmaxRegression {
    return new SoftmaxRegression(j.numFeatures, j.numLabels, decodeFloats(j.W), Float32Array.from(j.b));
  }
}

// ---------- complement naive Bayes ----------

/**
 * Complement naive Bayes (Rennie et al. 2003) on TF-IDF rows with weight normalisation: each
 * class is scored by how unlike the *other* classes the text is, which keeps small classes
 * from being swamped. Scores become probabilities through a softmax with a fixed temperature.
 */
export class ComplementNB {
  constructor(
    readonly numFeatures: number,
    readonly numLabels: number,
    readonly W: Float32Array,
    readonly temperature: number,
  ) {}

  static train(rows: SparseVector[], y: number[], numFeatures: number, numLabels: number, opts: { alpha?: number; temperature?: number } = {}): ComplementNB {
    const alpha = opts.alpha ?? 0.3;
    const perClass = new Float64Array(numFeatures * numLabels);
    const total = new Float64Array(numFeatures);
    rows.forEach(({ idx, val }, r) => {
      for (let k = 0; k < idx.length; k++) {
        perClass[idx[k]! * numLabels + y[r]!]! += val[k]!;
        total[idx[k]!]! += val[k]!;
      }
    });
    const grand = total.reduce((a, b) => a + b, 0);
    const classTotals = new Float64Array(numLabels);
    for (let f = 0; f < numFeatures; f++) for (let c = 0; c < numLabels; c++) classTotals[c]! += perClass[f * numLabels + c]!;
    const W = new Float32Array(numFeatures * numLabels);
    for (let c = 0; c < numLabels; c++) {
      const denom = grand - classTotals[c]! + alpha * numFeatures;
      let norm = 0;
      for (let f = 0; f < numFeatures; f++) {
        const w = Math.log((total[f]! - perClass[f * numLabels + c]! + alpha) / denom);
        W[f * numLabels + c] = w;
        norm += Math.abs(w);
      }
      for (let f = 0; f < numFeatures; f++) W[f * numLabels + c]! /= norm || 1;
    }
    return new ComplementNB(numFeatures, numLabels, W, opts.temperature ?? 3000 / Math.max(1, Math.log(numFeatures)));
  }

  predict({ idx, val }: SparseVector): Float64Array {
    const L = this.numLabels;
    const s = new Float64Array(L);
    for (let k = 0; k < idx.length; k++) {
      const base = idx[k]! * L;
      for (let c = 0; c < L; c++) s[c]! -= this.W[base + c]! * val[k]!;
    }
    for (let c = 0; c < L; c++) s[c]! *= this.temperature;
    softmaxInPlace(s);
    return s;
  }

  toJSON() {
    return { numFeatures: this.numFeatures, numLabels: this.numLabels, W: encodeFloats(this.W), temperature: this.temperature };
  }

  static fromJSON(j: ReturnType<ComplementNB['toJSON']>): ComplementNB {
    return new ComplementNB(j.numFeatures, j.numLabels, decodeFloats(j.W), j.temperature);
  }
}

// ---------- node-nlp's neural network ----------

export const NONE_LABEL = 'None';

/**
 * node-nlp's intent classifier (@nlpjs/neural: one leaky-ReLU perceptron per intent over a bag
 * of words), trained as node-nlp's NLU trains it, with the `nonefeature` row that teaches the
 * `None` intent to win when a text has no known word. Its scores are squared and normalised
 * as node-nlp does.
 */
export class NeuralMember {
  readonly #known: Set<string>;

  constructor(
    readonly labels: string[],
    readonly net: NeuralNetwork,
  ) {
    this.#known = new Set(net.toJSON().features ?? []);
  }

  static train(bags: string[][], y: number[], labels: string[], opts: { iterations?: number } = {}): NeuralMember {
    const corpus = bags.map((words, i) => ({
      input: Object.fromEntries(words.map((w) => [w, 1])),
      output: { [labels[y[i]!]!]: 1 },
    }));
    if (labels.includes(NONE_LABEL)) corpus.push({ input: { nonefeature: 1 }, output: { [NONE_LABEL]: 1 } });
    const net = new NeuralNetwork({ iterations: opts.iterations ?? 300, log: false });
    net.train(corpus);
    return new NeuralMember(labels, net);
  }

  predict(words: string[]): Float64Array {
    const input: Record<string, number> = {};
    for (const w of words) if (this.#known.has(w)) input[w] = 1;
    // As node-nlp's NLU does: a text with no known word is the `nonefeature` row.
    const raw = this.net.run(Object.keys(input).length ? input : { nonefeature: 1 }) ?? {};
    const out = new Float64Array(this.labels.length);
    if (!Object.values(raw).some((v) => v > 0)) {
      const none = this.labels.indexOf(NONE_LABEL);
      if (none >= 0) out[none] = 1;
      else out.fill(1 / this.labels.length);
      return out;
    }
    let sum = 0;
    this.labels.forEach((l, i) => {
      const v = Math.max(0, raw[l] ?? 0);
      out[i] = v * v;
      sum += v * v;
    });
    for (let i = 0; i < out.length; i++) out[i]! /= sum || 1;
    return out;
  }

  toJSON(): NeuralJson {
    return this.net.toJSON();
  }

  static fromJSON(labels: string[], json: NeuralJson): NeuralMember {
    const net = new NeuralNetwork();
    net.fromJSON(json);
    return new NeuralMember(labels, net);
  }
}
