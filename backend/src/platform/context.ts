import type { Config } from './config/env.ts';
import type { Db, DbOrTx, Tx } from './db/client.ts';
import type { DomainEvent, DomainEventBus } from './domain-events/bus.ts';
import type { User } from '../identity/auth/schema.ts';
import type { ChannelRegistry } from '../messaging/channel-registry.ts';
import type { Territory } from '../reference/territory/territory.ts';
import type { OnlinePresence } from '../routing/online.ts';
import type { AppealTriage } from '../triage/triage.ts';
import type { AutoRouter } from '../routing/auto-assign.ts';

/** Who is acting: the audit log and permission checks read this. */
export type Actor =
  | { type: 'user'; user: Pick<User, 'id' | 'username' | 'role' | 'departmentCode' | 'displayName'> }
  | { type: 'contact'; contactId: string }
  | { type: 'system' };

/** The long-lived parts every service verb needs. */
export interface Deps {
  db: Db;
  config: Config;
  bus: DomainEventBus;
  channels: ChannelRegistry;
  territory: Territory;
  presence: OnlinePresence;
  /** NLP between intake and the queue; set once the model is ready, just after start. */
  triage?: AppealTriage;
  /** Auto-assign (ROUTING_MODE=auto); absent in manual mode. */
  routing?: AutoRouter;
}

/** A verb's context: the deps, the actor, and the database or transaction to use. */
export interface Ctx extends Omit<Deps, 'db'> {
  db: DbOrTx;
  actor: Actor;
}

export type TxCtx = Ctx & { db: Tx };

/**
 * Runs `work` in one transaction and publishes its domain events only after commit,
 * so listeners never see a change that was rolled back.
 */
export async function transact<T>(ctx: Ctx, work: (tx: TxCtx, publish: (event: DomainEvent) => void) => Promise<T>): Promise<T> {
  const pending: DomainEvent[] = [];
  const result = await ctx.db.transaction((tx) => work({ ...ctx, db: tx }, (event) => pending.push(event)));
  for (const event of pending) ctx.bus.emit(event);
  return result;
}

export function actorId(actor: Actor): string | null {
  return actor.type === 'user' ? actor.user.id : actor.type === 'contact' ? actor.contactId : null;
}
