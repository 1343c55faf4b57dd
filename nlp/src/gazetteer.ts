import type { LonLat } from './geometry.ts';
import { NUMERAL, chineseToNumber, normalize } from './text.ts';

/**
 * The place names appeals mention, built from what the caller passes: a territory's own streets
 * and communities, and its roads, residential compounds (小区) and landmarks. Nothing here knows a
 * particular city.
 */

export type PlaceKind = 'district' | 'street' | 'community' | 'road' | 'compound' | 'landmark' | 'building';

export interface Place {
  kind: PlaceKind;
  /** The official name, e.g. 湖滨花园. */
  name: string;
  /** Other names people use (简称, 俗称). */
  aliases?: string[];
  /** A representative point (compound gate, landmark entrance, unit centre). */
  point?: LonLat;
  /** A road's centre line, from number `minNumber` to `maxNumber`. */
  line?: [number, number][];
  minNumber?: number;
  maxNumber?: number;
  /** The territory unit this place is (a district, street or community's own code). */
  unitCode?: string;
  /** A numbered building's compound and number (柳岸新村5幢 → 柳岸新村, 5), when its name reads so. */
  building?: { compound: string; number: number };
}

/** A road's centre line: house numbers run from `minNumber` (default 1) at its first point to `maxNumber` at its last. */
export interface RoadDef {
  name: string;
  aliases?: string[];
  line: [number, number][];
  minNumber?: number;
  maxNumber: number;
}

export interface PointDef {
  name: string;
  aliases?: string[];
  point: [number, number];
}

/** Other domain words jieba should keep whole (matters, facilities). */
export const DOMAIN_WORDS = [
  '路灯',
  '井盖',
  '占道经营',
  '流动摊贩',
  '渣土车',
  '小广告',
  '牛皮癣',
  '违章建筑',
  '违建',
  '私搭乱建',
  '群租房',
  '油烟',
  '噪音',
  '扰民',
  '广场舞',
  '垃圾桶',
  '垃圾房',
  '公厕',
  '红绿灯',
  '信号灯',
  '斑马线',
  '减速带',
  '护栏',
  '窨井盖',
  '雨水箅子',
  '消防通道',
  '电瓶车',
  '电动车',
  '飞线充电',
  '物业',
  '业委会',
  '低保',
  '医保',
  '社保',
  '公积金',
  '居住证',
  '积分入学',
  '预付卡',
  '缺斤短两',
  '地沟油',
  '黑作坊',
  '网格员',
  '城管',
  '燃气',
  '煤气',
  '天然气',
  '停水',
  '停电',
  '内涝',
  '倒灌',
  '塌陷',
  '坍塌',
  '走失',
  '阳光房',
  '夜间施工',
  '扬尘',
  '共享单车',
  '行道树',
  '绿化带',
  '路面塌陷',
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

/** The named places of a territory beyond its units: roads, compounds, landmarks and numbered buildings (柳岸新村5幢). */
export interface TerritoryPlaces {
  roads: RoadDef[];
  compounds: PointDef[];
  landmarks: PointDef[];
  buildings?: PointDef[];
}

const BUILDING_NAME = new RegExp(`^(.+?)第?(${NUMERAL})(?:栋|幢|号楼|座|号)$`);

/** A building named after its compound and number (湖滨花园3栋): found again however the number is written (3号楼, 三幢). */
function buildingOf(name: string, compounds: readonly PointDef[]): Place['building'] {
  const m = BUILDING_NAME.exec(name);
  const number = m ? chineseToNumber(m[2]!) : undefined;
  const compound = m && compounds.find((c) => c.name === m[1] || c.aliases?.includes(m[1]!));
  return compound && number !== undefined ? { compound: compound.name, number } : undefined;
}

/** A gazetteer from territory units (district, streets and communities, by name) plus roads, compounds, landmarks and buildings. */
export function buildGazetteer(units: readonly TerritoryUnitLike[], { roads, compounds, landmarks, buildings = [] }: TerritoryPlaces): Gazetteer {
  const places: Place[] = [];
  for (const u of units) {
    // Short forms (东湖 for 东湖街道) are left out: they collide with 东湖路, 东湖公园.
    if (u.level !== 'district' && u.level !== 'street' && u.level !== 'community') continue;
    places.push({ kind: u.level, name: u.name, point: { longitude: u.centerLongitude, latitude: u.centerLatitude }, unitCode: u.code });
  }
  for (const r of roads) places.push({ kind: 'road', name: r.name, aliases: r.aliases, line: r.line, minNumber: r.minNumber, maxNumber: r.maxNumber });
  for (const c of compounds) places.push({ kind: 'compound', name: c.name, aliases: c.aliases, point: toPoint(c.point) });
  for (const l of landmarks) places.push({ kind: 'landmark', name: l.name, aliases: l.aliases, point: toPoint(l.point) });
  for (const b of buildings)
    places.push({ kind: 'building', name: b.name, aliases: b.aliases, point: toPoint(b.point), building: buildingOf(b.name, compounds) });
  const names = places
    .flatMap((place) => [place.name, ...(place.aliases ?? [])].map((text) => ({ text: normalize(text), place })))
    .sort((a, b) => b.text.length - a.text.length);
  return { places, names };
}

/** The point at `number` along a road: numbers are spread evenly from the line's start to its end. */
export function pointOnRoad(road: Pick<Place, 'line' | 'minNumber' | 'maxNumber'>, number: number): LonLat | undefined {
  const line = road.line;
  if (!line || line.length < 2) return undefined;
  const [min, max] = [road.minNumber ?? 1, road.maxNumber ?? 1000];
  const t = Math.min(1, Math.max(0, (number - min) / Math.max(1, max - min)));
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
export function nearestRoadAddress(point: LonLat, roads: RoadDef[]): { road: string; number: number; meters: number } {
  let best = { road: '', number: 1, meters: Infinity };
  for (const road of roads) {
    const [a, b] = [road.line[0]!, road.line[road.line.length - 1]!];
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const t = Math.min(1, Math.max(0, ((point.longitude - a[0]) * dx + (point.latitude - a[1]) * dy) / (dx * dx + dy * dy)));
    const foot = { longitude: a[0] + t * dx, latitude: a[1] + t * dy };
    const meters = distanceMeters(point, foot);
    if (meters < best.meters) {
      const side = dx !== 0 ? (point.latitude > foot.latitude ? 1 : 0) : point.longitude > foot.longitude ? 1 : 0;
      const min = road.minNumber ?? 1;
      let number = Math.max(min, Math.round(min + t * (road.maxNumber - min)));
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
