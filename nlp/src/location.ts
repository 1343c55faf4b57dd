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

export type LocationPrecision =
  'channel' | 'building' | 'road-number' | 'intersection' | 'compound' | 'landmark' | 'road' | 'community' | 'street' | 'district' | 'none';

export interface AddressParts {
  district?: string;
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
  /**
   * When no point could be placed: the deepest unit the text identifies (a named community or
   * street; the unit a road runs through; the unit two places of the same name share). No grid is guessed.
   */
  unitCode?: string;
  /** True when the text named a place of the gazetteer. */
  matched: boolean;
  precision: LocationPrecision;
  parts: AddressParts;
}

const DIRECTIONS = '斜对面|对面|旁边|附近|门口|门前|东侧|西侧|南侧|北侧|东门|西门|南门|北门|后面|后门|边上|周边|里面|内|前面|一带|沿线|那边|这边';
const BUILDING = new RegExp(`^(?:小区)?(?:的)?第?(${NUMERAL})(?:栋|幢|号楼|座|号)(?:(${NUMERAL})单元)?(?:(${NUMERAL})(?:室|号))?`);
const ROAD_NUMBER = new RegExp(`^(?:门牌号?)?(${NUMERAL})号`);
const JOIN = /^(?:与|和|跟|同|、|\/)/;
/** After the second road: 交叉口, 路口, or 口 alone (凤鸣大道竹园路口). */
const CROSSING = /^(?:的)?(?:交叉口|交叉路口|十字路口|丁字路口|路口|交口|口|红绿灯)/;
const DIRECTION = new RegExp(`^(?:的)?(${DIRECTIONS})`);

const RANK: Record<LocationPrecision, number> = {
  channel: 10,
  building: 9,
  'road-number': 8,
  intersection: 7,
  compound: 6,
  landmark: 5,
  road: 4,
  community: 3,
  street: 2,
  district: 1,
  none: 0,
};

const AREA_KINDS = new Set(['district', 'street', 'community']);

interface Mention {
  /** The places of this name: one, or several that share it (幸福里 in two streets). */
  candidates: Place[];
  start: number;
  end: number;
  precision: LocationPrecision;
  point?: LonLat;
  /** Where a mention without a point lies: the deepest unit its candidates (or its road) share. */
  unitCode?: string;
  parts: AddressParts;
  /** Where the caller lives (我是湖滨花园的业主), not necessarily where the matter is. */
  resident?: boolean;
}

const RESIDENT_BEFORE = /(?:我是|本人是|本人系|我住在|住在|我家在|家住|我们是)[^，。！？；,.!?;]{0,6}$/;
const RESIDENT_AFTER = /^[^，。！？；,.!?;]{0,8}?(?:的住户|的居民|的业主|业主|住户)/;
/** Points along a road at which its units are read (its ends lie on unit edges as often as not). */
const ROAD_SAMPLES = 40;

/**
 * Chinese address parsing against the gazetteer: road + number (东湖路128号), two roads
 * (东湖路与柳岸路交叉口, 凤鸣大道竹园路口), compound + building/unit/room (湖滨花园3栋2单元501,
 * a numbered building's own point when the territory has it), landmark + direction (人民医院对面);
 * the most precise mention wins. Named districts, streets and communities pick between places of
 * the same name; a text that names no point stops at the deepest unit it identifies. A point
 * supplied by the channel (GPS, map pick) always wins over the text.
 */
export class Locator {
  #gazetteer!: Gazetteer;
  #grids!: GridLocator;
  /** Each place's units, deepest first: grid → … → district for a point, community at most for a road. */
  #chains = new Map<Place, string[]>();
  /** Numbered buildings by compound and number. */
  #buildings = new Map<string, Place>();

  constructor(opts: { gazetteer: Gazetteer; grids: GridLocator }) {
    this.reload(opts);
  }

