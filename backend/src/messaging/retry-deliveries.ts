import { and, asc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Deps } from '../identity/context.ts';
import type { Job } from '../platform/jobs/index.ts';
import { type Message, messages } from './schema.ts';
import { deliver } from './outbound.ts';

const BATCH = 50;

/**
 * Claims outbound messages whose next attempt is due, clearing `nextDeliveryAt` in the same
 * statement: with several instances each due message is claimed by exactly one (SKIP LOCKED
 * passes over rows another instance is claiming), and a failed attempt schedules the next one itself.
 */
async function claimDueMessages(deps: Deps, now: Date): Promise<Message[]> {
  const due = deps.db
    .select({ id: messages.id })
    .from(messages)
    .where(and(isNotNull(messages.nextDeliveryAt), lte(messages.nextDeliveryAt, now), eq(messages.direction, 'out')))
    .orderBy(asc(messages.nextDeliveryAt))
    .limit(BATCH)
    .for('update', { skipLocked: true });
  return deps.db.update(messages).set({ nextDeliveryAt: null }).where(inArray(messages.id, due)).returning();
}

/** Sends again every message whose retry is due (see `deliver` for the backoff); returns how many were tried. */
export async function retryDueDeliveries(deps: Deps, now = new Date()): Promise<number> {
  const ctx = { ...deps, actor: { type: 'system' as const } };
  let tried = 0;
  for (;;) {
    const claimed = await claimDueMessages(deps, now);
    for (const message of claimed) await deliver(ctx, message);
    tried += claimed.length;
    if (claimed.length < BATCH) return tried;
  }
}

export const retryDeliveriesJob: Job<Deps> = {
  name: 'retry-deliveries',
  everyMs: 10_000,
  run: (deps) => retryDueDeliveries(deps),
};
