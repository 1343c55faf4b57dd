import type { Locator } from './location.ts';

/**
 * The territory's own place words, so that neither duplicate detection nor hot words count a
 * place as a matter. Two reports from 柳岸新村 share 柳岸 and 新村 whatever they are about; a
 * sparking wire and a dark lamp at one compound are two matters.
 *
 * Three sources: every name and alias of the locator's gazetteer and the district above its
 * streets; their *stems* (柳岸 of 柳岸社区, 柳岸路 and 柳岸名苑 — people name places the gazetteer
 * lacks, 柳岸新村, after the same stem); and generic place words any territory uses (新村, 小区,
 * 南门, 楼下). Nothing here names a particular city.
 */

/** Place-type endings: what is left once they are cut off is a name's stem. */
const PLACE_SUFFIX =
  /(?:特别行政区|自治县|新区|街道办|街道|社区|居委会|村委会|大道|新村|小区|花园|家园|公寓|大厦|山庄|名苑|花苑|佳苑|新苑|华庭|广场|公园|湿地公园|菜市场|农贸市场|市场|汽车站|地铁站|车站|站|小学|中学|幼儿园|医院|派出所|文化礼堂|工业园|大桥|体育馆|天街|区|县|市|镇|乡|村|路|街|巷|弄|苑|里|湾|庭|城|园)$/;

/** Words that say where, in any territory: building and gate words, compound kinds, directions. */
export const GENERIC_PLACE_WORDS = `新村 小区 花园 家园 公寓 大厦 山庄 社区 街道 居委会 村委会 南门 北门 东门 西门 正门 大门 侧门 后门 门口 门前
  对面 旁边 附近 隔壁 楼下 楼上 楼道 路口 交叉口 十字路口 路边 路段 拐角 转角 东侧 西侧 南侧 北侧 东边 西边 南边 北边 一带 周边 这边 那边 这里 那里`
  .split(/\s+/)
  .filter(Boolean);

export interface PlaceWords {
  /** Whole names and stems, longest first (mask in this order so a name goes before its stem). */
  words: string[];
  /** The same as a set, for filtering tokens. */
  set: ReadonlySet<string>;
}

const cache = new WeakMap<Locator, PlaceWords>();

/** The names of the territory's units above the gazetteer's streets (the district, a city). */
function higherUnitNames(locator: Locator): string[] {
  const names = new Set<string>();
  for (const { place } of locator.gazetteer.names) {
    if (!place.unitCode) continue;
    for (const code of locator.grids.ancestors(place.unitCode)) {
      const unit = locator.grids.unit(code);
      if (unit) names.add(unit.name);
    }
  }
  return [...names];
}

/** Stems: a name without its place-type ending, and a two-character prefix that starts two or more names. */
function stems(names: string[]): string[] {
  const out = new Set<string>();
  const prefixes = new Map<string, Set<string>>();
  for (const name of names) {
    const stem = name.replace(PLACE_SUFFIX, '');
    if (stem.length >= 2 && stem !== name) out.add(stem);
    if (name.length >= 3 && /^[\u3400-\u9fff]{2}/.test(name)) {
      const p = name.slice(0, 2);
      prefixes.set(p, (prefixes.get(p) ?? new Set()).add(name));
    }
  }
  for (const [prefix, named] of prefixes) if (named.size >= 2) out.add(prefix);
  return [...out];
}

/** The place words of a locator's territory (computed once per locator). */
export function placeWords(locator: Locator): PlaceWords {
  let found = cache.get(locator);
  if (!found) {
    const names = [...new Set([...locator.gazetteer.names.map((n) => n.text), ...higherUnitNames(locator)])];
    const words = [...new Set([...names, ...stems(names), ...GENERIC_PLACE_WORDS])].sort((a, b) => b.length - a.length);
    found = { words, set: new Set(words) };
    cache.set(locator, found);
  }
  return found;
}

const GENERIC = new Set(GENERIC_PLACE_WORDS);

/**
 * The text with every place word replaced by a space (the text should be normalized), and the
 * territory's names and stems it contained (generic words such as 门口 left out).
 */
export function splitPlaces(text: string, locator: Locator): { matter: string; names: string[] } {
  let matter = text;
  const names: string[] = [];
  for (const word of placeWords(locator).words) {
    if (!matter.includes(word)) continue;
    matter = matter.split(word).join(' ');
    if (!GENERIC.has(word)) names.push(word);
  }
  return { matter, names };
}

/** The text with every place word replaced by a space. */
export const maskPlaces = (text: string, locator: Locator): string => splitPlaces(text, locator).matter;
