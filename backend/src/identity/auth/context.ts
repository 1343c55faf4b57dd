import type { DbOrTx, Tx } from '../../platform/db/index.ts';
import type { PlatformDeps } from '../../platform/context/index.ts';
import type { Territory } from '../../reference/territory/index.ts';
import type { User } from './schema.ts';

/** Who is acting: the audit log and permission checks read this. */
export type Actor =
  | { type: 'user'; user: Pick<User, 'id' | 'username' | 'role' | 'departmentCode' | 'displayName'> }
  | { type: 'contact'; contactId: string }
  | { type: 'system' };

/** The long-lived parts every service verb needs: the platform's, and the territory the hotline serves. */
export interface Deps extends PlatformDeps {
  territory: Territory;
}

/** A verb's context: the deps, the actor, and the database or transaction to use. */
export interface Ctx extends Omit<Deps, 'db'> {
  db: DbOrTx;
  actor: Actor;
}

export type TxCtx = Ctx & { db: Tx };
