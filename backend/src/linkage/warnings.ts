import { and, eq, inArray, isNull, lte, type SQL } from 'drizzle-orm';
import { transact } from '../platform/context/index.ts';
import { type Deps } from '../identity/auth/index.ts';
import { events } from './schema.ts';
import { OPEN_STATUSES } from './lifecycle.ts';
import { recordStep } from './record-step.ts';
import type { Job } from '../platform/jobs/index.ts';

/** The warnings of a time limit: 签收超时, 黄牌 (临期) and 红牌 (超期), each raised once per limit. */
export const warningKinds = ['sign_overdue', 'yellow', 'red'] as const;
export type WarningKind = (typeof warningKinds)[number];

interface WarningRule {
  /** Set when raised; an extension or re-dispatch clears it so the new limit warns again. */
  raisedAt: 'signOverdueRaisedAt' | 'yellowRaisedAt' | 'redRaisedAt';
  due: (now: Date) => SQL;
}

const open = inArray(events.status, [...OPEN_STATUSES]);
const WARNINGS: Record<WarningKind, WarningRule> = {
  sign_overdue: { raisedAt: 'signOverdueRaisedAt', due: (now) => and(eq(events.status, 'dispatched'), lte(events.signDueAt, now))! },
  yellow: { raisedAt: 'yellowRaisedAt', due: (now) => and(open, lte(events.warnAt, now))! },
  red: { raisedAt: 'redRaisedAt', due: (now) => and(open, lte(events.timeLimitAt, now))! },
};

/**
 * Raises every warning now due, each exactly once even with several instances running this at the
 * same moment: the conditional `UPDATE … WHERE raised_at IS NULL RETURNING` claims it (a concurrent
 * run waits on the row lock, then finds it raised), and the `warn` step is written in the same
 * transaction. Returns how many were raised.
 */
export async function raiseWarnings(deps: Deps, now = new Date()): Promise<number> {
  const ctx = { ...deps, actor: { type: 'system' as const } };
  let raised = 0;
  for (const kind of warningKinds) {
    const { raisedAt, due } = WARNINGS[kind];
    raised += await transact(ctx, async (tx, publish) => {
      const claimed = await tx.db
        .update(events)
        .set({ [raisedAt]: now, updatedAt: now })
        .where(and(isNull(events[raisedAt]), due(now)))
        .returning();
      for (const event of claimed) {
        await recordStep(tx, publish, { event, action: 'warn', fromStatus: event.status, departmentCode: event.leadDepartmentCode, detail: kind });
      }
      return claimed.length;
    });
  }
  return raised;
}

export const eventWarningsJob: Job<Deps> = { name: 'event-warnings', everyMs: (config) => config.eventWarningsEveryMs, run: (deps) => raiseWarnings(deps) };
