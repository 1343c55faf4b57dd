import { and, eq, inArray } from 'drizzle-orm';
import { type WebPhoto, readWebPhotos } from '@hotline/channels/web';
import { transact } from '../platform/context/index.ts';
import { type Ctx, type TxCtx } from '../identity/auth/index.ts';
import type { DbOrTx } from '../platform/db/index.ts';
import { ServiceError, notFound } from '../platform/errors/index.ts';
import { departments } from '../reference/departments/index.ts';
import { recordRating } from '../appeals/index.ts';
import { type Event, type EventStatus, type EventStep, eventExtensions, eventPhotos, events } from './schema.ts';
import { type Staff, type StaffAction, mayAct, mayView, nextStatus } from './lifecycle.ts';
import { reportersOf } from './reporters.ts';
import { eventDeadlines, warnAtFor } from './time-limit.ts';
import { recordStep } from './record-step.ts';
import type { StepInput } from './views.ts';

/** A report carries at most this many photos (处置反馈 evidence), each an image of at most 10 MB. */
export const MAX_REPORT_PHOTOS = 4;
/** A rating at or below this lets the center reopen the event (重新办理). */
export const UNSATISFIED_AT_MOST = 2;

/** What one step changes on the event, and what its `event_steps` row says. */
interface Effect {
  changes: Partial<typeof events.$inferInsert>;
  departmentCode: string;
  detail?: string;
  /** Written after the step row, which it refers to (report photos). */
  afterStep?: (step: EventStep) => Promise<void>;
  auditAfter?: Record<string, unknown>;
}

type Step<A extends StaffAction> = Extract<StepInput, { action: A }>;
interface StepContext<A extends StaffAction> {
  tx: TxCtx;
  event: Event;
  step: Step<A>;
  now: Date;
  userId: string;
  photos: ReportPhoto[];
}

interface ReportPhoto {
  contentType: string;
  fileName: string | null;
  data: Buffer;
}

/** The photos checked (images, ≤ 10 MB each) and read, before any lock is taken. */
async function readReportPhotos(given: WebPhoto[]): Promise<ReportPhoto[]> {
  if (given.length > MAX_REPORT_PHOTOS) throw new ServiceError('invalid_request', `photos: at most ${MAX_REPORT_PHOTOS} photos`);
  // readWebPhotos always reads the bytes; only provider attachments come without them.
  return (await readWebPhotos(given)).map((p) => ({ contentType: p.contentType, fileName: p.fileName ?? null, data: p.data! }));
}

export function staffOf(ctx: Ctx): Staff & { userId: string } {
  if (ctx.actor.type !== 'user') throw new ServiceError('forbidden', 'Only staff take steps on events');
  return { role: ctx.actor.user.role, departmentCode: ctx.actor.user.departmentCode, userId: ctx.actor.user.id };
}

async function lockEvent(tx: TxCtx, eventId: string): Promise<Event> {
  const [event] = await tx.db.select().from(events).where(eq(events.id, eventId)).for('update');
  if (!event) throw notFound('Event');
  return event;
}

/** A refused transition names the state the event is in, so the console can explain and refresh. */
function illegalTransition(action: StaffAction, status: EventStatus): ServiceError {
  return new ServiceError('conflict', `The event is ${status}: ${action} is not possible now`, { status, action }, 'event_step_not_allowed');
}

async function pendingExtension(db: DbOrTx, eventId: string) {
  const [pending] = await db
    .select()
    .from(eventExtensions)
    .where(and(eq(eventExtensions.eventId, eventId), eq(eventExtensions.status, 'pending')))
    .for('update');
  return pending;
}

/**
 * The center may reopen a closed event when a citizen behind it rated it unsatisfied (≤ 2) since
 * it was closed: an old rating of an earlier closure does not reopen it again.
 */
export async function reopenable(db: DbOrTx, event: Event): Promise<boolean> {
  if (event.status !== 'closed' || !event.closedAt) return false;
  const closedAt = event.closedAt.getTime();
  return (await reportersOf(db, event)).some(
    (a) => a.satisfaction !== null && a.satisfaction <= UNSATISFIED_AT_MOST && a.ratedAt !== null && a.ratedAt.getTime() >= closedAt,
  );
}

