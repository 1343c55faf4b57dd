import { and, asc, eq, getTableColumns, inArray, lte, sql } from 'drizzle-orm';
import type { Config } from '../config/index.ts';
import type { PlatformDeps } from '../context/index.ts';
import type { DbOrTx, Tx } from '../db/index.ts';
import { records } from '../db/index.ts';
import { type OutboxItem, outbox } from './schema.ts';

/** One attempt's result. A `final` failure is not retried (the citizen opted out, the provider refused the request itself). */
export type DeliveryOutcome = { ok: true; statusCode?: number } | { ok: false; error: string; statusCode?: number | null; final?: boolean };

/** Delivers the items of one kind; the outbox claims, retries and records. */
export interface OutboxHandler<D extends PlatformDeps = PlatformDeps> {
  kind: string;
  /** Whether it can deliver now: a webhook without its secret waits, its items untouched. */
  ready?(deps: D): boolean;
  /** Attempts every item once, side by side: one outcome per item, in order; one item's failure is its outcome, not a throw. */
  deliver(deps: D, items: OutboxItem[]): Promise<DeliveryOutcome[]>;
  /** After the attempts are recorded: what reads the outbox (the next retry's time) now reads this round's outcome. */
  recorded?(deps: D, items: OutboxItem[]): void;
}

export type NewOutboxItem = Pick<OutboxItem, 'kind' | 'topic' | 'target' | 'payload'> & Partial<Pick<OutboxItem, 'id' | 'subjectId'>>;

/** A claimed item is not due again for this long: if the instance dies mid-attempt, another retries it then. */
const CLAIM_LEASE_MS = 60_000;
const BATCH = 50;
const ERROR_TEXT_LIMIT = 500;

/** Wait before attempt `attempts + 1`: base, 2×base, 4×base… capped. */
export function backoffMs(policy: Config['delivery'], attempts: number): number {
  return Math.min(policy.backoffBaseMs * 2 ** (attempts - 1), policy.backoffMaxMs);
}

/**
 * Adds items inside the caller's transaction, so they commit (or not) with the change they carry.
 * They are due at once by this process's clock, the one its claims compare with.
 */
export async function enqueueOutbox(tx: Tx, items: NewOutboxItem[]): Promise<OutboxItem[]> {
  if (!items.length) return [];
  const now = new Date();
  return tx
    .insert(outbox)
    .select(
      records(
        outbox,
        items.map((item) => ({ ...item, nextAttemptAt: now })),
      ),
    )
    .returning();
}

/**
 * Claims due pending items by moving their next attempt past the lease, in one statement: SKIP
 * LOCKED lets several instances claim at once without ever taking the same item, and an item
 * claimed by the sweep is not due for the caller that committed it, nor the other way round.
 */
async function claim(db: DbOrTx, kinds: string[], subjectIds?: string[]): Promise<OutboxItem[]> {
  const now = new Date();
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), inArray(outbox.kind, kinds), lte(outbox.nextAttemptAt, now), subjectIds && inArray(outbox.subjectId, subjectIds)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(BATCH)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
    .where(inArray(outbox.id, due))
    .returning();
}

/** Records every attempt of a batch in one statement: delivered, due again after the backoff, or failed for good. */
async function record(db: DbOrTx, policy: Config['delivery'], attempted: { item: OutboxItem; outcome: DeliveryOutcome }[]): Promise<void> {
  if (!attempted.length) return;
  const now = Date.now();
  const rows = attempted.map(({ item, outcome }) => {
    const attempts = item.attempts + 1;
    const failed = !outcome.ok && (outcome.final || attempts >= policy.maxAttempts);
    return {
      id: item.id,
      attempts,
      status: outcome.ok ? 'delivered' : failed ? 'failed' : 'pending',
      next_attempt_at: new Date(outcome.ok || failed ? now : now + backoffMs(policy, attempts)).toISOString(),
      last_status_code: outcome.statusCode ?? null,
      last_error: outcome.ok ? null : outcome.error.slice(0, ERROR_TEXT_LIMIT),
      delivered_at: outcome.ok ? new Date(now).toISOString() : null,
    };
  });
  await db
    .update(outbox)
    .set({
      attempts: sql`v.attempts`,
      status: sql`v.status`,
      nextAttemptAt: sql`v.next_attempt_at`,
      lastStatusCode: sql`v.last_status_code`,
      lastError: sql`v.last_error`,
      deliveredAt: sql`v.delivered_at`,
    })
    .from(
      sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, attempts integer, status outbox_status, next_attempt_at timestamptz, last_status_code integer, last_error text, delivered_at timestamptz)`,
    )
    .where(and(sql`${outbox.id} = v.id`, eq(outbox.status, 'pending')));
}

/**
 * The one claim-and-retry loop: attempts what is due (or, given `subjectIds`, the items about those
 * subjects at once, as the commit that wrote them returns), a batch at a time, each kind by its
 * handler, and records the outcomes. Returns how many items were attempted.
 */
export async function dispatchOutbox<D extends PlatformDeps>(deps: D, handlers: readonly OutboxHandler<D>[], only?: { subjectIds: string[] }): Promise<number> {
  const ready = handlers.filter((h) => h.ready?.(deps) ?? true);
  if (!ready.length || (only && !only.subjectIds.length)) return 0;
  let attempted = 0;
  for (;;) {
    const claimed = await claim(
      deps.db,
      ready.map((h) => h.kind),
      only?.subjectIds,
    );
    const outcomes = await Promise.all(
      ready.map(async (handler) => {
        const items = claimed.filter((item) => item.kind === handler.kind);
        const results = items.length ? await handler.deliver(deps, items) : [];
        return items.map((item, i) => ({ item, outcome: results[i]! }));
      }),
    );
    await record(deps.db, deps.config.delivery, outcomes.flat());
    for (const handler of ready) {
      const items = claimed.filter((item) => item.kind === handler.kind);
      if (items.length) handler.recorded?.(deps, items);
    }
    attempted += claimed.length;
    if (claimed.length < BATCH) return attempted;
  }
}

/**
 * An admin sends a failed item again: pending at once with a fresh set of attempts. Only a failed
 * one of the given kind: a pending one is still being tried, a delivered one arrived.
 */
export async function requeueFailed(tx: Tx, kind: string, id: string): Promise<{ before?: OutboxItem; after?: OutboxItem }> {
  const [before] = await tx
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, id), eq(outbox.kind, kind)))
    .for('update');
  if (!before || before.status !== 'failed') return { before };
  const [after] = await tx
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date() })
    .where(eq(outbox.id, id))
    .returning(getTableColumns(outbox));
  return { before, after };
}
