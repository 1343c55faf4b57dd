import type { LonLat } from '../reference/territory/index.ts';
import { demoTerritory } from '../demo/index.ts';

/**
 * The place names of 青禾区 that appeals mention: the territory's own streets and communities,
 * and invented roads, residential compounds (小区) and landmarks placed inside them. The corpus
 * (corpus/generate.ts) and the address parser both read this file, so a compound always sits in
 * the same community and on the same road.
 *
 * Layout (see seed/demo-territory.ts): 东湖街道 spans longitude 120.10–120.12, 西山街道
 * 120.12–120.14, 南桥镇 120.14–120.16; inside each, the first community spans latitude
 * 30.20–30.22, the second 30.22–30.24, the third 30.24–30.26; each community is 2 × 2 grids.
 */

export type PlaceKind = 'street' | 'community' | 'road' | 'compound' | 'landmark';

export interface Place {
  kind: PlaceKind;
  /** The official name, e.g. 湖滨花园. */
  name: string;
  /** Other names people use (简称, 俗称). */
  aliases?: string[];
  /** A representative point (compound gate, landmark entrance, unit centre). */
  point?: LonLat;
  /** A road's centre line, from number 1 to `maxNumber`. */
  line?: [number, number][];
  maxNumber?: number;
  /** The territory unit this place belongs to (community or street code). */
  unitCode?: string;
}

export interface RoadDef {
  name: string;
  aliases?: string[];
  line: [number, number][];
  maxNumber: number;
}

/** East–west roads run west → east, north–south roads run south → north; numbers grow that way. */
export const ROADS: RoadDef[] = [
  { name: '青禾大道', line: [[120.1, 30.2305], [120.16, 30.2305]], maxNumber: 999 },
  { name: '湖滨路', line: [[120.1, 30.207], [120.12, 30.207]], maxNumber: 300 },
  { name: '柳岸路', line: [[120.1, 30.226], [120.12, 30.226]], maxNumber: 300 },
  { name: '荷花路', line: [[120.1, 30.252], [120.14, 30.252]], maxNumber: 500 },
  { name: '松林路', line: [[120.12, 30.213], [120.14, 30.213]], maxNumber: 300 },
  { name: '翠峰路', line: [[120.12, 30.236], [120.14, 30.236]], maxNumber: 300 },
  { name: '南桥路', line: [[120.135, 30.21], [120.16, 30.21]], maxNumber: 400 },
  { name: '稻香路', line: [[120.14, 30.238], [120.16, 30.238]], maxNumber: 300 },
  { name: '新河路', line: [[120.14, 30.254], [120.16, 30.254]], maxNumber: 300 },
  { name: '东湖路', line: [[120.106, 30.2], [120.106, 30.26]], maxNumber: 600 },
  { name: '学府路', line: [[120.116, 30.2], [120.116, 30.26]], maxNumber: 600 },
  { name: '西山路', line: [[120.126, 30.2], [120.126, 30.26]], maxNumber: 600 },
  { name: '石桥路', line: [[120.134, 30.215], [120.134, 30.26]], maxNumber: 450 },
  { name: '民生路', line: [[120.146, 30.2], [120.146, 30.26]], maxNumber: 600 },
  { name: '工业路', line: [[120.156, 30.2], [120.156, 30.245]], maxNumber: 450 },
];

export interface PointDef {
  name: string;
  aliases?: string[];
  point: [number, number];
}

export const COMPOUNDS: PointDef[] = [
  // 东湖街道 · 湖滨社区
  { name: '湖滨花园', point: [120.1035, 30.2045] },
  { name: '东湖新村', point: [120.1075, 30.2135] },
  { name: '阳光小区', point: [120.1145, 30.2055] },
  // 东湖街道 · 柳岸社区
  { name: '柳岸名苑', point: [120.1035, 30.2245] },
  { name: '学府家园', point: [120.1175, 30.2275] },
  { name: '青禾花苑', point: [120.1085, 30.2345] },
  // 东湖街道 · 荷花社区
  { name: '荷花里', point: [120.1045, 30.2485] },
  { name: '锦绣华庭', point: [120.1165, 30.2545] },
  { name: '湖光苑', point: [120.1075, 30.2565] },
  // 西山街道 · 松林社区
  { name: '松林小区', point: [120.1235, 30.2065] },
  { name: '和平小区', point: [120.1335, 30.2145] },
  { name: '金色家园', point: [120.1275, 30.2165] },
  // 西山街道 · 翠峰社区
  { name: '翠峰山庄', point: [120.1245, 30.2265] },
  { name: '西山公寓', point: [120.1275, 30.2355] },
  { name: '丽水苑', point: [120.1365, 30.2285] },
  // 西山街道 · 石桥社区
  { name: '石桥新苑', point: [120.1335, 30.2445] },
  { name: '枫林小区', point: [120.1245, 30.2535] },
  { name: '幸福里', point: [120.1375, 30.2565] },
  // 南桥镇 · 南桥村
  { name: '南桥新村', point: [120.1455, 30.2075] },
  { name: '南桥佳苑', point: [120.1565, 30.2125] },
  // 南桥镇 · 稻香村
  { name: '稻香园', point: [120.1465, 30.2285] },
  { name: '丰收苑', point: [120.1545, 30.2355] },
  // 南桥镇 · 新河社区
  { name: '新河湾', point: [120.1455, 30.2555] },
  { name: '滨河家园', point: [120.1555, 30.2445] },
  { name: '新河花园', point: [120.1525, 30.2565] },
];

