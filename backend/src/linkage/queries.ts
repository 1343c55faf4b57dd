import { type SQL, and, asc, count, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Ctx } from '../identity/auth/index.ts';
import type { DbOrTx } from '../platform/db/index.ts';
import { notFound } from '../platform/errors/index.ts';
import { users } from '../identity/auth/index.ts';
import { type Appeal, appeals, isReporterConfidential, maskReporterContacts } from '../appeals/index.ts';
import { type Event, type EventStatus, type EventStep, eventExtensions, eventStatuses, eventPhotos, eventSteps, events, timeLimitRules } from './schema.ts';
import { OPEN_STATUSES, type Staff, type StaffAction, availableActions, mayView } from './lifecycle.ts';
import { reportersOf } from './reporters.ts';
import { reopenable, staffOf } from './steps.ts';
import type { EventCounts, EventDetail, EventSummary, dueStates } from './views.ts';

export type DueState = (typeof dueStates)[number];

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const SUMMARY_LENGTH = 200;

/**
 * How close an open event is to its limits: overdue once the sign-for limit passed unsigned or the
 * completion limit passed, soon past the yellow line. Only open events owe anything.
 */
export function dueOf(event: Pick<Event, 'status' | 'signDueAt' | 'timeLimitAt' | 'warnAt'>, now: Date): DueState {
  if (!OPEN_STATUSES.includes(event.status)) return 'ok';
  const t = now.getTime();
  if ((event.status === 'dispatched' && event.signDueAt.getTime() <= t) || event.timeLimitAt.getTime() <= t) return 'overdue';
  return event.warnAt.getTime() <= t ? 'soon' : 'ok';
}

/** The same test as `dueOf`, in SQL, for the worklist filter. */
function dueCondition(due: DueState, now: Date): SQL {
  const open = inArray(events.status, [...OPEN_STATUSES]);
  const overdue = or(and(eq(events.status, 'dispatched'), lte(events.signDueAt, now)), lte(events.timeLimitAt, now))!;
  if (due === 'overdue') return and(open, overdue)!;
  if (due === 'soon') return and(open, lte(events.warnAt, now), sql`not (${overdue})`)!;
  return or(sql`not (${open})`, and(sql`not (${overdue})`, sql`${events.warnAt} > ${now}`))!;
}

/** Handlers see only the events their department leads or co-handles; the center sees all. */
function visibleTo(staff: Staff): SQL | undefined {
  if (staff.role !== 'handler') return undefined;
  const code = staff.departmentCode ?? '';
  return or(eq(events.leadDepartmentCode, code), sql`${code} = any(${events.coDepartmentCodes})`);
}

const extensionPending = sql<boolean>`exists (select 1 from ${eventExtensions} where ${eventExtensions.eventId} = ${events.id} and ${eventExtensions.status} = 'pending')`;
const reporterCount = sql<number>`(1 + (select count(*)::int from ${appeals} as merged where merged.duplicate_of_id = ${events.appealId} and merged.status = 'merged'))`;

function selectEvents(db: DbOrTx) {
  return db
    .select({ event: events, summary: appeals.summary, appealType: appeals.appealType, confidential: appeals.confidential, extensionPending, reporterCount })
    .from(events)
    .innerJoin(appeals, eq(appeals.id, events.appealId));
}

type EventRow = {
  event: Event;
  summary: string;
  appealType: Appeal['appealType'];
  confidential: boolean;
  extensionPending: boolean;
  reporterCount: number;
};

/**
 * 举报人保密: the event's texts go to departments (worklist, detail, pushes) and to the linkage
 * platform, so in a confidential appeal's event (a 举报, or marked by hand) every contact in them is
 * masked; the center reads them in the appeal itself.
 */
export function reporterSafe<T extends string | null>(text: T, confidential: boolean): T {
  return (confidential && text ? maskReporterContacts(text) : text) as T;
}

/**
 * The event's own facts, as every outside view shows them (worklists, pushes, the linkage platform's
 * webhooks); `confidential`: the appeal is 举报人保密, and the address, which may be the citizen's own words, is masked.
 */
export function eventFacts(event: Event, confidential: boolean) {
  return {
    id: event.id,
    caseNumber: event.caseNumber,
    status: event.status,
    categoryCode: event.categoryCode,
    urgency: event.urgency,
    address: reporterSafe(event.address, confidential),
    gridCode: event.gridCode,
    leadDepartmentCode: event.leadDepartmentCode,
    coDepartmentCodes: event.coDepartmentCodes,
    dispatchedAt: iso(event.dispatchedAt),
    signDueAt: iso(event.signDueAt),
    timeLimitAt: iso(event.timeLimitAt),
    signedAt: isoOrNull(event.signedAt),
    reportedAt: isoOrNull(event.reportedAt),
    closedAt: isoOrNull(event.closedAt),
    urgeCount: event.urgeCount,
    supervised: event.supervisedAt !== null,
  };
}

