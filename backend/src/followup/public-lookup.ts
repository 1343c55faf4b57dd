import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../identity/context.ts';
import type { DbOrTx } from '../platform/db/index.ts';
import { departments } from '../reference/departments/index.ts';
import { type EventAction, type EventStatus, eventSteps, events } from '../linkage/schema.ts';
import { OPEN_STATUSES } from '../linkage/lifecycle.ts';
import { ServiceError } from '../platform/errors/index.ts';
import { findAppeal, findAppealByCaseNumber } from '../appeals/queries.ts';
import type { Appeal, AppealStatus } from '../appeals/schema.ts';
import type { PublicAppeal, PublicEvent, publicSteps } from '../appeals/views.ts';

/** How an appeal's status is told to a citizen, on any channel, before it becomes an event. */
export const statusWords: Record<AppealStatus, string> = {
  pending: '待受理',
  accepted: '已受理，正在办理',
  rejected: '不予受理',
  merged: '已并入其他案件办理',
  answered: '已直接答复并办结',
};

/** How an event's step is told to a citizen, on any channel. */
const eventWords: Record<EventStatus, (event: PublicEvent) => string> = {
  dispatched: (e) => `已受理待签收（${e.department.name}）`,
  handling: (e) => `处置中（${e.department.name}）`,
  reported: () => '已反馈待核查',
  closed: (e) => (e.result ? `已办结，处理结果：${e.result}` : '已办结'),
  returned: () => '已退回重新派遣中',
  cancelled: () => '已撤销',
};

/** A time as citizens read it in texts and speech: 2026年11月25日 17:30, in the hotline's time zone. */
export function citizenTime(at: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(at));
}

/**
 * The current step of a case in words, with the time limit while the department still owes work:
 * the one wording the web page's API, SMS, WeChat and the voice menu all give.
 */
export function currentStepWords(appeal: Pick<PublicAppeal, 'status' | 'event'>, timeZone: string): string {
  if (!appeal.event) return statusWords[appeal.status];
  const words = eventWords[appeal.event.status](appeal.event);
  return appeal.event.timeLimitAt ? `${words}，办理时限 ${citizenTime(appeal.event.timeLimitAt, timeZone)}` : words;
}

/** A case number as every channel accepts it: the day (8 digits) and a daily sequence. */
export const CASE_NUMBER = /^\d{14,20}$/;

/**
 * The case number a citizen's text asks progress for: 「查询 20261122000123」, 「CX 20261122000123」
 * or the bare number; anything else is not a progress query.
 */
export function trackingQueryOf(text: string): string | undefined {
  const match = /^(?:查询|查|CX)?[\s:：]*(\d{14,20})$/i.exec(text.normalize('NFKC').trim());
  return match?.[1];
}

/** The event steps a citizen is shown, and what each is called on their page; internal steps (warnings, urging, extensions) stay internal. */
const publicStepOf: Partial<Record<EventAction, (typeof publicSteps)[number]>> = {
  dispatch: 'dispatched',
  sign: 'signed',
  report: 'reported',
  verify_fail: 'rework',
  return: 'returned',
  redispatch: 'redispatched',
  verify_pass: 'closed',
  reopen: 'reopened',
  cancel: 'cancelled',
};

/** Why it was decided so: the reason of a rejection, or the case a duplicate was merged into. */
async function decisionNote(ctx: Ctx, appeal: Appeal): Promise<string | null> {
  if (appeal.status === 'merged' && appeal.duplicateOfId) return `已并入案件 ${(await findAppeal(ctx.db, appeal.duplicateOfId)).caseNumber} 一并办理`;
  return appeal.rejectReason;
}

/** The event handling the case: its own, or for a merged duplicate the event of the case it joined. */
async function trackedEvent(db: DbOrTx, appeal: Appeal) {
  const appealId = appeal.status === 'merged' && appeal.duplicateOfId ? appeal.duplicateOfId : appeal.id;
  const [row] = await db
    .select({ event: events, department: { name: departments.name, nameEn: departments.nameEn } })
    .from(events)
    .innerJoin(departments, eq(departments.code, events.leadDepartmentCode))
    .where(eq(events.appealId, appealId));
  return row;
}

/** The event's public steps, oldest first; a (re)dispatch names the unit it went to. */
async function eventProgress(db: DbOrTx, eventId: string): Promise<PublicAppeal['progress']> {
  const rows = await db
    .select({ action: eventSteps.action, at: eventSteps.createdAt, department: departments.name })
    .from(eventSteps)
    .leftJoin(departments, eq(departments.code, eventSteps.departmentCode))
    .where(eq(eventSteps.eventId, eventId))
    .orderBy(asc(eventSteps.createdAt));
  return rows.flatMap((r) => {
    const step = publicStepOf[r.action];
    if (!step) return [];
    const note = (step === 'dispatched' || step === 'redispatched') && r.department ? r.department : null;
    return [{ step, at: r.at.toISOString(), note }];
  });
}

/** Progress by case number, for anyone who holds it: no name, no phone, no text, no department notes. */
export async function lookupPublicAppeal({ ctx, input }: { ctx: Ctx; input: { caseNumber: string } }): Promise<PublicAppeal> {
  const appeal = await findAppealByCaseNumber(ctx.db, input.caseNumber);
  const progress: PublicAppeal['progress'] = [{ step: 'received', at: appeal.createdAt.toISOString(), note: null }];
  if (appeal.decidedAt && appeal.status !== 'pending') {
    progress.push({ step: appeal.status, at: appeal.decidedAt.toISOString(), note: await decisionNote(ctx, appeal) });
  }
  const tracked = await trackedEvent(ctx.db, appeal);
  const event: PublicEvent | null = tracked
    ? {
        status: tracked.event.status,
        department: tracked.department,
        timeLimitAt: OPEN_STATUSES.includes(tracked.event.status) ? tracked.event.timeLimitAt.toISOString() : null,
        result: tracked.event.status === 'closed' ? tracked.event.result : null,
        closedAt: tracked.event.status === 'closed' ? (tracked.event.closedAt?.toISOString() ?? null) : null,
      }
    : null;
  if (tracked) progress.push(...(await eventProgress(ctx.db, tracked.event.id)));
  return {
    caseNumber: appeal.caseNumber,
    status: appeal.status,
    channel: appeal.channel,
    submittedAt: appeal.createdAt.toISOString(),
    decidedAt: appeal.decidedAt?.toISOString() ?? null,
    rejectReason: appeal.rejectReason,
    event,
    statusText: currentStepWords({ status: appeal.status, event }, ctx.config.timezone),
    progress,
  };
}

/** The same lookup for a channel that answers "not found" in its own words: undefined for an unknown case. */
export async function lookupKnownCase(ctx: Ctx, caseNumber: string): Promise<PublicAppeal | undefined> {
  try {
    return await lookupPublicAppeal({ ctx, input: { caseNumber } });
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'not_found') return undefined;
    throw error;
  }
}
