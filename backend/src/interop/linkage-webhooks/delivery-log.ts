import { count, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../identity/context.ts';
import { transact } from '../../platform/context/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { ServiceError, notFound } from '../../platform/errors/index.ts';
import { events } from '../../linkage/schema.ts';
import { type WebhookDelivery, webhookDeliveries } from './schema.ts';
import type { WebhookTopic } from './payload.ts';
import type { WebhookDeliveryPage, WebhookDeliveryView } from './views.ts';

type Status = WebhookDelivery['status'];

function toView(delivery: WebhookDelivery, caseNumber: string | null): WebhookDeliveryView {
  return {
    id: delivery.id,
    topic: delivery.topic as WebhookTopic,
    eventId: delivery.eventId,
    caseNumber,
    url: delivery.url,
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

/** The delivery log, newest first, optionally of one status (the failed ones, to retry them). */
export async function listWebhookDeliveries({ ctx, input }: { ctx: Ctx; input: { status?: Status; page: number; pageSize: number } }): Promise<WebhookDeliveryPage> {
  const where = input.status ? eq(webhookDeliveries.status, input.status) : undefined;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ delivery: webhookDeliveries, caseNumber: events.caseNumber })
      .from(webhookDeliveries)
      .leftJoin(events, eq(events.id, webhookDeliveries.eventId))
      .where(where)
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ n: count() }).from(webhookDeliveries).where(where),
  ]);
  return { items: rows.map((r) => toView(r.delivery, r.caseNumber)), total: total!.n, page: input.page, pageSize: input.pageSize };
}

/**
 * An admin sends a failed delivery again: pending at once with a fresh set of attempts (the
 * delivery sweep picks it up). Only a failed one: a pending one is still being tried, a delivered one arrived.
 */
export async function retryWebhookDelivery({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<WebhookDeliveryView> {
  return transact(ctx, async (tx) => {
    const [before] = await tx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, input.id)).for('update');
    if (!before) throw notFound('Webhook delivery');
    if (before.status !== 'failed') throw new ServiceError('conflict', `Only a failed delivery can be retried; this one is ${before.status}`, { status: before.status });
    const [after] = await tx.db
      .update(webhookDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date() })
      .where(eq(webhookDeliveries.id, before.id))
      .returning();
    await recordAudit(tx.db, tx.actor, {
      action: 'webhook_delivery.retried',
      entityType: 'webhook_delivery',
      entityId: before.id,
      before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
      after: { status: after!.status },
    });
    const [event] = after!.eventId ? await tx.db.select({ caseNumber: events.caseNumber }).from(events).where(eq(events.id, after!.eventId)) : [];
    return toView(after!, event?.caseNumber ?? null);
  });
}