  /**
   * Reads appeals against another territory from now on (after an import): everything holding this
   * locator (duplicate index, hot analysis) follows without being rebuilt.
   */
  reload(opts: { gazetteer: Gazetteer; grids: GridLocator }): void {
    const chains = new Map<Place, string[]>();
    const buildings = new Map<string, Place>();
    for (const place of opts.gazetteer.places) {
      chains.set(place, chainOf(place, opts.grids));
      if (place.building) buildings.set(`${place.building.compound}#${place.building.number}`, place);
    }
    [this.#gazetteer, this.#grids, this.#chains, this.#buildings] = [opts.gazetteer, opts.grids, chains, buildings];
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
      const area = mentions.filter((m) => AREA_KINDS.has(m.precision) && m !== best && m.end <= best.start);
      address = area.map((m) => t.slice(m.start, m.end)).join('') + t.slice(best.start, best.end);
    }
    const result: LocationResult = { address, matched: Boolean(best), precision: best?.precision ?? 'none', parts };
    const point = channelPoint ?? best?.point;
    if (channelPoint) result.precision = 'channel';
    if (point) {
      result.point = point;
      result.gridCode = this.#grids.gridAt(point);
    }
    if (!result.gridCode && best) {
      const unitCode = this.#deeper(best.unitCode, this.#area(mentions)?.unitCode);
      if (unitCode) result.unitCode = unitCode;
    }
    return result;
  }

  /** Every gazetteer name in the text (longest first, no overlaps), read with what follows it. */
  #mentions(t: string): Mention[] {
    const taken = new Uint8Array(t.length);
    const found: Mention[] = [];
    const byName = new Map<string, Place[]>();
    for (const { text, place } of this.#gazetteer.names) byName.set(text, [...(byName.get(text) ?? []), place]);
    for (const [text, candidates] of byName) {
      let from = 0;
      for (let at = t.indexOf(text, from); at >= 0; at = t.indexOf(text, from)) {
        from = at + text.length;
        if (taken.subarray(at, at + text.length).some(Boolean)) continue;
        taken.fill(1, at, at + text.length);
        found.push({ candidates, start: at, end: at + text.length, precision: 'none', parts: {} });
      }
    }
    found.sort((a, b) => a.start - b.start);
    for (const m of found) m.resident = RESIDENT_BEFORE.test(t.slice(0, m.start)) || RESIDENT_AFTER.test(t.slice(m.end));
    const area = this.#area(found);
    for (const m of found) {
      this.#narrow(m, area);
      this.#extend(t, m, found);
    }
    return found.filter((m) => m.precision !== 'none');
  }

