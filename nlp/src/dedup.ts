import type { LonLat } from './geometry.ts';
import { distanceMeters } from './gazetteer.ts';
import type { Locator } from './location.ts';
import { backgroundStats } from './background.ts';
import { type DocRep, FILLER_CHARS, type TermStats, comparePlace, compareText, represent } from './similarity.ts';
import { normalize } from './text.ts';

/**
 * Duplicate detection over open appeals: MinHash signatures of each appeal's character bigrams
 * (place names masked), banded LSH buckets for candidate retrieval, a hard filter by time window
 * and distance, then a score in [0,1] = text similarity × place agreement × time × category.
 * Above `attachThreshold` the appeal can be attached automatically; above `suggestThreshold` it
 * is shown to the agent with the evidence.
 */

export interface DuplicateRecord {
  id: string;
  text: string;
  /** A point from the channel or the parsed address; when absent, the text's address is parsed. */
  point?: LonLat;
  gridCode?: string;
  /** The matter category (the classifier's label or the agent's). */
  category?: string;
  /** Graded an emergency: matched only with another emergency of the same matter, and never merged automatically. */
  emergency?: boolean;
  /** When the appeal arrived. */
  at: Date | number | string;
}

export type DuplicateCandidate = Omit<DuplicateRecord, 'id'> & { id?: string };

export interface DuplicateEvidence {
  sharedTerms: string[];
  /** Null when either side has no point. */
  distanceMeters: number | null;
  minutesApart: number;
  textSimilarity: number;
  /** Null when either side has no category. */
  sameCategory: boolean | null;
  /** The two texts are identical or nearly so (places included) and specific enough to merge without a place. */
  identicalText?: boolean;
  /** Both appeals are emergencies (one emergency is never matched with a routine appeal). */
  emergency?: boolean;
}

export interface DuplicateMatch {
  id: string;
  score: number;
  decision: 'attach' | 'suggest';
  evidence: DuplicateEvidence;
}

export interface DuplicateOptions {
  /** Only appeals within this many minutes of each other can be duplicates (default 7 days). */
  windowMinutes?: number;
  /** Located appeals further apart than this are never duplicates (default 1,000 m). */
  maxDistanceMeters?: number;
  /** Score at or above which a match is attached automatically (default 0.8). */
  attachThreshold?: number;
  /** Score at or above which a match is suggested to the agent (default 0.3: see the dedup-eval figures in README.md). */
  suggestThreshold?: number;
  /** At most this many matches per lookup (default 5). */
  maxResults?: number;
  /** LSH bands × rows per band (default 20 × 2: a pair with bigram Jaccard 0.25 is retrieved 72% of the time, 0.35 95%). */
  bands?: number;
  rows?: number;
  /** At most this many LSH candidates are scored in full, those sharing most bands first (default 64). */
  maxCandidates?: number;
  /** At most this many entries of one LSH bucket are scanned, newest first (default 1,000). */
  maxBucketScan?: number;
  /** When the cells around a lookup hold at most this many appeals, all are compared, not only LSH candidates (default 300). */
  exhaustiveBelow?: number;
  /** Parses addresses from text when a record has no point or grid. */
  locator: Locator;
  /** Term statistics (IDF × specificity); default: learnt from the shipped corpus, then updated as appeals are added. */
  stats?: TermStats;
}

export const DEFAULT_DUPLICATE_OPTIONS = {
  windowMinutes: 7 * 24 * 60,
  maxDistanceMeters: 1000,
  attachThreshold: 0.8,
  suggestThreshold: 0.3,
  maxResults: 5,
  bands: 20,
  rows: 2,
  maxCandidates: 64,
  maxBucketScan: 1000,
  exhaustiveBelow: 300,
};

const toMs = (at: Date | number | string) => (at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at));

/** A 32-bit integer mix (murmur3 finaliser), the family of MinHash permutations. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Time agreement: full within a day, fading to 0.8 at the window's end. */
function timeFactor(minutes: number, window: number): number {
  return minutes <= 1440 ? 1 : 1 - (0.2 * (minutes - 1440)) / Math.max(1, window - 1440);
}

