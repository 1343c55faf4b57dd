export { type LonLat, boundingBox, polygonContains, rectangle } from './geometry.ts';
export { type GeoJsonPolygon, type TerritoryUnit, territoryUnits } from './schema.ts';
export { Territory } from './territory.ts';
