import { type GeoJsonArea, type LonLat, boundingBox, polygonContains } from './geometry.ts';
import { type Gazetteer, type Place, pointOnRoad, roadIntersection } from './gazetteer.ts';
import { defaultSegmenter } from './segment.ts';
import { NUMERAL, chineseToNumber, normalize } from './text.ts';

/** The territory units the locator needs (a subset of the `territory_units` row). */
export interface TerritoryUnitShape {
  code: string;
  level: string;
  name: string;
  parentCode: string | null;
  boundary: GeoJsonArea;
}

/**
 * Point → grid by point-in-polygon over the grid units (the territory's own `polygonContains`,
 * whose half-open edge rule puts a point on a shared edge into exactly one grid).
 */
export class GridLocator {
  readonly #grids: { unit: TerritoryUnitShape; box: ReturnType<typeof boundingBox> }[];
  readonly #byCode = new Map<string, TerritoryUnitShape>();

  constructor(units: readonly TerritoryUnitShape[]) {
    this.#grids = units.filter((u) => u.level === 'grid').map((unit) => ({ unit, box: boundingBox(unit.boundary) }));
    units.forEach((u) => this.#byCode.set(u.code, u));
  }

  /** The code of the one grid containing the point, or undefined outside the territory. */
  gridAt(point: LonLat): string | undefined {
    for (const { unit, box } of this.#grids) {
      if (point.longitude < box.west || point.longitude > box.east || point.latitude < box.south || point.latitude > box.north) continue;
      if (polygonContains(unit.boundary, point)) return unit.code;
    }
    return undefined;
  }

  /** The chain of codes grid → community → street → district. */
  ancestors(code: string): string[] {
    const chain: string[] = [];
    let unit = this.#byCode.get(code);
    while (unit) {
      chain.push(unit.code);
      unit = unit.parentCode ? this.#byCode.get(unit.parentCode) : undefined;
    }
    return chain;
  }

  unit(code: string): TerritoryUnitShape | undefined {
    return this.#byCode.get(code);
  }
}

export type LocationPrecision = 'channel' | 'building' | 'road-number' | 'intersection' | 'compound' | 'landmark' | 'road' | 'community' | 'street' | 'none';

export interface AddressParts {
  street?: string;
  community?: string;
  road?: string;
  crossRoad?: string;
  number?: number;
  compound?: string;
  building?: number;
  unit?: number;
  room?: number;
  landmark?: string;
  direction?: string;
}

export interface LocationResult {
  /** The address as written, e.g. 东湖街道湖滨花园3栋2单元; null when none was recognised. */
  address: string | null;
  /** The channel's point when given, else the gazetteer's point for the address, if precise enough. */
  point?: LonLat;
  /** The grid containing `point`. */
  gridCode?: string;
  /** The community or street named when no point could be placed (a coarse location). */
  unitCode?: string;
  /** True when the text named a place of the gazetteer. */
  matched: boolean;
  precision: LocationPrecision;
  parts: AddressParts;
}

const DIRECTIONS = '斜对面|对面|旁边|附近|门口|东侧|西侧|南侧|北侧|东门|西门|南门|北门|后面|后门|边上|周边|里面|内|前面|一带';
const BUILDING = new RegExp(`^(?:小区)?(?:的)?(${NUMERAL})(?:栋|幢|号楼|座|号)(?:(${NUMERAL})单元)?(?:(${NUMERAL})(?:室|号))?`);
const ROAD_NUMBER = new RegExp(`^(${NUMERAL})号`);
const JOIN = /^(?:与|和|跟|、|\/)/;
const CROSSING = /^(?:交叉口|交叉路口|路口|交口|十字路口|红绿灯)/;
const DIRECTION = new RegExp(`^(?:的)?(${DIRECTIONS})`);

const RANK: Record<LocationPrecision, number> = {
  channel: 9,
  building: 8,
  'road-number': 7,
  intersection: 6,
  compound: 5,
  landmark: 4,
  road: 3,
  community: 2,
  street: 1,
  none: 0,
};

interface Mention {
  place: Place;
  start: number;
  end: number;
  precision: LocationPrecision;
  point?: LonLat;
  parts: AddressParts;
  /** Where the caller lives (我是湖滨花园的业主), not necessarily where the matter is. */
  resident?: boolean;
}

const RESIDENT_BEFORE = /(?:我是|本人是|本人系|我住在|住在|我家在|家住|我们是)[^，。！？；,.!?;]{0,6}$/;
const RESIDENT_AFTER = /^[^，。！？；,.!?;]{0,8}?(?:的住户|的居民|的业主|业主|住户)/;

/**
 * Chinese address parsing against the gazetteer: road + number (东湖路128号), two roads
 * (东湖路与柳岸路交叉口), compound + building/unit/room (湖滨花园3栋2单元501), landmark +
 * direction (人民医院对面); the most precise mention wins. A point supplied by the channel
 * (GPS, map pick) always wins over the text.
 */
export class Locator {
  #gazetteer!: Gazetteer;
  #grids!: GridLocator;

  constructor(opts: { gazetteer: Gazetteer; grids: GridLocator }) {
    this.reload(opts);
  }

