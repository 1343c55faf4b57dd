export { addTerritoryUnits } from './save.ts';
export { type TerritoryUnit, territoryUnits } from './schema.ts';
export { Territory } from './territory.ts';