function toEventSummary(row: EventRow, now: Date): EventSummary {
  const { event, extensionPending: pending, reporterCount: reporters } = row;
  const confidential = isReporterConfidential(row);
  // One summary serves the center and the departments (a push goes to both): it is always masked.
  const summary = reporterSafe(row.summary, confidential);
  return {
    ...eventFacts(event, confidential),
    appealId: event.appealId,
    summary: summary.length > SUMMARY_LENGTH ? `${summary.slice(0, SUMMARY_LENGTH)}…` : summary,
    warnAt: iso(event.warnAt),
    due: dueOf(event, now),
    extensionPending: Boolean(pending),
    reporterCount: Number(reporters),
    createdAt: iso(event.createdAt),
    updatedAt: iso(event.updatedAt),
  };
}

export interface EventListInput {
  status?: EventStatus[];
  department?: string;
  /** Any of these (临期·超期 is both). */
  due?: ('soon' | 'overdue')[];
  /** With (true) or without (false) a pending extension request. */
  extensionPending?: boolean;
  /** A case number prefix. */
  q?: string;
  page: number;
  pageSize: number;
}

/** The worklist: open events first, the nearest time limit first. */
export async function listEvents({ ctx, input, now = new Date() }: { ctx: Ctx; input: EventListInput; now?: Date }) {
  const staff = staffOf(ctx);
  const where = and(
    visibleTo(staff),
    input.status?.length ? inArray(events.status, input.status) : undefined,
    input.department ? or(eq(events.leadDepartmentCode, input.department), sql`${input.department} = any(${events.coDepartmentCodes})`) : undefined,
    input.due?.length ? or(...input.due.map((due) => dueCondition(due, now))) : undefined,
    input.extensionPending === undefined ? undefined : input.extensionPending ? extensionPending : sql`not ${extensionPending}`,
    input.q ? sql`${events.caseNumber} like ${`${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
  );
  const [rows, [total]] = await Promise.all([
    selectEvents(ctx.db)
      .where(where)
      .orderBy(desc(inArray(events.status, [...OPEN_STATUSES])), asc(events.timeLimitAt), asc(events.caseNumber))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ n: count() }).from(events).where(where),
  ]);
  return { items: rows.map((r) => toEventSummary(r, now)), total: total!.n, page: input.page, pageSize: input.pageSize };
}

/** The worklist tabs' counts in one grouped query, over the events this staff member may see. */
export async function eventCounts({ ctx, now = new Date() }: { ctx: Ctx; now?: Date }): Promise<EventCounts> {
  const countWhere = (condition: SQL) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);
  const rows = await ctx.db
    .select({
      status: events.status,
      n: count(),
      extensionPending: countWhere(and(inArray(events.status, [...OPEN_STATUSES]), extensionPending)!),
      soon: countWhere(dueCondition('soon', now)),
      overdue: countWhere(dueCondition('overdue', now)),
    })
    .from(events)
    .where(visibleTo(staffOf(ctx)))
    .groupBy(events.status);
  const byStatus = Object.fromEntries(eventStatuses.map((status) => [status, rows.find((r) => r.status === status)?.n ?? 0])) as EventCounts['byStatus'];
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((total, r) => total + pick(r), 0);
  return { byStatus, extensionPending: sum((r) => r.extensionPending), soon: sum((r) => r.soon), overdue: sum((r) => r.overdue), total: sum((r) => r.n) };
}

/** One event as the worklists show it (`event:updated` pushes this). */
export async function loadEventSummary(db: DbOrTx, eventId: string, now = new Date()): Promise<EventSummary> {
  const [row] = await selectEvents(db).where(eq(events.id, eventId));
  if (!row) throw notFound('Event');
  return toEventSummary(row, now);
}

/** The event if this staff member may see it; another department's event is simply not found. */
async function visibleEvent(ctx: Ctx, eventId: string): Promise<EventRow> {
  const [row] = await selectEvents(ctx.db).where(eq(events.id, eventId));
  if (!row || !mayView(staffOf(ctx), row.event)) throw notFound('Event');
  return row;
}

/**
 * The buttons for this user now: the lifecycle table's steps, less those the event's own state
 * rules out (an extension decision with none waiting, a second request, a reopen nobody asked for).
 */
function actionsFor(staff: Staff, event: Event, state: { extensionPending: boolean; reopenable: boolean }): StaffAction[] {
  return availableActions(staff, event).filter((action) => {
    if (action === 'request_extension') return !state.extensionPending;
    if (action === 'approve_extension' || action === 'deny_extension') return state.extensionPending;
    if (action === 'reopen') return state.reopenable;
    return true;
  });
}