  /** The deepest district, street or community the text names (not the caller's home). */
  #area(mentions: Mention[]): Mention | undefined {
    const areas = mentions.filter((m) => AREA_KINDS.has(m.candidates[0]!.kind) && !m.resident);
    const depth = (m: Mention) => this.#chains.get(m.candidates[0]!)?.length ?? 0;
    const deepest = areas.reduce<Mention | undefined>((d, m) => (!d || depth(m) > depth(d) ? m : d), undefined);
    if (deepest) deepest.unitCode = deepest.candidates[0]!.unitCode;
    return deepest;
  }

  /** Of several places of one name, those in the named area; still several: the unit they share. */
  #narrow(m: Mention, area: Mention | undefined): void {
    if (m.candidates.length < 2) return;
    const inArea = area?.unitCode ? m.candidates.filter((p) => this.#chains.get(p)?.includes(area.unitCode!)) : [];
    if (inArea.length) m.candidates = inArea;
    if (m.candidates.length > 1) m.unitCode = sharedUnit(m.candidates.map((p) => this.#chains.get(p) ?? []));
  }

  /** The deeper of two units when one lies within the other; else the first (the place named beats the area). */
  #deeper(code: string | undefined, area: string | undefined): string | undefined {
    if (!code || !area) return code ?? area;
    if (this.#grids.ancestors(area).includes(code)) return area;
    return code;
  }

  /** Read what follows a place name: a number, a building, a second road, a direction. */
  #extend(t: string, m: Mention, all: Mention[]): void {
    const rest = t.slice(m.end);
    const place = m.candidates[0]!;
    const single = m.candidates.length === 1;
    switch (place.kind) {
      case 'district':
      case 'street':
      case 'community':
        m.precision = place.kind;
        m.parts[place.kind] = place.name;
        m.unitCode = place.unitCode;
        return;
      case 'road':
        return this.#extendRoad(t, m, all);
      case 'building':
        m.precision = 'building';
        m.parts.compound = place.building?.compound ?? place.name;
        if (place.building) m.parts.building = place.building.number;
        if (single) m.point = place.point;
        return;
      case 'compound': {
        m.precision = 'compound';
        m.parts.compound = place.name;
        if (single) m.point = place.point;
        const b = BUILDING.exec(rest);
        const building = b ? chineseToNumber(b[1]!) : undefined;
        if (b && building !== undefined) {
          m.precision = 'building';
          m.parts.building = building;
          if (b[2]) m.parts.unit = chineseToNumber(b[2]);
          if (b[3]) m.parts.room = chineseToNumber(b[3]);
          m.end += b[0].length;
          if (single) m.point = this.#buildings.get(`${place.name}#${building}`)?.point ?? place.point;
          return;
        }
        if (rest.startsWith('小区')) m.end += 2;
        const dir = DIRECTION.exec(t.slice(m.end));
        if (dir) m.parts.direction = dir[1];
        return;
      }
      case 'landmark': {
        m.precision = 'landmark';
        m.parts.landmark = place.name;
        if (single) m.point = place.point;
        const dir = DIRECTION.exec(rest);
        if (dir) {
          m.parts.direction = dir[1];
          m.end += dir[0].length;
        }
        return;
      }
    }
  }

  /** A road: with a house number (门牌号 optional), a second road it crosses, or alone (the unit it runs through). */
  #extendRoad(t: string, m: Mention, all: Mention[]): void {
    const place = m.candidates[0]!;
    const rest = t.slice(m.end);
    m.precision = 'road';
    m.parts.road = place.name;
    m.unitCode = sharedUnit(m.candidates.map((p) => this.#chains.get(p) ?? []));
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
    const at = m.end + (join?.[0].length ?? 0);
    const other = all.find((o) => o.start === at && o.candidates[0]!.kind === 'road' && o.candidates[0] !== place);
    const tail = other && CROSSING.exec(t.slice(other.end));
    // Two roads side by side are a crossing only when the text says so (路口); joined by 与/和 they are one anyway.
    const cross = other && (join || tail) ? roadIntersection(place, other.candidates[0]!) : undefined;
    if (other && cross) {
      m.precision = 'intersection';
      m.parts.crossRoad = other.candidates[0]!.name;
      m.point = cross;
      m.end = other.end + (tail?.[0].length ?? 0);
      return;
    }
    const dir = DIRECTION.exec(rest);
    if (dir) m.parts.direction = dir[1];
  }
}

/** A place's units, deepest first. A road's are those all of it lies in, down to a community (a road names no grid). */
function chainOf(place: Place, grids: GridLocator): string[] {
  if (place.unitCode) return grids.ancestors(place.unitCode);
  if (place.kind === 'road' && place.line) {
    const chains: string[][] = [];
    for (let i = 1; i < ROAD_SAMPLES; i++) {
      const point = pointOnRoad({ line: place.line, minNumber: 0, maxNumber: ROAD_SAMPLES }, i);
      const grid = point && grids.gridAt(point);
      chains.push(grid ? grids.ancestors(grid).slice(1) : []);
    }
    const shared = sharedUnit(chains);
    return shared ? grids.ancestors(shared) : [];
  }
  const grid = place.point && grids.gridAt(place.point);
  return grid ? grids.ancestors(grid) : [];
}

/** The deepest unit in every chain (chains run deepest first). */
function sharedUnit(chains: string[][]): string | undefined {
  if (!chains.length) return undefined;
  return chains[0]!.find((code) => chains.every((chain) => chain.includes(code)));
}
