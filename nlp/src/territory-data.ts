import { type GeoJsonArea, boundingBox } from './geometry.ts';
import type { RoadDef, TerritoryPlaces } from './gazetteer.ts';

/**
 * A territory and its address base in one open format: a GeoJSON FeatureCollection (RFC 7946,
 * WGS 84 longitude/latitude). Units are (Multi)Polygons, roads (Multi)LineStrings whose house
 * numbers run from `fromNumber` at the first coordinate to `toNumber` at the last, and compounds,
 * landmarks and numbered buildings Points. The caller validates; this module only reads.
 */
export type UnitKind = 'district' | 'street' | 'community' | 'grid';
export type PointKind = 'compound' | 'landmark' | 'building';

export interface UnitProperties {
  kind: UnitKind;
  code: string;
  name: string;
  nameEn?: string;
  parentCode: string | null;
}
export interface RoadProperties {
  kind: 'road';
  name: string;
  aliases?: string[];
  fromNumber?: number;
  toNumber?: number;
}
export interface PointProperties {
  kind: PointKind;
  name: string;
  aliases?: string[];
}

type Position = [number, number];
export type LineGeometry = { type: 'LineString'; coordinates: Position[] } | { type: 'MultiLineString'; coordinates: Position[][] };

export type TerritoryFeature =
  | { type: 'Feature'; properties: UnitProperties; geometry: GeoJsonArea }
  | { type: 'Feature'; properties: RoadProperties; geometry: LineGeometry }
  | { type: 'Feature'; properties: PointProperties; geometry: { type: 'Point'; coordinates: Position } };

export interface TerritoryFeatureCollection {
  type: 'FeatureCollection';
  features: TerritoryFeature[];
}

/** A unit as the territory table stores it. */
export interface TerritoryUnitData {
  code: string;
  level: UnitKind;
  name: string;
  nameEn: string;
  parentCode: string | null;
  boundary: GeoJsonArea;
  centerLongitude: number;
  centerLatitude: number;
}

export interface TerritoryData {
  units: TerritoryUnitData[];
  places: Required<TerritoryPlaces>;
}

/** House numbers when a road gives none: 1 to 1000. */
const DEFAULT_TO_NUMBER = 1000;
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** The centre of a unit's bounding box: where the map writes its name and a coarse location points. */
export function centerOf(boundary: GeoJsonArea): { centerLongitude: number; centerLatitude: number } {
  const box = boundingBox(boundary);
  return { centerLongitude: round6((box.west + box.east) / 2), centerLatitude: round6((box.south + box.north) / 2) };
}

/** A road's centre line; a MultiLineString's parts are read one after the other, numbers running on. */
export function roadFrom(properties: RoadProperties, geometry: LineGeometry): RoadDef {
  const line = geometry.type === 'LineString' ? geometry.coordinates : geometry.coordinates.flat();
  return {
    name: properties.name,
    aliases: properties.aliases,
    line: line.map(([lon, lat]) => [lon, lat] as Position),
    minNumber: properties.fromNumber ?? 1,
    maxNumber: properties.toNumber ?? DEFAULT_TO_NUMBER,
  };
}

/** Units and places of a (validated) FeatureCollection, in the order written. */
export function readTerritory(collection: TerritoryFeatureCollection): TerritoryData {
  const data: TerritoryData = { units: [], places: { roads: [], compounds: [], landmarks: [], buildings: [] } };
  for (const { properties: p, geometry: g } of collection.features) {
    switch (p.kind) {
      case 'road':
        data.places.roads.push(roadFrom(p, g as LineGeometry));
        break;
      case 'compound':
      case 'landmark':
      case 'building': {
        const [lon, lat] = (g as { coordinates: Position }).coordinates;
        data.places[`${p.kind}s`].push({ name: p.name, aliases: p.aliases, point: [lon, lat] });
        break;
      }
      default: {
        const boundary = g as GeoJsonArea;
        data.units.push({ code: p.code, level: p.kind, name: p.name, nameEn: p.nameEn ?? '', parentCode: p.parentCode, boundary, ...centerOf(boundary) });
      }
    }
  }
  return data;
}
