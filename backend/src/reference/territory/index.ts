import './domain-events.ts';
export { MAX_TERRITORY_BYTES, type TerritoryIssue, territoryFileSchema, validateTerritory } from './geojson.ts';
export { checkTerritory, describeIssues, exportTerritory, formatTerritoryFile, importTerritory, replaceTerritory, type TerritoryCounts } from './import.ts';
export { type TerritoryUnit, territoryUnits } from './schema.ts';
export { Territory } from './territory.ts';
export { addTerritoryUnits } from './save.ts';
