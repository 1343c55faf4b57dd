import { and, count, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../identity/auth/index.ts';
import { transact } from '../../platform/context/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { ServiceError, notFound } from '../../platform/errors/index.ts';
import { type OutboxItem, type OutboxStatus, outbox, requeueFailed } from '../../platform/outbox/index.ts';
import { events } from '../../linkage/index.ts';
import { LINKAGE_WEBHOOK } from './deliver.ts';
import type { WebhookTopic } from './payload.ts';
import type { WebhookDeliveryPage, WebhookDeliveryView } from './views.ts';

function toView(delivery: OutboxItem, caseNumber: string | null): WebhookDeliveryView {
  return {
    id: delivery.id,
    topic: delivery.topic as WebhookTopic,
    eventId: delivery.subjectId,
    caseNumber,
    url: delivery.target,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.nextAttemptAt.toISOString(),
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
    payload: delivery.payload as Record<string, unknown>,
  };
}

/** The delivery log (the outbox's notices to the linkage platform), newest first, optionally of one status (the failed ones, to retry them). */
export async function listWebhookDeliveries({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { status?: OutboxStatus; page: number; pageSize: number };
}): Promise<WebhookDeliveryPage> {
  const where = and(eq(outbox.kind, LINKAGE_WEBHOOK), input.status ? eq(outbox.status, input.status) : undefined);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ delivery: outbox, caseNumber: events.caseNumber })
      .from(outbox)
      .leftJoin(events, eq(events.id, outbox.subjectId))
      .where(where)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ n: count() }).from(outbox).where(where),
  ]);
  return { items: rows.map((r) => toView(r.delivery, r.caseNumber)), total: total!.n, page: input.page, pageSize: input.pageSize };
}

/**
 * An admin sends a failed delivery again: pending at once with a fresh set of attempts (the
 * outbox's sweep picks it up). Only a failed one: a pending one is still being tried, a delivered one arrived.
 */
export async function retryWebhookDelivery({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<WebhookDeliveryView> {
  return transact(ctx, async (tx) => {
    const { before, after } = await requeueFailed(tx.db, LINKAGE_WEBHOOK, input.id);
    if (!before) throw notFound('Webhook delivery');
    if (!after)
      throw new ServiceError('conflict', `Only a failed delivery can be retried; this one is ${before.status}`, { status: before.status }, 'retry_not_failed');
    await recordAudit(tx.db, tx.actor, {
      action: 'webhook_delivery.retried',
      entityType: 'webhook_delivery',
      entityId: before.id,
      before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
      after: { status: after.status },
    });
    const [event] = after.subjectId ? await tx.db.select({ caseNumber: events.caseNumber }).from(events).where(eq(events.id, after.subjectId)) : [];
    return toView(after, event?.caseNumber ?? null);
  });
}
