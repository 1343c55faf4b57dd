import type { LonLat } from './geometry.ts';
import { DuplicateIndex, type DuplicateOptions } from './dedup.ts';
import type { Locator } from './location.ts';
import { defaultSegmenter } from './segment.ts';
import type { TermStats } from './similarity.ts';
import { backgroundStats } from './background.ts';
import { maskPlaces, placeWords } from './place-words.ts';

/**
 * Hot words and hot issues (热词分析, 热点问题) for supervisors: pure functions over appeal
 * records, so the caller picks the records (a day, a week, a street) from the database.
 */

export interface HotTerm {
  term: string;
  /** How many texts mention it (each text counts once). */
  docs: number;
  /** How many times in all. */
  count: number;
  /** With `previous` texts: how many of them mention it, and the trend from there to now. */
  previousDocs?: number;
  trend?: HotTrend;
}

/** `new`: not mentioned before; `up`/`down`: at least a fifth more/less (and by two texts or more); else `steady`. */
export type HotTrend = 'new' | 'up' | 'down' | 'steady';

export function trendOf(docs: number, previous: number): HotTrend {
  if (previous === 0) return 'new';
  if (docs >= previous * 1.2 && docs - previous >= 2) return 'up';
  if (docs <= previous / 1.2 && previous - docs >= 2) return 'down';
  return 'steady';
}

/** The content words of a text that can be hot: no stop words, fillers, time words or single characters; places unless asked. */
function termsOf(locator: Locator, includePlaces: boolean): (text: string) => string[] {
  const seg = defaultSegmenter();
  const places = placeWords(locator).set;
  // A token made only of the territory's names and stems (青禾区, 柳岸, 新村) is a place: decided once per distinct token.
  const placeToken = new Map<string, boolean>();
  const isPlace = (t: string) => {
    let known = placeToken.get(t);
    if (known === undefined) placeToken.set(t, (known = places.has(t) || !maskPlaces(t, locator).trim()));
    return known;
  };
  return (text) => seg.terms(text).filter((t) => t.length > 1 && (includePlaces || !isPlace(t)));
}

/**
 * The most mentioned content words: stop words, spoken fillers, time words and numbers removed,
 * and the territory's own place names and their stems removed unless `includePlaces` (places are
 * what hot *spots* are for). With `previous` (the texts of the period before), each word says how
 * it moved.
 */
export function hotTerms(texts: string[], opts: { locator: Locator; top?: number; includePlaces?: boolean; minDocs?: number; previous?: string[] }): HotTerm[] {
  const termsIn = termsOf(opts.locator, opts.includePlaces ?? false);
  const stats = new Map<string, HotTerm>();
  for (const text of texts) {
    const terms = termsIn(text);
    for (const t of terms) {
      const s = stats.get(t) ?? { term: t, docs: 0, count: 0 };
      s.count++;
      stats.set(t, s);
    }
    for (const t of new Set(terms)) stats.get(t)!.docs++;
  }
  const top = [...stats.values()]
    .filter((s) => s.docs >= (opts.minDocs ?? 1))
    .sort((a, b) => b.docs - a.docs || b.count - a.count || (a.term < b.term ? -1 : 1))
    .slice(0, opts.top ?? 20);
  if (opts.previous) {
    const before = new Map(top.map((t) => [t.term, 0]));
    for (const text of opts.previous) for (const t of new Set(termsIn(text))) if (before.has(t)) before.set(t, before.get(t)! + 1);
    for (const t of top) {
      t.previousDocs = before.get(t.term)!;
      t.trend = trendOf(t.docs, t.previousDocs);
    }
  }
  return top;
}

export interface AppealRecord {
  id: string;
  text: string;
  at: Date | number | string;
  point?: LonLat;
  gridCode?: string;
  category?: string;
  /** An emergency clusters only with other emergencies, never into a routine hot issue. */
  emergency?: boolean;
}

