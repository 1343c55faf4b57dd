/**
 * Text normalisation shared by every NLP step: full-width ASCII to half-width, lower case,
 * collapsed whitespace. Chinese characters are left untouched (no traditional → simplified).
 */
export function normalize(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code === 0x3000) out += ' ';
    else if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else out += ch;
  }
  return out.toLowerCase().replace(/\s+/g, ' ').trim();
}

const WORD_CHAR = /[\u3400-\u9fff\uf900-\ufaffa-z0-9]/;

/** Runs of CJK letters, Latin letters and digits; punctuation and spaces split runs. */
export function textRuns(normalized: string): string[] {
  const runs: string[] = [];
  let run = '';
  for (const ch of normalized) {
    if (WORD_CHAR.test(ch)) run += ch;
    else if (run) {
      runs.push(run);
      run = '';
    }
  }
  if (run) runs.push(run);
  return runs;
}

/**
 * Character n-grams of sizes `min..max` inside each run (never across punctuation), in order,
 * with repeats. Digits are collapsed to `0` so house numbers do not explode the vocabulary.
 */
export function charNgrams(normalized: string, min: number, max: number, collapseDigits = true): string[] {
  const grams: string[] = [];
  for (const raw of textRuns(normalized)) {
    const run = collapseDigits ? raw.replace(/[0-9]+/g, '0') : raw;
    const chars = Array.from(run);
    for (let n = min; n <= max; n++) {
      for (let i = 0; i + n <= chars.length; i++) grams.push(chars.slice(i, i + n).join(''));
    }
  }
  return grams;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** `一百二十八` → 128, `十五` → 15, `三` → 3, `一二八` → 128; undefined when not a numeral. */
export function chineseToNumber(s: string): number | undefined {
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (!s || ![...s].every((c) => c in CN_DIGITS || c in CN_UNITS)) return undefined;
  if (![...s].some((c) => c in CN_UNITS)) return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c in CN_DIGITS) digit = CN_DIGITS[c]!;
    else {
      total += (digit || 1) * CN_UNITS[c]!;
      digit = 0;
    }
  }
  return total + digit;
}

/** A numeral, Arabic or Chinese, as a regular-expression source. */
export const NUMERAL = '[0-9]+|[零〇一二两三四五六七八九十百千]+';

/** A small deterministic PRNG (mulberry32) for shuffles, folds and generated data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
