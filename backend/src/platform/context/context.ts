import type { Channel, ChannelSender } from '@hotline/channels';
import type { Config } from '../config/index.ts';
import type { Db, DbOrTx, Tx } from '../db/index.ts';
import type { DomainEvent, DomainEventBus } from '../domain-events/index.ts';

/** channel → the adapter that sends on it. The backend never talks to a provider any other way. */
export type ChannelRegistry = Partial<Record<Channel, ChannelSender>>;

/** The long-lived parts every layer builds on: the database, the configuration, the domain-event bus and the channels' senders. */
export interface PlatformDeps {
  db: Db;
  config: Config;
  domainEvents: DomainEventBus;
  channels: ChannelRegistry;
}

/**
 * Who is acting, as far as the platform needs to know (the audit log): staff by id, a citizen by
 * contact id, or the system. Identity's `Actor` carries the staff member's role and department.
 */
export type ActorRef = { type: 'user'; user: { id: string } } | { type: 'contact'; contactId: string } | { type: 'system' };

export function actorId(actor: ActorRef): string | null {
  return actor.type === 'user' ? actor.user.id : actor.type === 'contact' ? actor.contactId : null;
}

/**
 * Runs `work` in one transaction and publishes its domain events only after commit,
 * so listeners never see a change that was rolled back.
 */
export async function transact<C extends { db: DbOrTx; domainEvents: DomainEventBus }, T>(
  ctx: C,
  work: (tx: C & { db: Tx }, publish: (event: DomainEvent) => void) => Promise<T>,
): Promise<T> {
  const pending: DomainEvent[] = [];
  const result = await ctx.db.transaction((tx) => work({ ...ctx, db: tx }, (event) => pending.push(event)));
  for (const event of pending) ctx.domainEvents.emit(event);
  return result;
}