  /**
   * Reads appeals against another territory from now on (after an import): everything holding this
   * locator (duplicate index, hot analysis) follows without being rebuilt.
   */
  reload(opts: { gazetteer: Gazetteer; grids: GridLocator }): void {
    this.#gazetteer = opts.gazetteer;
    this.#grids = opts.grids;
    // Place names stay whole words for everything that segments text (dedup, hot words).
    defaultSegmenter().addWords(opts.gazetteer.names.map((n) => n.text));
  }

  get gazetteer(): Gazetteer {
    return this.#gazetteer;
  }

  get grids(): GridLocator {
    return this.#grids;
  }

  locate(text: string, channelPoint?: LonLat): LocationResult {
    const t = normalize(text);
    const mentions = this.#mentions(t);
    // The matter's place beats the caller's home; the home is used when nothing else is named.
    const rank = (m: Mention) => RANK[m.precision] - (m.resident ? 100 : 0);
    const best = mentions.reduce<Mention | undefined>((b, m) => (!b || rank(m) > rank(b) ? m : b), undefined);
    const parts: AddressParts = {};
    for (const m of mentions) if (!m.resident || m === best) Object.assign(parts, { ...m.parts, ...parts });
    if (best) Object.assign(parts, best.parts);

    let address: string | null = null;
    if (best) {
      const area = mentions.filter((m) => (m.precision === 'street' || m.precision === 'community') && m !== best && m.end <= best.start);
      address = area.map((m) => t.slice(m.start, m.end)).join('') + t.slice(best.start, best.end);
    }
    const result: LocationResult = { address, matched: Boolean(best), precision: best?.precision ?? 'none', parts };
    const point = channelPoint ?? best?.point;
    if (channelPoint) result.precision = 'channel';
    if (point) {
      result.point = point;
      result.gridCode = this.grids.gridAt(point);
    }
    if (!result.gridCode && best?.place.unitCode) result.unitCode = best.place.unitCode;
    return result;
  }

  #mentions(t: string): Mention[] {
    const taken = new Uint8Array(t.length);
    const found: Mention[] = [];
    for (const { text, place } of this.gazetteer.names) {
      let from = 0;
      for (let at = t.indexOf(text, from); at >= 0; at = t.indexOf(text, from)) {
        from = at + text.length;
        if (taken.subarray(at, at + text.length).some(Boolean)) continue;
        taken.fill(1, at, at + text.length);
        found.push({ place, start: at, end: at + text.length, precision: 'none', parts: {} });
      }
    }
    found.sort((a, b) => a.start - b.start);
    for (const m of found) {
      this.#extend(t, m, found);
      m.resident = RESIDENT_BEFORE.test(t.slice(0, m.start)) || RESIDENT_AFTER.test(t.slice(m.end));
    }
    return found.filter((m) => m.precision !== 'none');
  }

  /** Read what follows a place name: a number, a building, a second road, a direction. */
  #extend(t: string, m: Mention, all: Mention[]): void {
    const rest = t.slice(m.end);
    const { place } = m;
    switch (place.kind) {
      case 'street':
        m.precision = 'street';
        m.parts.street = place.name;
        return;
      case 'community':
        m.precision = 'community';
        m.parts.community = place.name;
        return;
      case 'road': {
        m.precision = 'road';
        m.parts.road = place.name;
        const num = ROAD_NUMBER.exec(rest);
        const number = num ? chineseToNumber(num[1]!) : undefined;
        if (num && number !== undefined) {
          m.precision = 'road-number';
          m.parts.number = number;
          m.point = pointOnRoad(place, number);
          m.end += num[0].length;
          return;
        }
        const join = JOIN.exec(rest);
        const other = join && all.find((o) => o.start === m.end + join[0].length && o.place.kind === 'road' && o.place !== place);
        if (join && other) {
          const cross = roadIntersection(place, other.place);
          const tail = CROSSING.exec(t.slice(other.end));
          if (cross) {
            m.precision = 'intersection';
            m.parts.crossRoad = other.place.name;
            m.point = cross;
            m.end = other.end + (tail?.[0].length ?? 0);
            return;
          }
        }
        const dir = DIRECTION.exec(rest);
        if (dir) m.parts.direction = dir[1];
        return;
      }
      case 'compound': {
        m.precision = 'compound';
        m.parts.compound = place.name;
        m.point = place.point;
        const b = BUILDING.exec(rest);
        const building = b ? chineseToNumber(b[1]!) : undefined;
        if (b && building !== undefined) {
          m.precision = 'building';
          m.parts.building = building;
          if (b[2]) m.parts.unit = chineseToNumber(b[2]);
          if (b[3]) m.parts.room = chineseToNumber(b[3]);
          m.end += b[0].length;
        } else if (rest.startsWith('小区')) m.end += 2;
        return;
      }
      case 'landmark': {
        m.precision = 'landmark';
        m.parts.landmark = place.name;
        m.point = place.point;
        const dir = DIRECTION.exec(rest);
        if (dir) {
          m.parts.direction = dir[1];
          m.end += dir[0].length;
        }
        return;
      }
    }
  }
}
