import { eq } from 'drizzle-orm';
import { appeals } from '../appeals/index.ts';
import { type EventAction, type EventStatus, eventSteps, events } from '../linkage/index.ts';
import { nextStatus } from '../linkage/index.ts';
import type { TestHotline } from './hotline.ts';
import { insertTriagedAppeals } from './staff.ts';

/**
 * FIXTURE for assessment specs: events with a past, written straight to `events` and
 * `event_steps` with chosen timestamps, because the step API stamps every step "now" and a month's
 * boundaries need steps at exact instants. Each history runs through the lifecycle table, so an
 * impossible sequence fails here instead of producing numbers no real event could.
 */

/** One step: who it concerns follows the lead (dispatch, re-dispatch and reopen name the new one). */
export type HistoryStep =
  | { at: string; action: 'dispatch' | 'redispatch' | 'reopen'; department: string }
  | { at: string; action: 'warn'; detail: 'sign_overdue' | 'yellow' | 'red' }
  | { at: string; action: Exclude<EventAction, 'dispatch' | 'redispatch' | 'reopen' | 'warn'> };

export interface EventHistory {
  steps: [HistoryStep & { action: 'dispatch' }, ...HistoryStep[]];
  /** 回访 ratings of the event's own appeal and of duplicates merged into it. */
  rating?: number;
  mergedRatings?: (number | null)[];
}

function statusAfter(step: HistoryStep, status: EventStatus | null): EventStatus {
  if (step.action === 'dispatch') return 'dispatched';
  if (step.action === 'warn') return status!;
  const next = nextStatus(step.action, status!);
  if (!next) throw new Error(`fixture: ${step.action} is not allowed from ${status}`);
  return next;
}

/** Writes each history as an event (with its appeal and merged duplicates) and its steps; returns the event ids. */
export async function insertEventHistories(hotline: TestHotline, histories: EventHistory[]): Promise<string[]> {
  const { db } = hotline.database;
  const ids: string[] = [];
  for (const history of histories) {
    const merged = history.mergedRatings ?? [];
    const [appeal, ...duplicates] = await insertTriagedAppeals(hotline, [{ channel: 'sms' }, ...merged.map(() => ({ channel: 'sms' as const }))]);
    await db
      .update(appeals)
      .set({ status: 'accepted', satisfaction: history.rating ?? null })
      .where(eq(appeals.id, appeal!.id));
    for (const [i, duplicate] of duplicates.entries()) {
      await db
        .update(appeals)
        .set({ status: 'merged', duplicateOfId: appeal!.id, satisfaction: merged[i] ?? null })
        .where(eq(appeals.id, duplicate.id));
    }

    let status: EventStatus | null = null;
    let lead = history.steps[0].department;
    const rows: Omit<typeof eventSteps.$inferInsert, 'eventId'>[] = [];
    for (const step of history.steps) {
      const fromStatus: EventStatus | null = status;
      status = statusAfter(step, status);
      if ('department' in step) lead = step.department;
      const at = new Date(step.at);
      // Already told and queued: the outbox jobs must not act on a made-up past.
      rows.push({
        action: step.action,
        fromStatus,
        toStatus: status,
        departmentCode: lead,
        detail: 'detail' in step ? step.detail : null,
        createdAt: at,
        citizensNotifiedAt: at,
        webhookQueuedAt: at,
      });
    }
    const dispatchedAt = new Date(history.steps[0].at);
    const [event] = await db
      .insert(events)
      .values({
        caseNumber: appeal!.caseNumber,
        appealId: appeal!.id,
        status: status!,
        categoryCode: 'city-appearance',
        urgency: 'normal',
        leadDepartmentCode: lead,
        dispatchedAt,
        signDueAt: new Date(dispatchedAt.getTime() + 24 * 3600_000),
        timeLimitAt: new Date(dispatchedAt.getTime() + 5 * 24 * 3600_000),
        warnAt: new Date(dispatchedAt.getTime() + 4 * 24 * 3600_000),
        createdAt: dispatchedAt,
      })
      .returning({ id: events.id });
    await db.insert(eventSteps).values(rows.map((row) => ({ ...row, eventId: event!.id })));
    ids.push(event!.id);
  }
  return ids;
}