export const LANDMARKS: PointDef[] = [
  { name: '东湖公园', point: [120.1055, 30.2175] },
  { name: '湖滨菜市场', aliases: ['湖滨农贸市场'], point: [120.1125, 30.2085] },
  { name: '青禾实验小学', aliases: ['实验小学'], point: [120.1155, 30.2185] },
  { name: '青禾区人民医院', aliases: ['区人民医院', '人民医院', '区医院'], point: [120.1135, 30.2325] },
  { name: '青禾区政府', aliases: ['区政府'], point: [120.1175, 30.2365] },
  { name: '柳岸广场', point: [120.1045, 30.2285] },
  { name: '东湖派出所', point: [120.1095, 30.2265] },
  { name: '荷花池公园', aliases: ['荷花池'], point: [120.1085, 30.2525] },
  { name: '青禾中学', point: [120.1135, 30.2455] },
  { name: '西山公园', point: [120.1255, 30.2115] },
  { name: '松林幼儿园', point: [120.1325, 30.2035] },
  { name: '翠峰农贸市场', aliases: ['翠峰菜市场'], point: [120.1255, 30.2315] },
  { name: '青禾天街', aliases: ['天街'], point: [120.1335, 30.2325] },
  { name: '西山体育馆', point: [120.1285, 30.2465] },
  { name: '石桥地铁站', aliases: ['地铁石桥站', '石桥站'], point: [120.1345, 30.2545] },
  { name: '南桥汽车站', aliases: ['南桥车站'], point: [120.1485, 30.2155] },
  { name: '南桥中心小学', point: [120.1545, 30.2055] },
  { name: '稻香村文化礼堂', aliases: ['文化礼堂'], point: [120.1535, 30.2265] },
  { name: '青禾工业园', aliases: ['工业园'], point: [120.1575, 30.2355] },
  { name: '新河大桥', point: [120.1465, 30.2475] },
  { name: '新河湿地公园', aliases: ['湿地公园'], point: [120.1565, 30.2535] },
];

/** Other domain words jieba should keep whole (matters, facilities). */
export const DOMAIN_WORDS = [
  '路灯', '井盖', '占道经营', '流动摊贩', '渣土车', '小广告', '牛皮癣', '违章建筑', '违建', '私搭乱建', '群租房',
  '油烟', '噪音', '扰民', '广场舞', '垃圾桶', '垃圾房', '公厕', '红绿灯', '信号灯', '斑马线', '减速带', '护栏',
  '窨井盖', '雨水箅子', '消防通道', '电瓶车', '电动车', '飞线充电', '物业', '业委会', '低保', '医保', '社保', '公积金',
  '居住证', '积分入学', '预付卡', '缺斤短两', '地沟油', '黑作坊', '网格员', '城管', '燃气', '煤气', '天然气', '停水', '停电',
  '内涝', '倒灌', '塌陷', '坍塌', '走失', '阳光房', '夜间施工', '扬尘', '共享单车', '行道树', '绿化带', '路面塌陷',
];

export interface Gazetteer {
  places: Place[];
  /** Every name and alias, longest first, with the place it names. */
  names: { text: string; place: Place }[];
}

interface TerritoryUnitLike {
  code: string;
  level: string;
  name: string;
  centerLongitude: number;
  centerLatitude: number;
}

const toPoint = ([longitude, latitude]: [number, number]): LonLat => ({ longitude, latitude });

/**
 * A gazetteer from territory units (streets and communities, by name and short name) plus roads,
 * compounds and landmarks. Defaults to the demo district.
 */
