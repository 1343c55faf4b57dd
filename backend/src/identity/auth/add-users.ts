import type { DbOrTx } from '../../platform/db/index.ts';
import { hashPassword } from './password.ts';
import { type Role, users } from './schema.ts';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  departmentCode: string | null;
}

/** Creates staff accounts with one password (hashed once): the demo's accounts, or one from the admin command. */
export async function addUsers(db: DbOrTx, rows: NewUser[], password: string): Promise<void> {
  if (!rows.length) return;
  const passwordHash = await hashPassword(password);
  await db.insert(users).values(rows.map((r) => ({ ...r, passwordHash })));
}
