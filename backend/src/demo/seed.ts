import { randomBytes } from 'node:crypto';
import type { Db } from '../platform/db/index.ts';
import { territoryUnits } from '../reference/territory/index.ts';
import { departments } from '../reference/departments/index.ts';
import { categories, categoryDepartments } from '../reference/taxonomy/index.ts';
import { users } from '../identity/auth/index.ts';
import { hashPassword } from '../identity/auth/index.ts';
import { districtUnits } from '@hotline/nlp/corpus';
import { demoCategories, demoDepartments, demoStaff } from './reference.ts';
import { seedTimeLimitRules } from './time-limits.ts';

/**
 * Territory, departments and taxonomy, written once into an empty database; the default time-limit
 * rules on every start, so a database from before them gets them too. Returns whether the territory was written.
 */
export async function seedReferenceData(db: Db): Promise<boolean> {
  await seedTimeLimitRules(db);
  if (await hasRows(db, territoryUnits)) return false;
  await db.transaction(async (tx) => {
    await tx.insert(territoryUnits).values(districtUnits());
    await tx.insert(departments).values(demoDepartments);
    await tx.insert(categories).values(demoCategories.map(({ lead: _lead, co: _co, ...c }, i) => ({ ...c, sortOrder: i })));
    await tx.insert(categoryDepartments).values(
      demoCategories.flatMap((c) => [
        { categoryCode: c.code, departmentCode: c.lead, role: 'lead' as const },
        ...(c.co ?? []).map((d) => ({ categoryCode: c.code, departmentCode: d, role: 'co' as const })),
      ]),
    );
  });
  return true;
}

export interface DemoAccounts {
  usernames: string[];
  password: string;
}

/** The demo's staff accounts (one per role, one handler per department), only ever on an empty users table. */
export async function seedDemoUsers(db: Db, password = randomBytes(9).toString('base64url')): Promise<DemoAccounts | undefined> {
  if (await hasRows(db, users)) return undefined;
  const passwordHash = await hashPassword(password);
  const rows = [
    ...demoStaff.map((s) => ({ ...s, departmentCode: null })),
    ...demoDepartments.map((d) => ({ username: `dept-${d.code}`, displayName: `${d.name} 办理员`, role: 'handler' as const, departmentCode: d.code })),
  ];
  await db.insert(users).values(rows.map((r) => ({ ...r, passwordHash })));
  return { usernames: rows.map((r) => r.username), password };
}

async function hasRows(db: Db, table: typeof territoryUnits | typeof users): Promise<boolean> {
  return (await db.$count(table)) > 0;
}
