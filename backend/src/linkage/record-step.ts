import type { TxCtx } from '../identity/auth/index.ts';
import type { DomainEvent } from '../platform/domain-events/index.ts';
import { recordAudit } from '../platform/audit/index.ts';
import { type Event, type EventAction, type EventStatus, type EventStep, eventSteps } from './schema.ts';

export interface StepRecord {
  /** The event after the step. */
  event: Event;
  action: EventAction;
  fromStatus: EventStatus | null;
  /** The department the step concerns; assessment counts by it. */
  departmentCode: string | null;
  note?: string | null;
  detail?: string | null;
  /** The audit entry's name when not `event.<action>`, and what it records beyond the states. */
  audit?: { action?: string; after?: Record<string, unknown> };
}

/**
 * Writes one step of an event's life inside the caller's transaction: the `event_steps` row (the
 * timeline, assessment's source and the citizens' and webhooks' outbox), its audit entry, and
 * `event.changed` for after the commit. Every change to an event goes through here.
 */
export async function recordStep(tx: TxCtx, publish: (event: DomainEvent) => void, record: StepRecord): Promise<EventStep> {
  const { event } = record;
  const [step] = await tx.db
    .insert(eventSteps)
    .values({
      eventId: event.id,
      action: record.action,
      fromStatus: record.fromStatus,
      toStatus: event.status,
      departmentCode: record.departmentCode,
      actorUserId: tx.actor.type === 'user' ? tx.actor.user.id : null,
      note: record.note ?? null,
      detail: record.detail ?? null,
    })
    .returning();
  await recordAudit(tx.db, tx.actor, {
    action: record.audit?.action ?? `event.${record.action}`,
    entityType: 'event',
    entityId: event.id,
    before: record.fromStatus ? { status: record.fromStatus } : undefined,
    after: { status: event.status, stepId: step!.id, ...record.audit?.after },
  });
  publish({ name: 'event.changed', payload: { event, step: step! } });
  return step!;
}