/** Score two represented appeals: the one formula used by the index and by `dedup-eval`. */
export function scorePair(
  a: DocRep,
  b: DocRep,
  stats: TermStats,
  ctx: { minutesApart?: number; categoryA?: string; categoryB?: string; withTerms?: boolean; windowMinutes?: number; maxDistanceMeters?: number } = {},
): { score: number; evidence: DuplicateEvidence } {
  const window = ctx.windowMinutes ?? DEFAULT_DUPLICATE_OPTIONS.windowMinutes;
  const text = compareText(a, b, stats, ctx.withTerms);
  const place = comparePlace(a.place, b.place, ctx.maxDistanceMeters ?? DEFAULT_DUPLICATE_OPTIONS.maxDistanceMeters);
  const minutes = ctx.minutesApart ?? 0;
  const sameCategory = ctx.categoryA && ctx.categoryB ? ctx.categoryA === ctx.categoryB : null;
  // A shared state (both 停水) lifts the matter similarity a quarter of the way to 1; conflicting
  // states (不亮 / 倒了) cut the score. The square root spreads the low end of cosine similarity,
  // so thresholds read naturally (0.4 ≈ cosine 0.16).
  const matter = text.states === 'shared' ? text.textSimilarity + 0.25 * (1 - text.textSimilarity) : text.textSimilarity;
  // Another category is likely another matter (the classifier errs, so it is a discount, not a veto): never merged (see `decide`).
  const score = Math.sqrt(matter) * (text.states === 'conflict' ? 0.4 : 1) * place.factor * timeFactor(minutes, window) * (sameCategory === false ? 0.7 : 1);
  return {
    score: Math.round(score * 1e4) / 1e4,
    evidence: {
      sharedTerms: text.sharedTerms,
      distanceMeters: place.distanceMeters,
      minutesApart: Math.round(minutes),
      textSimilarity: Math.round(text.textSimilarity * 1e4) / 1e4,
      sameCategory,
    },
  };
}

/** At least this many content characters make a text specific enough to merge on identical wording alone. */
export const SPECIFIC_TEXT_CHARS = 15;
/** Character-bigram Dice of the whole texts (places included) at or above which two texts count as identical. */
export const IDENTICAL_TEXT_DICE = 0.9;

/** The text as compared for identity: normalized, without punctuation, spaces and spoken fillers. */
export function plainText(text: string): string {
  return normalize(text)
    .replace(/[^\u3400-\u9fffa-z0-9]/g, '')
    .replace(FILLER_CHARS, '');
}

/** Character-bigram Dice coefficient of two plain texts. */
export function bigramDice(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const [x, y] = [grams(a), grams(b)];
  let shared = 0;
  for (const [g, n] of x) shared += Math.min(n, y.get(g) ?? 0);
  const total = Math.max(0, a.length - 1) + Math.max(0, b.length - 1);
  return total ? (2 * shared) / total : a === b ? 1 : 0;
}

/** Identical or nearly so, and long enough to be about one specific matter. */
export function identicalTexts(a: string, b: string): boolean {
  return Math.min(a.length, b.length) >= SPECIFIC_TEXT_CHARS && bigramDice(a, b) >= IDENTICAL_TEXT_DICE;
}

/**
 * What to do with a scored pair: nothing, suggest it to the agent, or attach it automatically.
 * - An emergency is matched only with another emergency of the same matter, and never attached.
 * - Another category is never attached (it may be suggested when the wording is that close).
 * - Attached only when the place agrees (both placed within the distance cut-off), or without a
 *   place when the texts are identical and specific; a short identical text is only suggested.
 */
export function decide(
  score: number,
  evidence: DuplicateEvidence,
  sides: { emergencyA?: boolean; emergencyB?: boolean },
  thresholds: { attachThreshold: number; suggestThreshold: number },
): 'attach' | 'suggest' | undefined {
  if (Boolean(sides.emergencyA) !== Boolean(sides.emergencyB)) return undefined;
  if (sides.emergencyA && evidence.sameCategory === false) return undefined;
  if (score < thresholds.suggestThreshold) return undefined;
  const certain = evidence.distanceMeters !== null || evidence.identicalText === true;
  return score >= thresholds.attachThreshold && certain && !sides.emergencyA && evidence.sameCategory !== false ? 'attach' : 'suggest';
}

interface Doc {
  id: string;
  at: number;
  rep: DocRep;
  category?: string;
  emergency: boolean;
  plain: string;
  cell: number;
}

/** Area cells of 0.01° (about 1 km): LSH buckets are per cell, so a lookup visits only nearby appeals. */
const CELL_DEGREES = 0.01;
const NO_CELL = -1;
const cellOf = (p: LonLat | undefined) => (p ? Math.floor(p.longitude / CELL_DEGREES + 18000) * 40000 + Math.floor(p.latitude / CELL_DEGREES + 9000) : NO_CELL);

/**
 * The open appeals, indexed for duplicate lookup. In memory; the caller adds an appeal when it
 * opens and removes it when it is closed, merged or leaves the window (`prune`).
 */
