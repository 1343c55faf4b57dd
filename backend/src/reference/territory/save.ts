import type { Tx } from '../../platform/db/index.ts';
import { territoryUnits } from './schema.ts';

/** Adds territory units (区 → 街道 → 社区 → 网格) in the caller's transaction. */
export async function addTerritoryUnits(tx: Tx, units: (typeof territoryUnits.$inferInsert)[]): Promise<void> {
  if (units.length) await tx.insert(territoryUnits).values(units);
}
