import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Deps, TxCtx } from '../identity/context.ts';
import { transact } from '../platform/context/index.ts';
import type { DomainEvent } from '../platform/domain-events/index.ts';
import type { Job } from '../platform/jobs/index.ts';
import { type Appeal, appeals } from '../appeals/schema.ts';
import { citizenTime } from './public-lookup.ts';
import { departments } from '../reference/departments/index.ts';
import { type Event, type EventStep, eventSteps, events } from '../linkage/schema.ts';
import { reportersOf } from '../linkage/reporters.ts';
import type { Message } from '../messaging/schema.ts';
import { deliver, storeOutbound } from '../messaging/outbound.ts';
import { SURVEY_QUESTION } from './survey.ts';

/**
 * The steps citizens are told of: dispatch (who handles it, by when) and closure (the result and
 * the 回访 question). A re-dispatch is internal routing — the citizen's tracking shows the new unit
 * and time limit — so it is not announced; the claim matches the partial index event_steps_notify_idx exactly.
 */
const ANNOUNCED = ['dispatch', 'verify_pass'] as const;
type Announced = (typeof ANNOUNCED)[number];

const BATCH = 20;

interface Notice {
  event: Event;
  departmentName: string;
  timeZone: string;
}

/** What each reporter reads, with their own case number (a merged duplicate keeps its own). */
const noticeTexts: Record<Announced, (appeal: Appeal, notice: Notice) => string> = {
  dispatch: (appeal, { event, departmentName, timeZone }) =>
    `您的诉求（案件号 ${appeal.caseNumber}）已受理，派由${departmentName}办理，办理时限${citizenTime(event.timeLimitAt, timeZone)}。可凭案件号查询进度。`,
  verify_pass: (appeal, { event }) =>
    `您的诉求（案件号 ${appeal.caseNumber}）已办结。${event.result ? `处理结果：${event.result}。` : ''}${SURVEY_QUESTION}`,
};

/**
 * Claims the next steps owing a notice by marking them notified, inside the transaction that
 * stores the notices (a rollback un-claims them). A conditional UPDATE rather than SKIP LOCKED:
 * the webhook outbox locks the same rows at the same moments, and skipping its locks would leave
 * a fresh step waiting for the next sweep. A second instance waits for the row, re-checks
 * `citizens_notified_at is null` and passes over it, so each step is told once.
 */
async function claimSteps(tx: TxCtx, now: Date): Promise<EventStep[]> {
  const owed = tx.db
    .select({ id: eventSteps.id })
    .from(eventSteps)
    .where(and(isNull(eventSteps.citizensNotifiedAt), inArray(eventSteps.action, ANNOUNCED)))
    .orderBy(asc(eventSteps.createdAt))
    .limit(BATCH);
  const claimed = await tx.db
    .update(eventSteps)
    .set({ citizensNotifiedAt: now })
    .where(and(inArray(eventSteps.id, owed), isNull(eventSteps.citizensNotifiedAt)))
    .returning();
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * Stores the step's notice for every reporter (on their own appeal, hence their own channel); a
 * closure also opens each reporter's 回访 survey, clearing a rating of an earlier closure (a reopened
 * event closing again) so the citizen is asked afresh — but never one given since this closure, such
 * as a phone call-back recorded before this notice went out.
 */
async function storeNotices(tx: TxCtx, publish: (e: DomainEvent) => void, step: EventStep): Promise<Message[]> {
  const [row] = await tx.db
    .select({ event: events, departmentName: departments.name })
    .from(events)
    .innerJoin(departments, eq(departments.code, events.leadDepartmentCode))
    .where(eq(events.id, step.eventId));
  const action = step.action as Announced;
  const notice: Notice = { event: row!.event, departmentName: row!.departmentName, timeZone: tx.config.timezone };
  const reporters = await reportersOf(tx.db, row!.event);
  const stored: Message[] = [];
  for (const reporter of reporters) {
    stored.push(await storeOutbound(tx, publish, reporter, noticeTexts[action](reporter, notice)));
  }
  if (action === 'verify_pass' && reporters.length) {
    const ratedBefore = sql`${appeals.ratedAt} < ${step.createdAt}`;
    await tx.db
      .update(appeals)
      .set({
        surveyAskedAt: step.citizensNotifiedAt,
        satisfaction: sql`case when ${ratedBefore} then null else ${appeals.satisfaction} end`,
        ratedAt: sql`case when ${ratedBefore} then null else ${appeals.ratedAt} end`,
        ratedVia: sql`case when ${ratedBefore} then null else ${appeals.ratedVia} end`,
      })
      .where(inArray(appeals.id, reporters.map((r) => r.id)));
  }
  return stored;
}

/**
 * Tells every citizen behind an event of its dispatch and closure: claims owed steps and stores
 * the notices in one transaction, then hands the notices to their channels after
 * commit — nothing is sent that was not saved, and a failed send is recorded and retried by `deliver`.
 */
export async function notifyCitizens(deps: Deps): Promise<number> {
  const ctx = { ...deps, actor: { type: 'system' as const } };
  let told = 0;
  for (;;) {
    const { steps, notices } = await transact(ctx, async (tx, publish) => {
      const claimed = await claimSteps(tx, new Date());
      const stored: Message[] = [];
      for (const step of claimed) stored.push(...(await storeNotices(tx, publish, step)));
      return { steps: claimed.length, notices: stored };
    });
    for (const notice of notices) await deliver(ctx, notice);
    told += notices.length;
    if (steps < BATCH) return told;
  }
}

export const notifyCitizensJob: Job<Deps> = {
  name: 'notify-citizens',
  everyMs: 30_000,
  wakeOn: ['event.changed'],
  run: notifyCitizens,
};
