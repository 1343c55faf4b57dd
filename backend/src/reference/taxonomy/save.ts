import type { Tx } from '../../platform/db/index.ts';
import { categories, categoryDepartments } from './schema.ts';

/** A matter category with the departments that lead it and help with it. */
export type NewCategory = typeof categories.$inferInsert & { lead: string; co?: string[] };

/** Adds categories, in this order, with their lead and co-departments, in the caller's transaction. */
export async function addCategories(tx: Tx, rows: NewCategory[]): Promise<void> {
  if (!rows.length) return;
  await tx.insert(categories).values(rows.map(({ lead: _lead, co: _co, ...category }, i) => ({ ...category, sortOrder: i })));
  await tx
    .insert(categoryDepartments)
    .values(
      rows.flatMap((c) => [
        { categoryCode: c.code, departmentCode: c.lead, role: 'lead' as const },
        ...(c.co ?? []).map((d) => ({ categoryCode: c.code, departmentCode: d, role: 'co' as const })),
      ]),
    );
}
