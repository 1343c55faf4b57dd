export { boundingBox, type LonLat, polygonContains, rectangle } from './geometry.ts';
export { type GeoJsonPolygon, type TerritoryUnit, territoryUnits } from './schema.ts';
export { Territory } from './territory.ts';