export interface HotIssue {
  /** Appeal ids in the cluster, oldest first. */
  ids: string[];
  size: number;
  /** The cluster's top words, a readable label. */
  terms: string[];
  /** The most frequent category among its appeals, if any. */
  category?: string;
  /** A cluster of emergencies. */
  emergency: boolean;
  first: string;
  last: string;
}

export interface HotIssueGroup {
  /** `YYYY-MM-DD` for days, `YYYY-Www` (ISO week) for weeks, in `timeZone`. */
  period: string;
  /** The street (街道/镇) code, or `unknown` when the appeal could not be placed. */
  street: string;
  appeals: number;
  clusters: HotIssue[];
}

export interface HotIssueOptions {
  period?: 'day' | 'week';
  timeZone?: string;
  /** Clusters smaller than this are not hot (default 2). */
  minSize?: number;
  /** Duplicate settings; a pair joins a cluster at or above `suggestThreshold`. */
  duplicates?: Omit<DuplicateOptions, 'stats' | 'locator'>;
  locator: Locator;
  stats?: TermStats;
}

const toDate = (at: Date | number | string) => (at instanceof Date ? at : new Date(at));

export function periodKey(at: Date, period: 'day' | 'week', timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at).map((p) => [p.type, p.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  if (period === 'day') return day;
  // ISO week of the local calendar day: the week belongs to the year of its Thursday.
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Duplicate clusters per period and street: within each (period, street) group, appeals are
 * linked when the duplicate scorer says so (union–find), and clusters of at least `minSize`
 * appeals are returned, largest first.
 */
export function hotIssues(records: AppealRecord[], opts: HotIssueOptions): HotIssueGroup[] {
  const { locator } = opts;
  const stats = opts.stats ?? backgroundStats(locator);
  const timeZone = opts.timeZone ?? 'Asia/Shanghai';
  const period = opts.period ?? 'day';
  const groups = new Map<string, AppealRecord[]>();
  for (const r of [...records].sort((a, b) => toDate(a.at).getTime() - toDate(b.at).getTime())) {
    const grid = r.gridCode ?? (r.point ? locator.grids.gridAt(r.point) : locator.locate(r.text).gridCode);
    const street = grid ? (locator.grids.ancestors(grid).find((c) => locator.grids.unit(c)?.level === 'street') ?? 'unknown') : 'unknown';
    const key = `${periodKey(toDate(r.at), period, timeZone)}|${street}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: HotIssueGroup[] = [];
  for (const [key, rs] of groups) {
    const [p, street] = key.split('|') as [string, string];
    const index = new DuplicateIndex({ ...opts.duplicates, stats, locator, maxResults: 50 });
    const parent = rs.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const slot = new Map<string, number>();
    rs.forEach((r, i) => {
      for (const m of index.find(r)) parent[find(i)] = find(slot.get(m.id)!);
      index.add(r);
      slot.set(r.id, i);
    });
    const clusters = new Map<number, number[]>();
    rs.forEach((_, i) => clusters.set(find(i), [...(clusters.get(find(i)) ?? []), i]));
    const hot: HotIssue[] = [...clusters.values()]
      .filter((c) => c.length >= (opts.minSize ?? 2))
      .map((c) => {
        const members = c.map((i) => rs[i]!);
        const cats = members.map((m) => m.category).filter((x): x is string => Boolean(x));
        const category = cats.sort((a, b) => cats.filter((x) => x === b).length - cats.filter((x) => x === a).length)[0];
        const issue: HotIssue = {
          ids: members.map((m) => m.id),
          size: members.length,
          terms: hotTerms(
            members.map((m) => m.text),
            { locator, top: 5 },
          ).map((t) => t.term),
          emergency: Boolean(members[0]!.emergency),
          first: toDate(members[0]!.at).toISOString(),
          last: toDate(members[members.length - 1]!.at).toISOString(),
        };
        if (category) issue.category = category;
        return issue;
      })
      .sort((a, b) => b.size - a.size);
    out.push({ period: p, street, appeals: rs.length, clusters: hot });
  }
  return out.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.street < b.street ? -1 : 1));
}
