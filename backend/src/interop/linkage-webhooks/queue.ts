import { randomUUID } from 'node:crypto';
import type { PlatformDeps } from '../../platform/context/index.ts';
import type { Job } from '../../platform/jobs/index.ts';
import { dispatchOutbox, enqueueOutbox } from '../../platform/outbox/index.ts';
import { takeStepsForWebhook } from '../../linkage/index.ts';
import { topicOf, webhookPayload } from './payload.ts';
import { LINKAGE_WEBHOOK, linkageWebhooks } from './deliver.ts';

const BATCH = 100;

/**
 * One batch of steps not yet handed to the linkage platform, in one transaction: each becomes an
 * outbox notice when a platform is configured, and all are marked handed over — without a platform
 * too, so the backlog does not grow while webhooks are off.
 */
async function queueBatch(deps: PlatformDeps): Promise<number> {
  const target = deps.config.linkageWebhook;
  return deps.db.transaction(async (tx) => {
    const taken = await takeStepsForWebhook(tx, new Date(), BATCH);
    if (target) {
      await enqueueOutbox(
        tx,
        taken.map(({ step, event, confidential }) => {
          const id = randomUUID();
          const payload = webhookPayload(id, event, step, confidential);
          return { id, kind: LINKAGE_WEBHOOK, topic: topicOf(step.action), subjectId: event.id, target: target.url, payload };
        }),
      );
    }
    return taken.length;
  });
}

/** Queues every step owed to the linkage platform; returns how many steps were handled. */
export async function queueWebhookSteps(deps: PlatformDeps): Promise<number> {
  let queued = 0;
  for (;;) {
    const count = await queueBatch(deps);
    queued += count;
    if (count < BATCH) return queued;
  }
}

/**
 * Soon after every step (and after a citizens' notice, which frees a dispatch or closure step):
 * queue it, then post at once what was queued rather than wait for the outbox's sweep.
 */
export const queueWebhooksJob: Job = {
  name: 'queue-webhooks',
  everyMs: 30_000,
  wakeOn: ['event.changed', 'message.created'],
  async run(deps) {
    if (await queueWebhookSteps(deps)) await dispatchOutbox(deps, [linkageWebhooks]);
  },
};