/** A fresh start with a department: time limits from the rules as of now, warnings and progress cleared. */
async function freshDispatch(tx: TxCtx, event: Pick<Event, 'categoryCode' | 'urgency'>, now: Date) {
  const deadlines = await eventDeadlines(tx.db, event, now, tx.config.timezone);
  return {
    ...deadlines,
    dispatchedAt: now,
    signedAt: null,
    reportedAt: null,
    closedAt: null,
    signOverdueRaisedAt: null,
    yellowRaisedAt: null,
    redRaisedAt: null,
  };
}

async function assertDepartmentsExist(tx: TxCtx, lead: string, co: string[]): Promise<void> {
  const wanted = [lead, ...co];
  const known = new Set((await tx.db.select({ code: departments.code }).from(departments).where(inArray(departments.code, wanted))).map((d) => d.code));
  const unknown = wanted.filter((code) => !known.has(code));
  if (unknown.length) throw new ServiceError('invalid_request', `unknown department ${unknown.join(', ')}`);
}

const EFFECTS: { [A in StaffAction]: (c: StepContext<A>) => Promise<Effect> | Effect } = {
  sign: ({ event, now }) => ({ changes: { signedAt: now }, departmentCode: event.leadDepartmentCode }),
  report: ({ tx, event, step, now, photos }) => ({
    changes: { result: step.note, reportedAt: now },
    departmentCode: event.leadDepartmentCode,
    auditAfter: { photos: photos.length },
    afterStep: async (row) => {
      if (!photos.length) return;
      await tx.db.insert(eventPhotos).values(photos.map((p) => ({ stepId: row.id, ...p, byteSize: p.data.length })));
    },
  }),
  request_extension: async ({ tx, event, step, userId }) => {
    if (await pendingExtension(tx.db, event.id))
      throw new ServiceError('conflict', 'An extension request is already waiting for the center', { status: event.status }, 'extension_already_waiting');
    const requested = new Date(step.timeLimitAt);
    if (requested.getTime() <= event.timeLimitAt.getTime())
      throw new ServiceError('invalid_request', 'timeLimitAt: the requested time limit must be after the current one', undefined, 'extension_not_later');
    const [extension] = await tx.db
      .insert(eventExtensions)
      .values({ eventId: event.id, departmentCode: event.leadDepartmentCode, requestedByUserId: userId, reason: step.note, requestedTimeLimitAt: requested })
      .returning();
    return {
      changes: {},
      departmentCode: event.leadDepartmentCode,
      detail: requested.toISOString(),
      auditAfter: { extensionId: extension!.id, requestedTimeLimitAt: requested.toISOString() },
    };
  },
  approve_extension: async ({ tx, event, step, now, userId }) => {
    const extension = await decideExtension(tx, event, 'approved', step.note, now, userId);
    const timeLimitAt = extension.requestedTimeLimitAt;
    return {
      // A new time limit earns its own warnings.
      changes: { timeLimitAt, warnAt: warnAtFor(event.dispatchedAt, timeLimitAt), yellowRaisedAt: null, redRaisedAt: null },
      departmentCode: extension.departmentCode,
      detail: timeLimitAt.toISOString(),
      auditAfter: { extensionId: extension.id, timeLimitAt: timeLimitAt.toISOString(), previousTimeLimitAt: event.timeLimitAt.toISOString() },
    };
  },
  deny_extension: async ({ tx, event, step, now, userId }) => {
    const extension = await decideExtension(tx, event, 'denied', step.note, now, userId);
    return { changes: {}, departmentCode: extension.departmentCode, auditAfter: { extensionId: extension.id } };
  },
  return: ({ event }) => ({ changes: {}, departmentCode: event.leadDepartmentCode }),
  redispatch: async ({ tx, event, step, now }) => {
    const co = [...new Set(step.coDepartmentCodes ?? [])].filter((code) => code !== step.leadDepartmentCode);
    await assertDepartmentsExist(tx, step.leadDepartmentCode, co);
    return {
      changes: { ...(await freshDispatch(tx, event, now)), leadDepartmentCode: step.leadDepartmentCode, coDepartmentCodes: co },
      departmentCode: step.leadDepartmentCode,
      // The department it was taken from: assessment counts transfers by it.
      detail: event.leadDepartmentCode,
      auditAfter: { leadDepartmentCode: step.leadDepartmentCode, coDepartmentCodes: co, previousLeadDepartmentCode: event.leadDepartmentCode },
    };
  },
  verify_pass: ({ event, now }) => ({ changes: { closedAt: now }, departmentCode: event.leadDepartmentCode }),
  verify_fail: ({ event }) => ({ changes: {}, departmentCode: event.leadDepartmentCode }),
  // The row is locked, so counting from the read value is safe.
  urge: ({ event }) => ({ changes: { urgeCount: event.urgeCount + 1 }, departmentCode: event.leadDepartmentCode }),
  supervise: ({ event, now }) => ({ changes: { supervisedAt: now }, departmentCode: event.leadDepartmentCode }),
  cancel: ({ event }) => ({ changes: {}, departmentCode: event.leadDepartmentCode }),
  reopen: async ({ tx, event, now }) => {
    if (!(await reopenable(tx.db, event))) {
      throw new ServiceError(
        'conflict',
        'No citizen rated this closure unsatisfied (1 or 2): it cannot be reopened',
        { status: event.status },
        'reopen_not_unsatisfied',
      );
    }
    return { changes: await freshDispatch(tx, event, now), departmentCode: event.leadDepartmentCode };
  },
  callback: async ({ tx, event, step, now }) => {
    if (!(await reportersOf(tx.db, event)).some((a) => a.id === step.appealId)) {
      throw new ServiceError('invalid_request', 'appealId: not a citizen of this event');
    }
    await recordRating(tx, step.appealId, { satisfaction: step.satisfaction, via: 'phone', at: now });
    return {
      changes: {},
      departmentCode: event.leadDepartmentCode,
      detail: step.appealId,
      auditAfter: { appealId: step.appealId, satisfaction: step.satisfaction },
    };
  },
};