export function buildGazetteer(
  units: TerritoryUnitLike[] = demoTerritory(),
  extra: { roads?: RoadDef[]; compounds?: PointDef[]; landmarks?: PointDef[] } = {},
): Gazetteer {
  const places: Place[] = [];
  for (const u of units) {
    // Short forms (东湖 for 东湖街道) are left out: they collide with 东湖路, 东湖公园.
    if (u.level !== 'street' && u.level !== 'community') continue;
    places.push({ kind: u.level, name: u.name, point: { longitude: u.centerLongitude, latitude: u.centerLatitude }, unitCode: u.code });
  }
  for (const r of extra.roads ?? ROADS) places.push({ kind: 'road', name: r.name, aliases: r.aliases, line: r.line, maxNumber: r.maxNumber });
  for (const c of extra.compounds ?? COMPOUNDS) places.push({ kind: 'compound', name: c.name, aliases: c.aliases, point: toPoint(c.point) });
  for (const l of extra.landmarks ?? LANDMARKS) places.push({ kind: 'landmark', name: l.name, aliases: l.aliases, point: toPoint(l.point) });
  const names = places
    .flatMap((place) => [place.name, ...(place.aliases ?? [])].map((text) => ({ text, place })))
    .sort((a, b) => b.text.length - a.text.length);
  return { places, names };
}

let defaultGazetteer: Gazetteer | undefined;
/** The demo district's gazetteer, built once. */
export function demoGazetteer(): Gazetteer {
  return (defaultGazetteer ??= buildGazetteer());
}

/** The point at `number` along a road: numbers are spread evenly from the line's start to its end. */
export function pointOnRoad(road: Pick<Place, 'line' | 'maxNumber'>, number: number): LonLat | undefined {
  const line = road.line;
  if (!line || line.length < 2) return undefined;
  const max = road.maxNumber ?? 1000;
  const t = Math.min(1, Math.max(0, number / max));
  const lengths = line.slice(1).map((p, i) => Math.hypot(p[0] - line[i]![0], p[1] - line[i]![1]));
  let left = t * lengths.reduce((a, b) => a + b, 0);
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i]!;
    if (left <= len || i === lengths.length - 1) {
      const f = len ? Math.min(1, left / len) : 0;
      const [a, b] = [line[i]!, line[i + 1]!];
      return { longitude: a[0] + (b[0] - a[0]) * f, latitude: a[1] + (b[1] - a[1]) * f };
    }
    left -= len;
  }
  return undefined;
}

/** Where two roads cross (segment intersection of their centre lines), if they do. */
export function roadIntersection(a: Pick<Place, 'line'>, b: Pick<Place, 'line'>): LonLat | undefined {
  if (!a.line || !b.line) return undefined;
  for (let i = 0; i + 1 < a.line.length; i++) {
    for (let j = 0; j + 1 < b.line.length; j++) {
      const [p, p2] = [a.line[i]!, a.line[i + 1]!];
      const [q, q2] = [b.line[j]!, b.line[j + 1]!];
      const r = [p2[0] - p[0], p2[1] - p[1]];
      const s = [q2[0] - q[0], q2[1] - q[1]];
      const denom = r[0]! * s[1]! - r[1]! * s[0]!;
      if (Math.abs(denom) < 1e-15) continue;
      const t = ((q[0] - p[0]) * s[1]! - (q[1] - p[1]) * s[0]!) / denom;
      const u = ((q[0] - p[0]) * r[1]! - (q[1] - p[1]) * r[0]!) / denom;
      if (t >= -1e-9 && t <= 1 + 1e-9 && u >= -1e-9 && u <= 1 + 1e-9) return { longitude: p[0] + t * r[0]!, latitude: p[1] + t * r[1]! };
    }
  }
  return undefined;
}

/** The road nearest a point and the house number there (odd numbers on one side, even on the other). */
export function nearestRoadAddress(point: LonLat, roads: RoadDef[] = ROADS): { road: string; number: number; meters: number } {
  let best = { road: '', number: 1, meters: Infinity };
  for (const road of roads) {
    const [a, b] = [road.line[0]!, road.line[road.line.length - 1]!];
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const t = Math.min(1, Math.max(0, ((point.longitude - a[0]) * dx + (point.latitude - a[1]) * dy) / (dx * dx + dy * dy)));
    const foot = { longitude: a[0] + t * dx, latitude: a[1] + t * dy };
    const meters = distanceMeters(point, foot);
    if (meters < best.meters) {
      const side = dx !== 0 ? (point.latitude > foot.latitude ? 1 : 0) : point.longitude > foot.longitude ? 1 : 0;
      let number = Math.max(1, Math.round(t * road.maxNumber));
      if (number % 2 !== side) number += number > 1 ? -1 : 1;
      best = { road: road.name, number, meters };
    }
  }
  return best;
}

/** Equirectangular distance in metres: accurate to well under 1% at the scale of a district. */
export function distanceMeters(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const x = (b.longitude - a.longitude) * rad * Math.cos(((a.latitude + b.latitude) / 2) * rad);
  const y = (b.latitude - a.latitude) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}
