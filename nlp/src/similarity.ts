import type { LonLat } from './geometry.ts';
import { distanceMeters } from './gazetteer.ts';
import type { LocationResult, Locator } from './location.ts';
import { defaultSegmenter } from './segment.ts';
import { STOP_WORDS, isStopToken } from './stopwords.ts';
import { normalize, textRuns } from './text.ts';
import { splitPlaces } from './place-words.ts';

/**
 * Text similarity for duplicate detection. Two citizens describe one matter with different
 * words and different ways of naming the place, so the text is split in two:
 *  - the *matter*: the text with place names, house numbers and spoken fillers removed, compared
 *    by IDF-weighted cosine over content words and over character bigrams;
 *  - the *place*: compared as a distance (a channel point, or the address parsed from the text),
 *    and by building number when both name the same compound.
 */

/** Interns strings as small integers so each document is a few typed arrays. */
export class TermStats {
  readonly #ids = new Map<string, number>();
  readonly #terms: string[] = [];
  #df = new Int32Array(1024);
  #docs = 0;

  id(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.#ids.size;
      this.#ids.set(term, id);
      this.#terms.push(term);
      if (id >= this.#df.length) {
        const grown = new Int32Array(this.#df.length * 2);
        grown.set(this.#df);
        this.#df = grown;
      }
    }
    return id;
  }

  /** Count a document's distinct terms (call once per document added). */
  addDoc(ids: Iterable<number>, sign: 1 | -1 = 1): void {
    this.#docs += sign;
    for (const id of ids) this.#df[id]! += sign;
  }

  #spec = new Float32Array(0);

  /**
   * Term weight: IDF times specificity. Specificity (0.15–1, default 1) is low for words spread
   * evenly over every category of a labelled background corpus (楼下, 业主, 晚上: how people
   * write) and high for words tied to one matter (路灯, 油烟, 低保).
   */
  idf(id: number): number {
    // Weights are cached and refreshed when the document count has moved by more than 1%:
    // duplicate lookups compute thousands of them, and a 1% drift changes no decision.
    if (Math.abs(this.#docs - this.#cachedAt) > Math.max(1, this.#cachedAt * 0.01)) {
      this.#cache.fill(0);
      this.#cachedAt = this.#docs;
    }
    if (id >= this.#cache.length) {
      const grown = new Float32Array(Math.max(this.#df.length, id + 1));
      grown.set(this.#cache);
      this.#cache = grown;
    }
    let w = this.#cache[id]!;
    if (w === 0) {
      const spec = id < this.#spec.length && this.#spec[id]! > 0 ? this.#spec[id]! : 1;
      w = this.#cache[id] = (Math.log((this.#cachedAt + 1) / ((this.#df[id] ?? 0) + 1)) + 1) * spec;
    }
    return w;
  }

  #cache = new Float32Array(1024);
  #cachedAt = 0;

  setSpecificity(id: number, value: number): void {
    if (id >= this.#spec.length) {
      const grown = new Float32Array(Math.max(1024, (id + 1) * 2));
      grown.set(this.#spec);
      this.#spec = grown;
    }
    this.#spec[id] = value;
    if (id < this.#cache.length) this.#cache[id] = 0;
  }

  /** Derive specificities from labelled documents (term ids per document, with its category). */
  learnSpecificity(docs: { ids: Iterable<number>; label: string }[], minDocs = 3): void {
    const labels = [...new Set(docs.map((d) => d.label))];
    if (labels.length < 2) return;
    const perLabel = new Map<string, number>();
    docs.forEach((d) => perLabel.set(d.label, (perLabel.get(d.label) ?? 0) + 1));
    const counts = new Map<number, Map<string, number>>();
    for (const d of docs) {
      for (const id of new Set(d.ids)) {
        const m = counts.get(id) ?? new Map<string, number>();
        m.set(d.label, (m.get(d.label) ?? 0) + 1);
        counts.set(id, m);
      }
    }
    const maxH = Math.log(labels.length);
    for (const [id, m] of counts) {
      const n = [...m.values()].reduce((a, b) => a + b, 0);
      if (n < minDocs) continue;
      // Entropy of the label distribution, each label's count scaled by its size.
      const rates = labels.map((l) => (m.get(l) ?? 0) / perLabel.get(l)!);
      const total = rates.reduce((a, b) => a + b, 0);
      const h = -rates.reduce((a, r) => (r ? a + (r / total) * Math.log(r / total) : a), 0);
      this.setSpecificity(id, Math.max(0.15, 1 - h / maxH));
    }
  }

  get docs(): number {
    return this.#docs;
  }

  termOf(id: number): string | undefined {
    return this.#terms[id];
  }

  get size(): number {
    return this.#ids.size;
  }
}

/** A document as the scorer sees it: sorted term ids with counts, and its place. */
export interface DocRep {
  words: Int32Array;
  wordCounts: Uint8Array;
  grams: Int32Array;
  gramCounts: Uint8Array;
  chars: Int32Array;
  charCounts: Uint8Array;
  /** Shingles for MinHash: the distinct ids of words and character bigrams. */
  shingles: Int32Array;
  /** The matter states named (dark, fallen, missing…): see STATES. */
  states: number;
  place: {
    point?: LonLat;
    gridCode?: string;
    /** Territory codes from the most specific (grid, or the community/street named) up to the district. */
    area?: string[];
    /** Compound or landmark named in the text, with the building number if any. */
    named?: string;
    building?: number;
    /** A road named without a number (no point). */
    road?: string;
    /** The territory's place names and stems the text contains (also those the locator could not place). */
    names?: string[];
  };
}

export const FILLER_CHARS = /[喂嗯啊哦呀吧呢吗嘛哈哎唉]/g;

/**
 * How people ask, not what they ask about: appeal-type cues, urgency and petition phrases.
 * Two reports of one pothole share the pothole, not the 投诉 or the 请尽快处理.
 */
const FRAME_WORDS = new Set(
  `投诉 举报 求助 建议 咨询 表扬 感谢 点赞 实名 匿名 派人 派 帮忙 帮帮忙 帮 管管 管一管 管 请速 速 急 赶紧 马上 快点 尽快 赶快
  严重 影响 生活 正常 周边 意见 有意见 照片 拍照 调查 查处 依法 保密 信息 亟待 多次 无果 未果 持续 好几天 星期 个月 半年 多月
  电话 打电话 快 不知道 该找 找 能不能 可以 帮助 协助 请求 看看 来看 一趟 天天 一直 好久 很久 没人 没人管 有人管 到底`.split(/\s+/),
);
const isFrameGram = (g: string) => STOP_WORDS.has(g) || FRAME_WORDS.has(g);

/**
 * What is wrong with a thing, in a few mutually exclusive states. Two appeals about the same
 * street lamp, one 不亮 and one 倒了, share almost every word yet are two matters; when both
 * texts name states and none is shared, the text similarity is discounted.
 */
const STATES: RegExp[] = [
  /不亮|黑乎乎|漆黑|一片黑|灭了|闪烁|一闪一闪|忽明忽暗/, // dark or flickering
  /倒了|倒塌|倒下|撞倒|撞歪|歪了|倾斜|斜着|断了|折断|塌了/, // fallen, leaning, broken off
  /丢了|没了|不见了|缺失|被偷|偷走|偷了/, // missing
  /漏水|渗水|冒水|爆管|漏了/, // leaking
  /堵了|堵住|堵塞|满了|溢出|外溢/, // blocked or overflowing
  /松了|松动|晃动|一踩就响|翘起/, // loose
  /停水|没有水|没水/, // no water
  /停电|没电|跳闸/, // no power
  /太吵|噪音|吵得|吵到|吵死|扰民|唱到|到凌晨|到半夜|打桩|夜间施工|半夜.{0,4}施工/, // noise, night work
  /臭|异味|刺鼻/, // smell
  /油烟|黑烟|烟很大|冒烟/, // smoke
  /占道|摆摊|摊贩|占用人行道/, // occupying the street
  /加盖|搭建|违章建筑|违建|扩建|私搭/, // building work
  /营业执照|无证|没有执照|许可证/, // licence
  /困人|困在|被困|出不来|被关/, // trapped
  /太高|遮挡|挡住了?阳光|遮住|挡光|太密/, // overgrown
];

/**
 * One word for what citizens call by several names (窨井盖 / 井盖, 人行横道线 / 斑马线, 煤气 /
 * 天然气 / 燃气): two callers rarely pick the same one. Written from the domain, not from any
 * evaluation pair file.
 */
const SYNONYMS: [RegExp, string][] = [
  [/下水道井盖|窨井盖|井盖子/g, '井盖'],
  [/人行横道线|人行横道|斑马线/g, '斑马线'],
  [/牛皮癣|野广告|小广告/g, '小广告'],
  [/天然气|煤气|燃气/g, '燃气'],
  [/漏气|泄露|泄漏/g, '泄漏'],
  [/饭馆|餐馆|餐厅|饭店|小饭店/g, '饭店'],
  [/被车撞|撞车|车祸/g, '车祸'],
  [/往楼下扔|从楼上扔|往下扔|往下丢|高空抛物/g, '高空抛物'],
  [/没人收|没人清理|没人拉走|没人清运|清运/g, '清运'],
  [/信号灯|红绿灯/g, '红绿灯'],
  [/电瓶车|电动车/g, '电动车'],
  [/排水沟|下水口|雨水箅子|雨水口|下水道/g, '下水道'],
  [/僵尸车|长期停放|停了好久|停好久/g, '僵尸车'],
  [/拖欠工资|欠薪|不发工资|工资不给/g, '欠薪'],
  [/路面塌陷|地面塌陷|塌陷/g, '塌陷'],
];

function canonical(matter: string): string {
  let out = matter;
  for (const [re, word] of SYNONYMS) out = out.replace(re, word);
  return out;
}

function counted(ids: number[]): { ids: Int32Array; counts: Uint8Array } {
  const m = new Map<number, number>();
  for (const id of ids) m.set(id, Math.min(255, (m.get(id) ?? 0) + 1));
  const sorted = [...m.keys()].sort((a, b) => a - b);
  return { ids: Int32Array.from(sorted), counts: Uint8Array.from(sorted.map((k) => m.get(k)!)) };
}

export interface RepOptions {
  stats: TermStats;
  locator: Locator;
  /** A point from the channel: wins over the text's address. */
  point?: LonLat;
  gridCode?: string;
  /** Pre-parsed location, if the caller already has it. */
  location?: LocationResult;
}

/** Build the representation of a text (the matter without its place, and the place). */
export function represent(text: string, opts: RepOptions): DocRep {
  const { stats } = opts;
  const t = normalize(text);
  const { locator } = opts;
  const loc = opts.location ?? locator.locate(t, opts.point);
  // Mask place words and numbers: the place is compared as a place, not as words.
  const placed = splitPlaces(t, locator);
  const matter = canonical(placed.matter)
    .replace(/[0-9零〇一二两三四五六七八九十百]+(?:号楼|号|栋|幢|单元|室|楼|层)/g, ' ')
    .replace(/[0-9]+/g, ' ')
    .replace(FILLER_CHARS, ' ');
  const words = defaultSegmenter()
    .cut(matter, true)
    .filter((w) => !isStopToken(w) && !FRAME_WORDS.has(w))
    .map((w) => stats.id(`w:${w}`));
  const gramIds: number[] = [];
  const charIds: number[] = [];
  for (const run of textRuns(matter)) {
    const chars = Array.from(run);
    for (const c of chars) if (!STOP_WORDS.has(c) && /[\u3400-\u9fff]/.test(c)) charIds.push(stats.id(`c:${c}`));
    for (let i = 0; i + 1 < chars.length; i++) {
      const g = chars[i]! + chars[i + 1]!;
      if (!isFrameGram(g)) gramIds.push(stats.id(g));
    }
    if (chars.length === 1 && !isFrameGram(chars[0]!)) gramIds.push(stats.id(chars[0]!));
  }
  const w = counted(words);
  const g = counted(gramIds);
  const c = counted(charIds);
  const place: DocRep['place'] = {};
  const point = opts.point ?? loc.point;
  if (point) place.point = point;
  const gridCode = opts.gridCode ?? loc.gridCode;
  if (gridCode) place.gridCode = gridCode;
  const unit = gridCode ?? loc.unitCode;
  if (unit) place.area = locator.grids.ancestors(unit);
  if (!point && loc.parts.road) place.road = loc.parts.road;
  const named = loc.parts.compound ?? loc.parts.landmark;
  if (named) place.named = named;
  if (loc.parts.building !== undefined) place.building = loc.parts.building;
  if (placed.names.length) place.names = placed.names;
  // One buffer for ids and one for counts: an index holds 100,000 of these, and fewer
  // ArrayBuffers means less garbage-collector work.
  const ids = new Int32Array(w.ids.length + g.ids.length + c.ids.length);
  const counts = new Uint8Array(ids.length);
  ids.set(w.ids);
  ids.set(g.ids, w.ids.length);
  ids.set(c.ids, w.ids.length + g.ids.length);
  counts.set(w.counts);
  counts.set(g.counts, w.ids.length);
  counts.set(c.counts, w.ids.length + g.ids.length);
  const [wEnd, gEnd] = [w.ids.length, w.ids.length + g.ids.length];
  const grams = ids.subarray(wEnd, gEnd);
  const shingles = Int32Array.from(new Set([...w.ids, ...g.ids]));
  let states = 0;
  STATES.forEach((re, i) => {
    if (re.test(matter)) states |= 1 << i;
  });
  return {
    words: ids.subarray(0, wEnd),
    wordCounts: counts.subarray(0, wEnd),
    grams,
    gramCounts: counts.subarray(wEnd, gEnd),
    chars: ids.subarray(gEnd),
    charCounts: counts.subarray(gEnd),
    shingles,
    states,
    place,
  };
}

const LOG_TF = Float32Array.from({ length: 256 }, (_, i) => (i ? 1 + Math.log(i) : 0));

export function cosine(a: Int32Array, ac: Uint8Array, b: Int32Array, bc: Uint8Array, stats: TermStats, shared?: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const wa = (k: number) => LOG_TF[ac[k]!]! * stats.idf(a[k]!);
  const wb = (k: number) => LOG_TF[bc[k]!]! * stats.idf(b[k]!);
  for (let i = 0; i < a.length; i++) na += wa(i) ** 2;
  for (let j = 0; j < b.length; j++) nb += wb(j) ** 2;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      dot += wa(i) * wb(j);
      shared?.push(a[i]!);
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export interface TextComparison {
  /** In [0,1]: how alike the two matters are, place aside. */
  textSimilarity: number;
  /** Whether both texts name what is wrong (STATES) and agree on it, disagree, or cannot tell. */
  states: 'shared' | 'conflict' | 'unknown';
  /** Shared content words, most informative first. */
  sharedTerms: string[];
}

/**
 * Matter similarity: a weighted mean of word, character-bigram and character cosines (weights
 * 1:1:2, all IDF × specificity weighted). Characters carry the most because two people rarely
 * pick the same words (停水 / 没有水) but usually share characters.
 */
export function compareText(a: DocRep, b: DocRep, stats: TermStats, withTerms = false): TextComparison {
  const shared: number[] = [];
  const words = cosine(a.words, a.wordCounts, b.words, b.wordCounts, stats, shared);
  const grams = cosine(a.grams, a.gramCounts, b.grams, b.gramCounts, stats);
  const chars = cosine(a.chars, a.charCounts, b.chars, b.charCounts, stats);
  const textSimilarity = a.words.length && b.words.length ? (words + grams + 2 * chars) / 4 : (grams + 2 * chars) / 3;
  const states = !a.states || !b.states ? 'unknown' : a.states & b.states ? 'shared' : 'conflict';
  const sharedTerms = withTerms
    ? shared
        .sort((x, y) => stats.idf(y) - stats.idf(x))
        .slice(0, 8)
        .map((id) => stats.termOf(id)?.slice(2) ?? '')
        .filter(Boolean)
    : [];
  return { textSimilarity, states, sharedTerms };
}

export interface PlaceComparison {
  /** Null when either side has no point. */
  distanceMeters: number | null;
  /** 1 when the places agree or are unknown; lower as they disagree; 0 when they are too far apart. */
  factor: number;
}

/**
 * Place agreement: distance between points (full credit within 150 m, fading to 0.6 at
 * `maxDistance`, none beyond), the same grid when only grids are known, and a penalty when both
 * name the same compound but different buildings.
 */
export function comparePlace(a: DocRep['place'], b: DocRep['place'], maxDistance: number): PlaceComparison {
  let factor = 1;
  let distance: number | null = null;
  if (a.point && b.point) {
    distance = Math.round(distanceMeters(a.point, b.point));
    if (distance > maxDistance) return { distanceMeters: distance, factor: 0 };
    if (distance > 150) factor *= 1 - (0.4 * (distance - 150)) / Math.max(1, maxDistance - 150);
  } else if (a.area && b.area) {
    // One area inside the other (a grid in the community named) agrees; neighbours in one parent half agree.
    const [x, y] = [a.area, b.area];
    if (!y.includes(x[0]!) && !x.includes(y[0]!)) factor *= x[1] && x[1] === y[1] ? 0.8 : 0.3;
  } else if (a.road && b.road && a.road !== b.road) factor *= 0.5;
  if (a.named && b.named && a.named === b.named && a.building !== undefined && b.building !== undefined && a.building !== b.building) factor *= 0.3;
  // Unplaced but named: two texts naming only unrelated places (no shared stem) are probably two places.
  if (distance === null && a.names && b.names && !namesOverlap(a.names, b.names)) factor *= 0.5;
  return { distanceMeters: distance, factor };
}

/** Whether two lists of place names share a two-character stem (南桥汽车站 / 南桥车站 do; 东湖路 / 西山路 do not). */
function namesOverlap(a: string[], b: string[]): boolean {
  const grams = new Set(a.flatMap((n) => Array.from({ length: n.length - 1 }, (_, i) => n.slice(i, i + 2))));
  return b.some((n) => Array.from({ length: n.length - 1 }, (_, i) => n.slice(i, i + 2)).some((g) => grams.has(g)));
}
