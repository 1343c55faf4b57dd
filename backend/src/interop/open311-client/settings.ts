import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../identity/auth/index.ts';
import { transact } from '../../platform/context/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { notFound } from '../../platform/errors/index.ts';
import { outbox } from '../../platform/outbox/index.ts';
import { departments } from '../../reference/departments/index.ts';
import { events } from '../../linkage/index.ts';
import { ServiceError } from '../../platform/errors/index.ts';
import { type DepartmentOpen311, departmentOpen311, open311Dispatches } from './schema.ts';
import type { Open311SettingsInput, Open311SettingsView } from './views.ts';

const RECENT_DISPATCHES = 20;
const hint = (key: string) => `…${key.slice(-4)}`;

async function assertDepartment(ctx: Ctx, code: string) {
  const [department] = await ctx.db.select({ code: departments.code }).from(departments).where(eq(departments.code, code));
  if (!department) throw notFound('Department');
}

async function recentDispatches(ctx: Ctx, departmentCode: string) {
  const rows = await ctx.db
    .select({ dispatch: open311Dispatches, caseNumber: events.caseNumber, delivery: outbox })
    .from(open311Dispatches)
    .leftJoin(events, eq(events.id, open311Dispatches.eventId))
    .leftJoin(outbox, eq(outbox.id, open311Dispatches.outboxId))
    .where(eq(open311Dispatches.departmentCode, departmentCode))
    .orderBy(desc(open311Dispatches.createdAt))
    .limit(RECENT_DISPATCHES);
  return rows.map(({ dispatch, caseNumber, delivery }) => ({
    eventId: dispatch.eventId,
    caseNumber,
    serviceRequestId: dispatch.serviceRequestId,
    status: delivery?.status ?? 'pending',
    attempts: delivery?.attempts ?? 0,
    lastError: delivery?.lastError ?? null,
    createdAt: dispatch.createdAt.toISOString(),
  }));
}

function toView(departmentCode: string, settings: DepartmentOpen311 | undefined, dispatches: Open311SettingsView['recentDispatches']): Open311SettingsView {
  return {
    departmentCode,
    configured: Boolean(settings),
    enabled: settings?.enabled ?? false,
    baseUrl: settings?.baseUrl ?? null,
    apiKeyHint: settings ? hint(settings.apiKey) : null,
    jurisdictionId: settings?.jurisdictionId ?? null,
    serviceCodes: settings?.serviceCodes ?? {},
    pollIntervalSeconds: settings?.pollIntervalSeconds ?? 300,
    lastPolledAt: settings?.lastPolledAt?.toISOString() ?? null,
    lastPollError: settings?.lastPollError ?? null,
    recentDispatches: dispatches,
  };
}

/** A department's Open311 system as set, with its recent dispatches and their delivery state (admins). */
export async function getOpen311Settings({ ctx, input }: { ctx: Ctx; input: { departmentCode: string } }): Promise<Open311SettingsView> {
  await assertDepartment(ctx, input.departmentCode);
  const [settings] = await ctx.db.select().from(departmentOpen311).where(eq(departmentOpen311.departmentCode, input.departmentCode));
  return toView(input.departmentCode, settings, await recentDispatches(ctx, input.departmentCode));
}

/** Marks a department external (or changes or pauses it), audited without the key itself. */
export async function putOpen311Settings({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { departmentCode: string; settings: Open311SettingsInput };
}): Promise<Open311SettingsView> {
  await assertDepartment(ctx, input.departmentCode);
  const { apiKey, ...rest } = input.settings;
  await transact(ctx, async (tx) => {
    const [before] = await tx.db.select().from(departmentOpen311).where(eq(departmentOpen311.departmentCode, input.departmentCode)).for('update');
    const key = apiKey ?? before?.apiKey;
    if (!key) throw new ServiceError('invalid_request', 'apiKey: the department’s api_key is required the first time');
    const values = { ...rest, jurisdictionId: rest.jurisdictionId ?? null, apiKey: key, updatedAt: new Date() };
    const [after] = await tx.db
      .insert(departmentOpen311)
      .values({ departmentCode: input.departmentCode, ...values })
      .onConflictDoUpdate({ target: departmentOpen311.departmentCode, set: values })
      .returning();
    const audited = (s: DepartmentOpen311 | undefined) => s && { ...s, apiKey: hint(s.apiKey), pollCursor: undefined, lastModified: undefined };
    await recordAudit(tx.db, tx.actor, {
      action: 'department.open311_set',
      entityType: 'department',
      entityId: input.departmentCode,
      before: audited(before),
      after: audited(after),
    });
  });
  return getOpen311Settings({ ctx, input: { departmentCode: input.departmentCode } });
}
