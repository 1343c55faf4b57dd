import type { Event, EventAction, EventStep } from '../../linkage/index.ts';
import { eventFacts, reporterSafe } from '../../linkage/index.ts';

export const webhookTopics = ['event.created', 'event.updated', 'event.closed'] as const;
export type WebhookTopic = (typeof webhookTopics)[number];

/** `dispatch` is only ever the creating step (a re-dispatch is its own action); a pass or a cancellation ends the event. */
export function topicOf(action: EventAction): WebhookTopic {
  if (action === 'dispatch') return 'event.created';
  if (action === 'verify_pass' || action === 'cancel') return 'event.closed';
  return 'event.updated';
}

/**
 * What the linkage platform receives for one step: the event as it stands and the step itself.
 * The matter, its place and its handling only — never who reported it or what they wrote. In a
 * 举报人保密 appeal (`confidential`) the texts that may quote the reporter — address, result, note — are masked.
 */
export function webhookPayload(deliveryId: string, event: Event, step: EventStep, confidential: boolean) {
  return {
    id: deliveryId,
    topic: topicOf(step.action),
    occurredAt: step.createdAt.toISOString(),
    event: { ...eventFacts(event, confidential), result: reporterSafe(event.result, confidential) },
    step: {
      id: step.id,
      action: step.action,
      fromStatus: step.fromStatus,
      toStatus: step.toStatus,
      departmentCode: step.departmentCode,
      // A call-back's note is the citizen's own words on the phone: it stays here…
      note: step.action === 'callback' ? null : reporterSafe(step.note, confidential),
      // …and its detail names the appeal that rated, i.e. which reporter (departments do not see it either).
      detail: step.action === 'callback' ? null : step.detail,
      createdAt: step.createdAt.toISOString(),
    },
  };
}
