import './domain-events.ts';
export { MAX_TERRITORY_BYTES, type TerritoryIssue, territoryFileSchema, type TerritoryValidation, validateTerritory } from './geojson.ts';
export {
  checkTerritory,
  countTerritory,
  describeIssues,
  exportTerritory,
  formatTerritoryFile,
  importTerritory,
  replaceTerritory,
  type TerritoryCounts,
  type TerritoryCtx,
} from './import.ts';
export { type TerritoryPlace, type TerritoryUnit, territoryPlaces, territoryUnits } from './schema.ts';
export { Territory } from './territory.ts';
export { addTerritoryUnits } from './save.ts';
