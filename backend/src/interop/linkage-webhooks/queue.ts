import { randomUUID } from 'node:crypto';
import { and, asc, inArray, isNotNull, isNull, lt, notInArray, or } from 'drizzle-orm';
import type { Deps } from '../../identity/context.ts';
import type { Job } from '../../platform/jobs/index.ts';
import { type EventAction, eventSteps, events } from '../../linkage/schema.ts';
import { topicOf, webhookPayload } from './payload.ts';
import { deliverDueWebhooks } from './deliver.ts';
import { webhookDeliveries } from './schema.ts';

const BATCH = 100;

/**
 * Steps citizens are told of (the partial index event_steps_notify_idx names them): the notice
 * job claims those with SKIP LOCKED, so while one is still owed to citizens this job leaves it
 * alone — holding it would make that claim pass it over until the notice job's next sweep. The
 * notice's own message wakes this job again; after the grace period it is queued regardless.
 */
const CITIZEN_NOTICE_ACTIONS: EventAction[] = ['dispatch', 'verify_pass'];
const CITIZEN_NOTICE_GRACE_MS = 60_000;

const readyForWebhook = (now: Date) =>
  and(
    isNull(eventSteps.webhookQueuedAt),
    or(isNotNull(eventSteps.citizensNotifiedAt), notInArray(eventSteps.action, CITIZEN_NOTICE_ACTIONS), lt(eventSteps.createdAt, new Date(now.getTime() - CITIZEN_NOTICE_GRACE_MS))),
  );

/**
 * One batch of steps not yet handed to the webhook queue, in one transaction: the steps are
 * locked (SKIP LOCKED, so another instance takes the next ones), each gets its delivery row when
 * a linkage platform is configured, and all are marked queued — without a platform too, so the
 * backlog does not grow while webhooks are off.
 */
async function queueBatch(deps: Deps): Promise<number> {
  const target = deps.config.linkageWebhook;
  return deps.db.transaction(async (tx) => {
    const steps = await tx
      .select()
      .from(eventSteps)
      .where(readyForWebhook(new Date()))
      .orderBy(asc(eventSteps.createdAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    if (!steps.length) return 0;
    if (target) {
      const eventIds = [...new Set(steps.map((s) => s.eventId))];
      const byId = new Map((await tx.select().from(events).where(inArray(events.id, eventIds))).map((e) => [e.id, e]));
      await tx.insert(webhookDeliveries).values(
        steps.map((step) => {
          const id = randomUUID();
          return { id, topic: topicOf(step.action), eventId: step.eventId, url: target.url, payload: webhookPayload(id, byId.get(step.eventId)!, step) };
        }),
      );
    }
    await tx
      .update(eventSteps)
      .set({ webhookQueuedAt: new Date() })
      .where(inArray(eventSteps.id, steps.map((s) => s.id)));
    return steps.length;
  });
}

/** Queues every step owed to the linkage platform; returns how many steps were handled. */
export async function queueWebhookSteps(deps: Deps): Promise<number> {
  let queued = 0;
  for (;;) {
    const count = await queueBatch(deps);
    queued += count;
    if (count < BATCH) return queued;
  }
}

/**
 * Soon after every step (and after a citizens' notice, which frees a dispatch or closure step):
 * queue it, then post at once what was queued rather than wait for the delivery sweep.
 */
export const queueWebhooksJob: Job<Deps> = {
  name: 'queue-webhooks',
  everyMs: 30_000,
  wakeOn: ['event.changed', 'message.created'],
  async run(deps) {
    if ((await queueWebhookSteps(deps)) && deps.config.linkageWebhook) await deliverDueWebhooks(deps);
  },
};
