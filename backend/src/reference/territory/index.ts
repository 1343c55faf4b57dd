export { type TerritoryUnit, territoryUnits } from './schema.ts';
export { Territory } from './territory.ts';