export class DuplicateIndex {
  readonly options: typeof DEFAULT_DUPLICATE_OPTIONS;
  readonly stats: TermStats;
  readonly #locator: Locator;
  readonly #seeds: Uint32Array;
  readonly #docs: (Doc | undefined)[] = [];
  readonly #byId = new Map<string, number>();
  readonly #free: number[] = [];
  readonly #buckets = new Map<number, number[] | number>();
  /** The slots of the appeals in each occupied cell (a lookup without a place visits every occupied cell). */
  readonly #cells = new Map<number, number[]>();
  // Per-slot arrival time and a scratch counter of band hits, reset by generation, not by clearing.
  #at = new Float64Array(1024);
  #hits = new Int32Array(1024);
  #mark = new Int32Array(1024);
  #generation = 0;

  constructor(opts: DuplicateOptions) {
    const { locator, stats, ...rest } = opts;
    this.options = { ...DEFAULT_DUPLICATE_OPTIONS, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) };
    if (this.options.suggestThreshold > this.options.attachThreshold) throw new Error('suggestThreshold must not exceed attachThreshold');
    this.#locator = locator;
    this.stats = stats ?? backgroundStats(locator);
    const n = this.options.bands * this.options.rows;
    this.#seeds = Uint32Array.from({ length: n }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));
  }

  get size(): number {
    return this.#byId.size;
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** Add (or replace) an open appeal. */
  add(record: DuplicateRecord): void {
    if (this.#byId.has(record.id)) this.remove(record.id);
    const rep = this.#represent(record);
    const slot = this.#free.pop() ?? this.#docs.length;
    const cell = cellOf(rep.place.point);
    const keys = this.#keys(this.#bandHashes(rep), [cell]);
    this.#docs[slot] = {
      id: record.id,
      at: toMs(record.at),
      rep,
      category: record.category,
      emergency: Boolean(record.emergency),
      plain: plainText(record.text),
      cell,
    };
    const inCell = this.#cells.get(cell);
    if (inCell) inCell.push(slot);
    else this.#cells.set(cell, [slot]);
    if (slot >= this.#at.length) {
      const size = this.#at.length * 2;
      const at = new Float64Array(size);
      at.set(this.#at);
      this.#at = at;
      this.#hits = new Int32Array(size);
      this.#mark = new Int32Array(size);
      this.#generation = 0;
    }
    this.#at[slot] = toMs(record.at);
    this.#byId.set(record.id, slot);
    this.stats.addDoc(new Set([...rep.words, ...rep.grams, ...rep.chars]));
    for (const k of keys) {
      const b = this.#buckets.get(k);
      if (b === undefined) this.#buckets.set(k, slot);
      else if (typeof b === 'number') this.#buckets.set(k, [b, slot]);
      else b.push(slot);
    }
  }

  /** Remove a closed, merged or expired appeal. Returns false when it was not indexed. */
  remove(id: string): boolean {
    const slot = this.#byId.get(id);
    if (slot === undefined) return false;
    const doc = this.#docs[slot]!;
    for (const k of this.#keys(this.#bandHashes(doc.rep), [doc.cell])) {
      const b = this.#buckets.get(k);
      if (b === slot) this.#buckets.delete(k);
      else if (Array.isArray(b)) {
        const i = b.indexOf(slot);
        if (i >= 0) {
          b[i] = b[b.length - 1]!;
          b.pop();
        }
        if (b.length === 1) this.#buckets.set(k, b[0]!);
      }
    }
    this.stats.addDoc(new Set([...doc.rep.words, ...doc.rep.grams, ...doc.rep.chars]), -1);
    const inCell = this.#cells.get(doc.cell)!;
    inCell.splice(inCell.indexOf(slot), 1);
    if (!inCell.length) this.#cells.delete(doc.cell);
    this.#docs[slot] = undefined;
    this.#free.push(slot);
    this.#byId.delete(id);
    return true;
  }

  /** Remove every appeal that arrived before `before`; returns how many. */
  prune(before: Date | number): number {
    const t = toMs(before);
    const old = this.#docs.filter((d): d is Doc => Boolean(d) && d!.at < t).map((d) => d.id);
    old.forEach((id) => this.remove(id));
    return old.length;
  }

  /** Likely duplicates of a new appeal among the indexed ones, best first. */
  find(candidate: DuplicateCandidate): DuplicateMatch[] {
    const o = this.options;
    const rep = this.#represent(candidate);
    const at = toMs(candidate.at);
    const windowMs = o.windowMinutes * 60_000;
    // Count band collisions per slot inside the time window (typed arrays: buckets can be large).
    const gen = ++this.#generation;
    const [hits, mark, times] = [this.#hits, this.#mark, this.#at];
    const touched: number[] = [];
    const count = (slot: number) => {
      if (Math.abs(times[slot]! - at) > windowMs) return;
      if (mark[slot] !== gen) {
        mark[slot] = gen;
        hits[slot] = 1;
        touched.push(slot);
      } else hits[slot]!++;
    };
    const cells = this.#nearbyCells(rep.place.point);
    const nearby = cells.reduce((n, c) => n + this.#cells.get(c)!.length, 0);
    if (nearby <= o.exhaustiveBelow) {
      // Few appeals around: compare with every one of them, no LSH miss possible.
      for (const c of cells) for (const slot of this.#cells.get(c)!) count(slot);
    } else {
      for (const k of this.#keys(this.#bandHashes(rep), cells)) {
        const b = this.#buckets.get(k);
        if (b === undefined) continue;
        if (typeof b === 'number') count(b);
        // A huge bucket is a common matter (路灯不亮 across the district): its newest entries are scanned.
        else for (let i = b.length - 1, stop = Math.max(0, b.length - o.maxBucketScan); i >= stop; i--) count(b[i]!);
      }
    }
    const p = rep.place.point;
    const pool: [number, number][] = [];
    for (const slot of touched) {
      const d = this.#docs[slot]!;
      if (d.id === candidate.id) continue;
      const q = d.rep.place.point;
      if (p && q && distanceMeters(p, q) > o.maxDistanceMeters) continue;
      pool.push([slot, hits[slot]!]);
    }
    if (nearby > o.exhaustiveBelow && pool.length > o.maxCandidates) pool.sort((x, y) => y[1] - x[1]).length = o.maxCandidates;
    const matches: DuplicateMatch[] = [];
    const plain = plainText(candidate.text);
    for (const [slot] of pool) {
      const d = this.#docs[slot]!;
      if (Boolean(candidate.emergency) !== d.emergency) continue;
      const { score, evidence } = scorePair(rep, d.rep, this.stats, {
        minutesApart: Math.abs(d.at - at) / 60_000,
        categoryA: candidate.category,
        categoryB: d.category,
        windowMinutes: o.windowMinutes,
        maxDistanceMeters: o.maxDistanceMeters,
      });
      if (score < o.suggestThreshold) continue;
      evidence.identicalText = identicalTexts(plain, d.plain);
      evidence.emergency = d.emergency;
      const decision = decide(score, evidence, { emergencyA: candidate.emergency, emergencyB: d.emergency }, o);
      if (decision) matches.push({ id: d.id, score, decision, evidence });
    }
    matches.sort((x, y) => y.score - x.score);
    const top = matches.slice(0, o.maxResults);
    // Shared terms are looked up only for the matches shown.
    for (const m of top) {
      const d = this.#docs[this.#byId.get(m.id)!]!;
      m.evidence.sharedTerms = compareText(rep, d.rep, this.stats, true).sharedTerms;
    }
    return top;
  }

  #represent(r: DuplicateCandidate): DocRep {
    return represent(r.text, { stats: this.stats, locator: this.#locator, point: r.point, gridCode: r.gridCode });
  }

  /** The cells within `maxDistanceMeters` of a point, and the cell of unplaced appeals; every occupied cell without a point. */
  #nearbyCells(p: LonLat | undefined): number[] {
    if (!p) return [...this.#cells.keys()];
    const ringLat = Math.ceil(this.options.maxDistanceMeters / (CELL_DEGREES * 110_574));
    const ringLon = Math.ceil(this.options.maxDistanceMeters / (CELL_DEGREES * 111_320 * Math.max(0.05, Math.cos((p.latitude * Math.PI) / 180))));
    const cells = [NO_CELL];
    const center = cellOf(p);
    for (let dx = -ringLon; dx <= ringLon; dx++) for (let dy = -ringLat; dy <= ringLat; dy++) cells.push(center + dx * 40000 + dy);
    return cells.filter((c) => this.#cells.has(c));
  }

  /** Bucket keys: band number in the high bits, the band's hash mixed with the cell in the low 32. */
  #keys(bandHashes: number[], cells: number[]): number[] {
    const keys: number[] = [];
    for (const cell of cells) {
      const c = mix(cell + 0x5bd1e995);
      bandHashes.forEach((h, b) => keys.push(b * 2 ** 32 + mix(h ^ c)));
    }
    return keys;
  }

  /** One hash per band, of its rows' minimum hashes. */
  #bandHashes(rep: DocRep): number[] {
    const { bands, rows } = this.options;
    const n = bands * rows;
    const mins = new Uint32Array(n).fill(0xffffffff);
    for (const s of rep.shingles) {
      const x = mix(s + 1);
      for (let i = 0; i < n; i++) {
        const h = mix(x ^ this.#seeds[i]!);
        if (h < mins[i]!) mins[i] = h;
      }
    }
    if (!rep.shingles.length) return [];
    const keys: number[] = [];
    for (let b = 0; b < bands; b++) {
      let h = 0x811c9dc5 ^ b;
      for (let r = 0; r < rows; r++) h = mix(h ^ mins[b * rows + r]!);
      keys.push(h);
    }
    return keys;
  }
}