async function decideExtension(tx: TxCtx, event: Event, status: 'approved' | 'denied', note: string | undefined, now: Date, userId: string) {
  const pending = await pendingExtension(tx.db, event.id);
  if (!pending) throw new ServiceError('conflict', 'No extension request is waiting', { status: event.status }, 'no_extension_waiting');
  const [decided] = await tx.db
    .update(eventExtensions)
    .set({ status, decidedByUserId: userId, decidedAt: now, decisionNote: note ?? null })
    .where(eq(eventExtensions.id, pending.id))
    .returning();
  return decided!;
}

/**
 * One staff step on an event (签收, 处置反馈, 延期, 退回, 重新派遣, 核查, 催办, 督办, 撤销, 重新办理, 回访),
 * checked against the lifecycle table under a row lock, in one transaction: the event's new state,
 * the step row, the audit entry, and `event.changed` after the commit. Refusals write nothing.
 */
export async function takeStep({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { eventId: string; step: StepInput; photos?: WebPhoto[] };
}): Promise<{ event: Event; step: EventStep }> {
  const staff = staffOf(ctx);
  const action = input.step.action;
  const given = input.photos ?? [];
  if (given.length && action !== 'report') throw new ServiceError('invalid_request', 'photos: only a report carries photos');
  const photos = await readReportPhotos(given);
  return transact(ctx, async (tx, publish) => {
    const event = await lockEvent(tx, input.eventId);
    // Another department's event is not found, as when reading it: a 403 would confirm it exists.
    if (!mayView(staff, event)) throw notFound('Event');
    if (!mayAct(action, staff, event.leadDepartmentCode)) {
      throw new ServiceError(
        'forbidden',
        staff.role === 'handler' ? `Only the lead department may ${action} this event` : `The ${staff.role} role may not ${action} an event`,
      );
    }
    const to = nextStatus(action, event.status);
    if (!to) throw illegalTransition(action, event.status);
    const now = new Date();
    const effect = await (EFFECTS[action] as (c: StepContext<StaffAction>) => Promise<Effect> | Effect)({
      tx,
      event,
      step: input.step,
      now,
      userId: staff.userId,
      photos,
    });
    const [after] = await tx.db
      .update(events)
      .set({ ...effect.changes, status: to, updatedAt: now })
      .where(eq(events.id, event.id))
      .returning();
    const step = await recordStep(tx, publish, {
      event: after!,
      action,
      fromStatus: event.status,
      departmentCode: effect.departmentCode,
      note: 'note' in input.step ? (input.step.note ?? null) : null,
      detail: effect.detail,
      audit: { after: effect.auditAfter },
    });
    await effect.afterStep?.(step);
    return { event: after!, step };
  });
}
