import { randomBytes } from 'node:crypto';
import type { Db } from '../platform/db/index.ts';
import { importTerritory, territoryUnits, validateTerritory } from '../reference/territory/index.ts';
import { addDepartments } from '../reference/departments/index.ts';
import { addCategories } from '../reference/taxonomy/index.ts';
import { addUsers, users } from '../identity/auth/index.ts';
import { districtCollection } from '@hotline/nlp/corpus';
import { demoCategories, demoDepartments, demoStaff } from './reference.ts';
import { seedTimeLimitRules } from './time-limits.ts';

/**
 * Territory, departments and taxonomy, written once into an empty database; the default time-limit
 * rules on every start, so a database from before them gets them too. Returns whether the territory was written.
 * The demo's territory, 青禾区, is a GeoJSON file imported through the same checks as any city's.
 */
export async function seedReferenceData(db: Db): Promise<boolean> {
  await seedTimeLimitRules(db);
  if (await hasRows(db, territoryUnits)) return false;
  const territory = validateTerritory(districtCollection());
  if (!territory.ok) throw new Error(`The demo territory file is invalid: ${JSON.stringify(territory.issues.slice(0, 5))}`);
  await db.transaction(async (tx) => {
    await importTerritory(tx, { type: 'system' }, territory.collection);
    await addDepartments(tx, demoDepartments);
    await addCategories(tx, demoCategories);
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
  const rows = [
    ...demoStaff.map((s) => ({ ...s, departmentCode: null })),
    ...demoDepartments.map((d) => ({ username: `dept-${d.code}`, displayName: `${d.name} 办理员`, role: 'handler' as const, departmentCode: d.code })),
  ];
  await addUsers(db, rows, password);
  return { usernames: rows.map((r) => r.username), password };
}

async function hasRows(db: Db, table: typeof territoryUnits | typeof users): Promise<boolean> {
  return (await db.$count(table)) > 0;
}
