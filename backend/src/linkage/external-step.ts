import { eq } from 'drizzle-orm';
import type { Ctx } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import { type Event, type EventStep, events } from './schema.ts';
import { nextStatus } from './lifecycle.ts';
import { recordStep } from './record-step.ts';

/** The steps a department's own case system reports back (through Open311): 签收, 处置反馈, 退回. */
export type ExternalAction = 'sign' | 'report' | 'return';

/**
 * A step the lead department took in its own system, recorded on our event as the system: only
 * while that department still leads it and the lifecycle allows the step now; otherwise nothing is
 * written and null is returned (an update about an event since re-dispatched elsewhere, or one
 * already past that step).
 */
export async function takeExternalStep({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { eventId: string; departmentCode: string; action: ExternalAction; note: string | null };
}): Promise<{ event: Event; step: EventStep } | null> {
  return transact(ctx, async (tx, publish) => {
    const [event] = await tx.db.select().from(events).where(eq(events.id, input.eventId)).for('update');
    if (!event || event.leadDepartmentCode !== input.departmentCode) return null;
    const to = nextStatus(input.action, event.status);
    if (!to) return null;
    const now = new Date();
    const changes = input.action === 'sign' ? { signedAt: now } : input.action === 'report' ? { result: input.note ?? '', reportedAt: now } : {};
    const [after] = await tx.db
      .update(events)
      .set({ ...changes, status: to, updatedAt: now })
      .where(eq(events.id, event.id))
      .returning();
    const step = await recordStep(tx, publish, {
      event: after!,
      action: input.action,
      fromStatus: event.status,
      departmentCode: input.departmentCode,
      note: input.note,
      detail: 'open311',
      audit: { action: `event.${input.action}.external` },
    });
    return { event: after!, step };
  });
}