/**
 * 举报人保密: a 回访 step's note is the citizen's own words and its detail names the appeal that
 * rated, i.e. which citizen; departments see only that the call-back happened (the webhook payload
 * withholds the note for the same reason).
 */
const hiddenFromDepartments = (staff: Staff, step: Pick<EventStep, 'action'>) => staff.role === 'handler' && step.action === 'callback';

/** `GET /api/events/{id}`: the event, its timeline with photos, extensions, and the caller's buttons. */
export async function getEventDetail({ ctx, input, now = new Date() }: { ctx: Ctx; input: { id: string }; now?: Date }): Promise<EventDetail> {
  const staff = staffOf(ctx);
  const row = await visibleEvent(ctx, input.id);
  const { event } = row;
  const [steps, photos, extensions, reporters, canReopen] = await Promise.all([
    ctx.db
      .select({ step: eventSteps, actorName: users.displayName })
      .from(eventSteps)
      .leftJoin(users, eq(users.id, eventSteps.actorUserId))
      .where(eq(eventSteps.eventId, event.id))
      .orderBy(asc(eventSteps.createdAt), asc(eventSteps.id)),
    ctx.db
      .select({ id: eventPhotos.id, stepId: eventPhotos.stepId, contentType: eventPhotos.contentType })
      .from(eventPhotos)
      .innerJoin(eventSteps, eq(eventSteps.id, eventPhotos.stepId))
      .where(eq(eventSteps.eventId, event.id))
      .orderBy(asc(eventPhotos.createdAt), asc(eventPhotos.id)),
    ctx.db.select().from(eventExtensions).where(eq(eventExtensions.eventId, event.id)).orderBy(asc(eventExtensions.createdAt)),
    // 举报人保密: departments never learn who reported.
    staff.role === 'handler' ? Promise.resolve([]) : reportersOf(ctx.db, event),
    reopenable(ctx.db, event),
  ]);
  // 举报人保密: what the center and the department wrote may quote the reporter; departments read it masked.
  const forDepartment = staff.role === 'handler' && isReporterConfidential(row);
  const shown = <T extends string | null>(text: T) => reporterSafe(text, forDepartment);
  return {
    ...toEventSummary(row, now),
    result: shown(event.result),
    steps: steps.map(({ step, actorName }) => ({
      id: step.id,
      action: step.action,
      fromStatus: step.fromStatus,
      toStatus: step.toStatus,
      departmentCode: step.departmentCode,
      actor: step.actorUserId ? { id: step.actorUserId, displayName: actorName ?? '' } : null,
      note: hiddenFromDepartments(staff, step) ? null : shown(step.note),
      detail: hiddenFromDepartments(staff, step) ? null : step.detail,
      photos: photos.filter((p) => p.stepId === step.id).map((p) => ({ id: p.id, contentType: p.contentType, href: `/api/events/${event.id}/photos/${p.id}` })),
      createdAt: iso(step.createdAt),
    })),
    extensions: extensions.map((x) => ({
      id: x.id,
      departmentCode: x.departmentCode,
      reason: shown(x.reason),
      requestedTimeLimitAt: iso(x.requestedTimeLimitAt),
      status: x.status,
      decisionNote: shown(x.decisionNote),
      createdAt: iso(x.createdAt),
      decidedAt: isoOrNull(x.decidedAt),
    })),
    reporters: reporters.map((a) => ({
      appealId: a.id,
      caseNumber: a.caseNumber,
      channel: a.channel,
      surveyAskedAt: isoOrNull(a.surveyAskedAt),
      satisfaction: a.satisfaction,
      ratedVia: a.ratedVia,
    })),
    actions: actionsFor(staff, event, { extensionPending: Boolean(row.extensionPending), reopenable: canReopen }),
  };
}

/** A report photo's bytes, for staff who may see the event. */
export async function readEventPhoto({ ctx, input }: { ctx: Ctx; input: { eventId: string; photoId: string } }) {
  await visibleEvent(ctx, input.eventId);
  const [photo] = await ctx.db
    .select({ contentType: eventPhotos.contentType, fileName: eventPhotos.fileName, data: eventPhotos.data })
    .from(eventPhotos)
    .innerJoin(eventSteps, eq(eventSteps.id, eventPhotos.stepId))
    .where(and(eq(eventPhotos.id, input.photoId), eq(eventSteps.eventId, input.eventId)));
  if (!photo) throw notFound('Photo');
  return photo;
}

/** The 时限 rules, the defaults (`*`) first. */
export async function listTimeLimitRules({ ctx }: { ctx: Ctx }) {
  const rules = await ctx.db
    .select()
    .from(timeLimitRules)
    .orderBy(sql`${timeLimitRules.categoryCode} = '*' desc`, asc(timeLimitRules.categoryCode), asc(timeLimitRules.urgency));
  return rules.map(({ id: _id, ...rule }) => rule);
}
