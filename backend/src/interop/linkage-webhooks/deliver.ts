import { createHmac } from 'node:crypto';
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Deps } from '../../identity/context.ts';
import type { Job } from '../../platform/jobs/index.ts';
import { type WebhookDelivery, webhookDeliveries } from './schema.ts';

/** One attempt may take this long; a slow platform is a failed attempt, retried later. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** A claimed delivery is not due again for this long: if the instance dies mid-attempt, another retries it then. */
const CLAIM_LEASE_MS = DELIVERY_TIMEOUT_MS + 20_000;
/** Backoff doubles per attempt but never waits more than this. */
const MAX_BACKOFF_MS = 6 * 3600_000;
const BATCH = 20;
const ERROR_TEXT_LIMIT = 500;

/**
 * `sha256=` + HMAC-SHA256(secret, "<timestamp>.<body>") in hex: the timestamp is signed with the
 * body, so a receiver can refuse a replayed notice by its age.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Wait before attempt `attempts + 1`: base, 2×base, 4×base… capped. */
export function backoffMs(baseMs: number, attempts: number): number {
  return Math.min(baseMs * 2 ** (attempts - 1), MAX_BACKOFF_MS);
}

/**
 * Claims due pending deliveries by moving their next attempt past the lease, in one statement:
 * SKIP LOCKED lets several instances claim at once without ever taking the same delivery.
 */
async function claimDue(deps: Deps, now: Date): Promise<WebhookDelivery[]> {
  const due = deps.db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(BATCH)
    .for('update', { skipLocked: true });
  return deps.db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
    .where(inArray(webhookDeliveries.id, due))
    .returning();
}

type Outcome = { delivered: true; statusCode: number } | { delivered: false; statusCode: number | null; error: string };

/** One signed POST; redirects are not followed (a signed notice goes where it was configured to, or fails). */
async function post(delivery: WebhookDelivery, secret: string): Promise<Outcome> {
  const body = JSON.stringify(delivery.payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  try {
    const res = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hotline-topic': delivery.topic,
        'x-hotline-delivery': delivery.id,
        'x-hotline-timestamp': timestamp,
        'x-hotline-signature': webhookSignature(secret, timestamp, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    const answer = (await res.text()).slice(0, ERROR_TEXT_LIMIT);
    if (res.status >= 200 && res.status < 300) return { delivered: true, statusCode: res.status };
    return { delivered: false, statusCode: res.status, error: `HTTP ${res.status}${answer ? `: ${answer}` : ''}` };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { delivered: false, statusCode: null, error: timedOut ? `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s` : String((error as Error).cause ?? error) };
  }
}

/** Records an attempt: delivered, retried after the backoff, or failed once out of attempts. */
async function recordAttempt(deps: Deps, delivery: WebhookDelivery, outcome: Outcome, target: { maxAttempts: number; backoffBaseMs: number }) {
  const now = new Date();
  const attempts = delivery.attempts + 1;
  const result = outcome.delivered
    ? { status: 'delivered' as const, deliveredAt: now, lastStatusCode: outcome.statusCode, lastError: null }
    : attempts >= target.maxAttempts
      ? { status: 'failed' as const, lastStatusCode: outcome.statusCode, lastError: outcome.error }
      : { lastStatusCode: outcome.statusCode, lastError: outcome.error, nextAttemptAt: new Date(now.getTime() + backoffMs(target.backoffBaseMs, attempts)) };
  await deps.db
    .update(webhookDeliveries)
    .set({ attempts, ...result })
    .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, 'pending')));
}

/** Posts every due delivery (a batch at a time, in parallel within it); returns how many were attempted. */
export async function deliverDueWebhooks(deps: Deps): Promise<number> {
  // Without the secret nothing can be signed: deliveries wait until the platform is configured again.
  const target = deps.config.linkageWebhook;
  if (!target) return 0;
  let attempted = 0;
  for (;;) {
    const claimed = await claimDue(deps, new Date());
    await Promise.all(claimed.map(async (delivery) => recordAttempt(deps, delivery, await post(delivery, target.secret), target)));
    attempted += claimed.length;
    if (claimed.length < BATCH) return attempted;
  }
}

/**
 * The sweep for retries and anything left behind. New deliveries do not wait for it: the queue
 * job hands them on as soon as it has written them.
 */
export const deliverWebhooksJob: Job<Deps> = {
  name: 'deliver-webhooks',
  everyMs: 10_000,
  run: (deps) => deliverDueWebhooks(deps),
};
