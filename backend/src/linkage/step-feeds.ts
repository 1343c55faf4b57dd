import { and, asc, eq, inArray, isNotNull, isNull, lt, notInArray, or } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.ts';
import { appeals, isReporterConfidential } from '../appeals/index.ts';
import { type Event, type EventAction, type EventStep, eventSteps, events } from './schema.ts';

/**
 * The steps citizens are told of: dispatch (who handles it, by when) and closure (the result and
 * the 回访 question). A re-dispatch is internal routing — the citizen's tracking shows the new unit
 * and time limit — so it is not announced; the claim matches the partial index event_steps_notify_idx exactly.
 */
export const ANNOUNCED_ACTIONS = ['dispatch', 'verify_pass'] as const satisfies EventAction[];
export type AnnouncedAction = (typeof ANNOUNCED_ACTIONS)[number];

/**
 * Claims the next steps owing a notice to citizens by marking them notified, inside the caller's
 * transaction (a rollback un-claims them). A conditional UPDATE rather than SKIP LOCKED: the webhook
 * feed locks the same rows at the same moments, and skipping its locks would leave a fresh step
 * waiting for the next sweep. A second instance waits for the row, re-checks
 * `citizens_notified_at is null` and passes over it, so each step is told once.
 */
export async function claimStepsToAnnounce(tx: Tx, now: Date, limit: number): Promise<EventStep[]> {
  const owed = tx
    .select({ id: eventSteps.id })
    .from(eventSteps)
    .where(and(isNull(eventSteps.citizensNotifiedAt), inArray(eventSteps.action, ANNOUNCED_ACTIONS)))
    .orderBy(asc(eventSteps.createdAt))
    .limit(limit);
  const claimed = await tx
    .update(eventSteps)
    .set({ citizensNotifiedAt: now })
    .where(and(inArray(eventSteps.id, owed), isNull(eventSteps.citizensNotifiedAt)))
    .returning();
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * While a step is still owed to citizens the webhook feed leaves it alone — holding it would make
 * the notice claim pass it over until the next sweep. The notice's own message wakes the feed
 * again; after the grace period the step goes regardless.
 */
const CITIZEN_NOTICE_GRACE_MS = 60_000;

const readyForWebhook = (now: Date) =>
  and(
    isNull(eventSteps.webhookQueuedAt),
    or(
      isNotNull(eventSteps.citizensNotifiedAt),
      notInArray(eventSteps.action, ANNOUNCED_ACTIONS),
      lt(eventSteps.createdAt, new Date(now.getTime() - CITIZEN_NOTICE_GRACE_MS)),
    ),
  );

/**
 * Takes the next steps not yet handed to the linkage platform, with their events and whether the
 * appeal is 举报人保密 (its texts then go out masked), marking them handed over inside the caller's
 * transaction: locked with SKIP LOCKED, so another instance takes the next ones.
 */
export async function takeStepsForWebhook(tx: Tx, now: Date, limit: number): Promise<{ step: EventStep; event: Event; confidential: boolean }[]> {
  const steps = await tx
    .select()
    .from(eventSteps)
    .where(readyForWebhook(now))
    .orderBy(asc(eventSteps.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  if (!steps.length) return [];
  const byId = new Map(
    (
      await tx
        .select({ event: events, appealType: appeals.appealType, confidential: appeals.confidential })
        .from(events)
        .innerJoin(appeals, eq(appeals.id, events.appealId))
        .where(inArray(events.id, [...new Set(steps.map((s) => s.eventId))]))
    ).map((row) => [row.event.id, { event: row.event, confidential: isReporterConfidential(row) }]),
  );
  await tx
    .update(eventSteps)
    .set({ webhookQueuedAt: now })
    .where(
      inArray(
        eventSteps.id,
        steps.map((s) => s.id),
      ),
    );
  return steps.map((step) => ({ step, ...byId.get(step.eventId)! }));
}
