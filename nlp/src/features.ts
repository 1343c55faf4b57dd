import { defaultSegmenter } from './segment.ts';
import { charNgrams, normalize } from './text.ts';

/**
 * What the classifiers see of a text: character unigrams and bigrams (robust to segmentation
 * errors, typos, register and unseen words) and jieba words (prefixed `w:`). Trigrams were
 * tried and dropped: with a few hundred training posts they spread the weight too thin (5-fold
 * macro-F1 on formal posts 0.86 with 1–3-grams, 0.88 with 1–2-grams; see README.md).
 */
export interface TextFeatures {
  /** Character n-grams and `w:`-prefixed words, with repeats. */
  tokens: string[];
  /** Jieba words, once each (the neural member's bag of words). */
  words: string[];
}

export function textFeatures(text: string): TextFeatures {
  const t = normalize(text);
  const words = defaultSegmenter()
    .cut(t, true)
    .map((w) => w.replace(/[0-9]+/g, '0'));
  const tokens = charNgrams(t, 1, 2);
  for (const w of words) if (w.length > 1 || /[\u3400-\u9fff]/.test(w)) tokens.push(`w:${w}`);
  return { tokens, words: [...new Set(words)] };
}

/** A sparse row: feature indices and values, L2-normalised. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

export interface VectorizerJson {
  features: string[];
  idf: number[];
}

/**
 * TF-IDF over a fitted vocabulary: sublinear tf (1 + ln tf), smoothed idf, L2 norm. Unseen
 * features are ignored at transform time.
 */
export class Vectorizer {
  readonly index: Map<string, number>;
  readonly idf: Float32Array;

  constructor(
    readonly features: string[],
    idf: ArrayLike<number>,
  ) {
    this.index = new Map(features.map((f, i) => [f, i]));
    this.idf = Float32Array.from(idf);
  }

  get size(): number {
    return this.features.length;
  }

  /** Keep features seen in at least `minDf` documents, at most `maxFeatures` of the most frequent. */
  static fit(docs: string[][], opts: { minDf?: number; maxFeatures?: number } = {}): Vectorizer {
    const minDf = opts.minDf ?? 1;
    const df = new Map<string, number>();
    for (const doc of docs) for (const f of new Set(doc)) df.set(f, (df.get(f) ?? 0) + 1);
    let kept = [...df.entries()].filter(([, n]) => n >= minDf);
    if (opts.maxFeatures && kept.length > opts.maxFeatures) kept = kept.sort((a, b) => b[1] - a[1]).slice(0, opts.maxFeatures);
    kept.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const n = docs.length;
    return new Vectorizer(
      kept.map(([f]) => f),
      kept.map(([, d]) => Math.log((1 + n) / (1 + d)) + 1),
    );
  }

  transform(tokens: string[]): SparseVector {
    const counts = new Map<number, number>();
    for (const t of tokens) {
      const i = this.index.get(t);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const idx = new Int32Array(counts.size);
    const val = new Float32Array(counts.size);
    let k = 0;
    let norm = 0;
    for (const [i, c] of counts) {
      const v = (1 + Math.log(c)) * this.idf[i]!;
      idx[k] = i;
      val[k++] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < val.length; j++) val[j]! /= norm;
    return { idx, val };
  }

  toJSON(): VectorizerJson {
    return { features: this.features, idf: Array.from(this.idf, (x) => Math.round(x * 1e4) / 1e4) };
  }

  static fromJSON(json: VectorizerJson): Vectorizer {
    return new Vectorizer(json.features, json.idf);
  }
}

/** Float32Array ↔ base64, to keep weight matrices compact inside JSON. */
export function encodeFloats(a: Float32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

export function decodeFloats(s: string): Float32Array {
  const buf = Buffer.from(s, 'base64');
  const out = new Float32Array(buf.byteLength / 4);
  new Uint8Array(out.buffer).set(buf);
  return out;
}
