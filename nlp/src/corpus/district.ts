import { readFileSync } from 'node:fs';
import type { GeoJsonPolygon } from '../geometry.ts';
import { type TerritoryPlaces, buildGazetteer } from '../gazetteer.ts';
import { GridLocator, Locator } from '../location.ts';
import { type TerritoryFeatureCollection, type TerritoryUnitData, readTerritory } from '../territory-data.ts';

/**
 * 青禾区, the fictional district the shipped corpus is written about (and the demo runs on), as
 * data: `qinghe.geojson`, in the same open format any city imports (`npm run admin --
 * import-territory`). Three streets side by side, each cut into three communities, each community
 * into a 2 × 2 block of grids that tile it with no gap and no overlap; its invented roads,
 * compounds, landmarks and buildings sit inside those units.
 *
 * Layout: 东湖街道 spans longitude 120.10–120.12, 西山街道 120.12–120.14, 南桥镇 120.14–120.16;
 * inside each, the first community spans latitude 30.20–30.22, the second 30.22–30.24, the third
 * 30.24–30.26.
 */
export const DISTRICT_FILE = new URL('./qinghe.geojson', import.meta.url);

/** A unit of the district, as a territory table stores it (the district's boundaries are all plain polygons). */
export type DistrictUnit = TerritoryUnitData & { boundary: GeoJsonPolygon };

let data: ReturnType<typeof readTerritory> | undefined;
const district = () => (data ??= readTerritory(districtCollection()));

/** The district's FeatureCollection as shipped. */
export function districtCollection(): TerritoryFeatureCollection {
  return JSON.parse(readFileSync(DISTRICT_FILE, 'utf8')) as TerritoryFeatureCollection;
}

/** The district's units: district → streets → communities → grids. */
export function districtUnits(): DistrictUnit[] {
  return district().units.map((u) => ({ ...u, boundary: u.boundary as GeoJsonPolygon }));
}

/** The district's roads, compounds, landmarks and buildings. */
export function districtPlaces(): Required<TerritoryPlaces> {
  return district().places;
}

let shared: Locator | undefined;
/** The district's locator, built once: for the corpus tools, the benchmark and the tests, whose texts name its places. */
export function districtLocator(): Locator {
  return (shared ??= new Locator({ gazetteer: buildGazetteer(districtUnits(), districtPlaces()), grids: new GridLocator(districtUnits()) }));
}
