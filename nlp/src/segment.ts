import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { DOMAIN_WORDS } from './gazetteer.ts';
import { isStopToken } from './stopwords.ts';
import { normalize } from './text.ts';

/**
 * Chinese word segmentation: jieba (the Rust port, @node-rs/jieba) with its bundled dictionary
 * plus the territory's place names and domain words, so 湖滨花园 or 占道经营 stay one token.
 * Loading is local (the dictionary ships inside the package): no network.
 */
export class Segmenter {
  readonly #jieba: Jieba;
  readonly #custom = new Set<string>();

  constructor(words: Iterable<string> = []) {
    this.#jieba = Jieba.withDict(dict);
    this.addWords(words);
  }

  /** Teach the segmenter whole words (place names of a deployment, matter terms). */
  addWords(words: Iterable<string>): void {
    const fresh = [...words].map((w) => normalize(w)).filter((w) => w && !/\s/.test(w) && !this.#custom.has(w));
    if (!fresh.length) return;
    fresh.forEach((w) => this.#custom.add(w));
    // A high frequency makes jieba prefer the whole word over its parts.
    this.#jieba.loadDict(new TextEncoder().encode(fresh.map((w) => `${w} 300000 n`).join('\n') + '\n'));
  }

  /** Every token of the normalized text, punctuation and spaces dropped. */
  cut(text: string, alreadyNormalized = false): string[] {
    const t = alreadyNormalized ? text : normalize(text);
    return this.#jieba.cut(t, true).filter((tok) => /[\u3400-\u9fffa-z0-9]/i.test(tok));
  }

  /** Content terms: tokens with stop words, fillers, digits and single letters removed. */
  terms(text: string, alreadyNormalized = false): string[] {
    return this.cut(text, alreadyNormalized).filter((tok) => !isStopToken(tok));
  }
}

let shared: Segmenter | undefined;

/** The process-wide segmenter, primed with the domain words; each `Locator` adds its territory's place names. */
export function defaultSegmenter(): Segmenter {
  return (shared ??= new Segmenter(DOMAIN_WORDS));
}

export const segment = (text: string): string[] => defaultSegmenter().cut(text);
export const contentTerms = (text: string): string[] => defaultSegmenter().terms(text);
