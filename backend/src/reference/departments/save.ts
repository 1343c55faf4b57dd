import type { Tx } from '../../platform/db/index.ts';
import { departments } from './schema.ts';

/** Adds departments and sub-centers in the caller's transaction. */
export async function addDepartments(tx: Tx, rows: (typeof departments.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(departments).values(rows);
}
