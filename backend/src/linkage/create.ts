import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx, TxCtx } from '../identity/auth/index.ts';
import type { DomainEvent } from '../platform/domain-events/index.ts';
import type { DbOrTx } from '../platform/db/index.ts';
import type { Territory } from '../reference/territory/index.ts';
import { ServiceError } from '../platform/errors/index.ts';
import { departments } from '../reference/departments/index.ts';
import { categories, categoryDepartments } from '../reference/taxonomy/index.ts';
import type { Appeal } from '../appeals/index.ts';
import { findAppeal } from '../appeals/index.ts';
import { type Event, events } from './schema.ts';
import { eventDeadlines } from './time-limit.ts';
import { recordStep } from './record-step.ts';
import type { EventDraft, EventInput, EventView } from './views.ts';

/**
 * The responsible units by the routing rules: the category's lead and co-departments; without a
 * category (or a category nobody leads), the street sub-center of the appeal's grid.
 */
async function responsibleUnits(db: DbOrTx, territory: Territory, appeal: Pick<Appeal, 'categoryCode' | 'gridCode'>) {
  let lead: string | null = null;
  let co: string[] = [];
  if (appeal.categoryCode) {
    const rows = await db
      .select({ code: categoryDepartments.departmentCode, role: categoryDepartments.role })
      .from(categoryDepartments)
      .where(eq(categoryDepartments.categoryCode, appeal.categoryCode))
      .orderBy(asc(categoryDepartments.departmentCode));
    lead = rows.find((r) => r.role === 'lead')?.code ?? null;
    co = rows.filter((r) => r.role === 'co').map((r) => r.code);
  }
  if (!lead && appeal.gridCode) {
    const street = territory.ancestry(appeal.gridCode).find((u) => u.level === 'street');
    if (street) {
      const [subCenter] = await db
        .select({ code: departments.code })
        .from(departments)
        .where(and(eq(departments.kind, 'sub_center'), eq(departments.streetCode, street.code), isNull(departments.retiredAt)))
        .orderBy(asc(departments.code));
      lead = subCenter?.code ?? null;
    }
  }
  return { lead, co };
}

async function draftOf(db: DbOrTx, territory: Territory, timezone: string, appeal: Appeal, now: Date): Promise<EventDraft> {
  const { lead, co } = await responsibleUnits(db, territory, appeal);
  const { timeLimitAt } = await eventDeadlines(db, appeal, now, timezone);
  return {
    categoryCode: appeal.categoryCode,
    urgency: appeal.urgency,
    address: appeal.address,
    gridCode: appeal.gridCode,
    leadDepartmentCode: lead,
    coDepartmentCodes: co,
    timeLimitAt: timeLimitAt.toISOString(),
  };
}

/** The event form pre-filled for an appeal (`GET /api/appeals/{id}/event-draft`). */
export async function eventDraft({ ctx, input }: { ctx: Ctx; input: { appealId: string } }): Promise<EventDraft> {
  return draftOf(ctx.db, ctx.territory, ctx.config.timezone, await findAppeal(ctx.db, input.appealId), new Date());
}

/** Checks the agent's event against the reference data; a bad field is a 400 naming it. */
async function validated(tx: TxCtx, input: EventInput, now: Date) {
  const invalid = (message: string) => new ServiceError('invalid_request', message);
  const [category] = await tx.db.select({ code: categories.code }).from(categories).where(eq(categories.code, input.categoryCode));
  if (!category) throw invalid(`categoryCode: unknown category ${input.categoryCode}`);
  const co = [...new Set(input.coDepartmentCodes ?? [])].filter((code) => code !== input.leadDepartmentCode);
  const wanted = [input.leadDepartmentCode, ...co];
  // A retired department (撤销) takes no new events: it is as unknown as a code never used.
  const known = new Set(
    (
      await tx.db
        .select({ code: departments.code })
        .from(departments)
        .where(and(inArray(departments.code, wanted), isNull(departments.retiredAt)))
    ).map((d) => d.code),
  );
  if (!known.has(input.leadDepartmentCode)) throw invalid(`leadDepartmentCode: unknown department ${input.leadDepartmentCode}`);
  const unknownCo = co.filter((code) => !known.has(code));
  if (unknownCo.length) throw invalid(`coDepartmentCodes: unknown department ${unknownCo.join(', ')}`);
  if (input.gridCode && tx.territory.ancestry(input.gridCode).at(-1)?.level !== 'grid') throw invalid(`gridCode: unknown grid ${input.gridCode}`);
  const timeLimitAt = new Date(input.timeLimitAt);
  if (timeLimitAt.getTime() <= now.getTime()) throw invalid('timeLimitAt: the time limit must be in the future');
  return { ...input, coDepartmentCodes: co, timeLimitAt };
}

/**
 * Makes the accepted appeal an event (事件) inside the acceptance's transaction: from the agent's
 * form when given (validated), otherwise from the draft. Without a form, an appeal the rules cannot
 * place yet (no category, no department) is accepted without an event; the console always sends one.
 * The time limits come from the rules (the agent's completion limit wins), and the `dispatch` step
 * to the lead department is recorded and published after the commit.
 */
export async function createEventForAppeal(
  tx: TxCtx,
  publish: (event: DomainEvent) => void,
  appeal: Appeal,
  input: EventInput | undefined,
  now = new Date(),
): Promise<Event | undefined> {
  let fields: Omit<typeof events.$inferInsert, 'caseNumber' | 'appealId' | 'signDueAt' | 'warnAt' | 'timeLimitAt'> & { categoryCode: string };
  let chosenTimeLimitAt: Date | undefined;
  if (input) {
    const { timeLimitAt, ...checked } = await validated(tx, input, now);
    fields = { ...checked, address: checked.address ?? null, gridCode: checked.gridCode ?? null };
    chosenTimeLimitAt = timeLimitAt;
  } else {
    const draft = await draftOf(tx.db, tx.territory, tx.config.timezone, appeal, now);
    if (!draft.categoryCode || !draft.leadDepartmentCode) return undefined;
    const { timeLimitAt: _fromRules, ...rest } = draft;
    fields = { ...rest, categoryCode: draft.categoryCode, leadDepartmentCode: draft.leadDepartmentCode };
  }
  const deadlines = await eventDeadlines(tx.db, fields, now, tx.config.timezone, chosenTimeLimitAt);
  const [event] = await tx.db
    .insert(events)
    .values({
      ...fields,
      ...deadlines,
      caseNumber: appeal.caseNumber,
      appealId: appeal.id,
      dispatchedAt: now,
      createdByUserId: tx.actor.type === 'user' ? tx.actor.user.id : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordStep(tx, publish, {
    event: event!,
    action: 'dispatch',
    fromStatus: null,
    departmentCode: event!.leadDepartmentCode,
    audit: {
      action: 'event.created',
      after: {
        appealId: appeal.id,
        caseNumber: event!.caseNumber,
        categoryCode: event!.categoryCode,
        leadDepartmentCode: event!.leadDepartmentCode,
        timeLimitAt: event!.timeLimitAt.toISOString(),
      },
    },
  });
  return event!;
}

export async function eventOfAppeal(db: DbOrTx, appealId: string): Promise<EventView | null> {
  const [event] = await db.select().from(events).where(eq(events.appealId, appealId));
  return event
    ? {
        id: event.id,
        status: event.status,
        categoryCode: event.categoryCode,
        urgency: event.urgency,
        leadDepartmentCode: event.leadDepartmentCode,
        coDepartmentCodes: event.coDepartmentCodes,
        timeLimitAt: event.timeLimitAt.toISOString(),
      }
    : null;
}
