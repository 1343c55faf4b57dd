import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../identity/auth/index.ts';
import type { DbOrTx } from '../platform/db/index.ts';
import { departments } from '../reference/departments/index.ts';
import { type EventAction, OPEN_STATUSES, eventSteps, events } from '../linkage/index.ts';
import { ServiceError } from '../platform/errors/index.ts';
import type { Config } from '../platform/config/index.ts';
import { type CitizenTexts, citizenTexts, citizenTime } from '../platform/texts/index.ts';
import { type Appeal, findAppeal, findAppealByCaseNumber } from '../appeals/index.ts';
import type { PublicAppeal, PublicEvent, publicSteps } from './views.ts';

/** How the event's step is told to a citizen, naming the unit handling it. */
function eventWords(progress: CitizenTexts['progress'], event: PublicEvent, department: string): string {
  switch (event.status) {
    case 'dispatched':
    case 'handling':
      return progress.event[event.status](department);
    case 'closed':
      return progress.event.closed(event.result);
    default:
      return progress.event[event.status];
  }
}

/**
 * The current step of a case in words, with the time limit while the department still owes work:
 * the one wording the web page's API, SMS, WeChat and the voice menu all give.
 */
export function currentStepWords(appeal: Pick<PublicAppeal, 'status' | 'event'>, config: Pick<Config, 'language' | 'timezone'>): string {
  const texts = citizenTexts(config.language);
  if (!appeal.event) return texts.progress.appeal[appeal.status];
  const department = config.language === 'en' ? appeal.event.department.nameEn : appeal.event.department.name;
  const words = eventWords(texts.progress, appeal.event, department);
  return appeal.event.timeLimitAt ? texts.progress.withTimeLimit(words, citizenTime(texts, appeal.event.timeLimitAt, config.timezone)) : words;
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
  if (appeal.status === 'merged' && appeal.duplicateOfId)
    return citizenTexts(ctx.config.language).progress.mergedInto((await findAppeal(ctx.db, appeal.duplicateOfId)).caseNumber);
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
    statusText: currentStepWords({ status: appeal.status, event }, ctx.config),
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
