import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { type TestDatabase, openTestDatabase, testDatabaseKinds } from '../testing/databases.ts';
import { insertTriagedAppeals } from '../testing/staff.ts';
import { loadConfig } from '../platform/config/index.ts';
import { transact } from '../platform/context/index.ts';
import { type Deps } from '../identity/auth/index.ts';
import { DomainEventBus, type DomainEventMap } from '../platform/domain-events/index.ts';
import { Territory } from '../reference/territory/index.ts';
import { seedReferenceData } from '../demo/index.ts';
import { auditLog } from '../platform/audit/index.ts';
import type { Appeal } from '../appeals/index.ts';
import { eventSteps, events } from './schema.ts';
import { createEventForAppeal } from './create.ts';
import { raiseWarnings } from './warnings.ts';

const kinds = await testDatabaseKinds();
/** A Shanghai wall-clock time as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`);

/**
 * The warnings scheduler on its own (no server, so no interval run interferes): events are
 * dispatched at fixed instants and the scheduler is run at the instants the test names.
 */
describe.each(kinds)('time-limit warnings on %s', (kind) => {
  let database: TestDatabase;
  let deps: Deps;
  const changes: DomainEventMap['event.changed'][] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedReferenceData(database.db);
    const territory = await Territory.load(database.db);
    const config = loadConfig({ DATA_DIR: 'memory://', HOTLINE_TIMEZONE: 'Asia/Shanghai' });
    deps = { db: database.db, config, domainEvents: new DomainEventBus(), territory, channels: {} };
    deps.domainEvents.on('event.changed', (change) => void changes.push(change));
  });
  afterAll(async () => {
    await database?.destroy();
  });

  async function dispatchAt(now: Date, spec: { categoryCode: string; urgency?: Appeal['urgency'] }) {
    const [appeal] = await insertTriagedAppeals({ database }, [{ channel: 'sms', categoryCode: spec.categoryCode, urgency: spec.urgency ?? 'normal' }]);
    const event = await transact({ ...deps, actor: { type: 'system' as const } }, (tx, publish) => createEventForAppeal(tx, publish, appeal!, undefined, now));
    return event!;
  }
  const warningsOf = async (eventId: string) =>
    (
      await database.db
        .select({ detail: eventSteps.detail })
        .from(eventSteps)
        .where(and(eq(eventSteps.eventId, eventId), eq(eventSteps.action, 'warn')))
    ).map((s) => s.detail);

  it('raises sign-for, yellow and red across National Day by working days, each once', async () => {
    // 一般 matter dispatched the day before the holiday: sign within 1 working day, complete within 5.
    const event = await dispatchAt(sh('2026-09-30T10:00:00'), { categoryCode: 'city-appearance' });
    expect(event).toMatchObject({ leadDepartmentCode: 'urban', signDueAt: sh('2026-10-08T10:00:00'), timeLimitAt: sh('2026-10-13T10:00:00') });
    expect(event.warnAt).toEqual(new Date(sh('2026-09-30T10:00:00').getTime() + 0.8 * 13 * 24 * 3600_000));

    // Five calendar days would have ended on Oct 5, in the middle of the holiday: nothing is due yet.
    await raiseWarnings(deps, sh('2026-10-07T23:59:00'));
    expect(await warningsOf(event.id)).toEqual([]);
    await raiseWarnings(deps, sh('2026-10-08T10:00:00'));
    expect(await warningsOf(event.id)).toEqual(['sign_overdue']);
    await raiseWarnings(deps, sh('2026-10-10T20:00:00'));
    expect(await warningsOf(event.id)).toEqual(['sign_overdue', 'yellow']);
    await raiseWarnings(deps, sh('2026-10-13T09:59:00'));
    expect(await warningsOf(event.id)).toEqual(['sign_overdue', 'yellow']);
    const before = changes.length;
    await raiseWarnings(deps, sh('2026-10-13T10:00:00'));
    await raiseWarnings(deps, sh('2026-10-14T10:00:00'));
    expect(await warningsOf(event.id)).toEqual(['sign_overdue', 'yellow', 'red']);

    const [row] = await database.db.select().from(events).where(eq(events.id, event.id));
    expect(row).toMatchObject({
      status: 'dispatched',
      signOverdueRaisedAt: sh('2026-10-08T10:00:00'),
      yellowRaisedAt: sh('2026-10-10T20:00:00'),
      redRaisedAt: sh('2026-10-13T10:00:00'),
    });
    const [red] = await database.db
      .select()
      .from(eventSteps)
      .where(and(eq(eventSteps.eventId, event.id), eq(eventSteps.detail, 'red')));
    expect(red).toMatchObject({ fromStatus: 'dispatched', toStatus: 'dispatched', departmentCode: 'urban', actorUserId: null });
    expect(changes.slice(before).map((c) => [c.event.id, c.step.action, c.step.detail])).toEqual([[event.id, 'warn', 'red']]);
    expect(await database.db.$count(auditLog, and(eq(auditLog.entityId, event.id), eq(auditLog.action, 'event.warn')))).toBe(3);
  });

  it('counts the Spring Festival make-up Saturday as a working day for a pollution case (3 working days)', async () => {
    const event = await dispatchAt(sh('2026-02-12T15:00:00'), { categoryCode: 'pollution' });
    // Feb 13 (Fri), Feb 14 (make-up Saturday), then the holiday until Feb 23: the third is Feb 24.
    expect(event).toMatchObject({ leadDepartmentCode: 'environment', signDueAt: sh('2026-02-13T15:00:00'), timeLimitAt: sh('2026-02-24T15:00:00') });
  });

  it('raises each warning once when two schedulers run at the same moment', async () => {
    const dispatched = sh('2026-11-02T09:00:00');
    const overdue = await Promise.all([
      dispatchAt(dispatched, { categoryCode: 'street-order', urgency: 'urgent' }),
      dispatchAt(dispatched, { categoryCode: 'street-order', urgency: 'emergency' }),
      dispatchAt(dispatched, { categoryCode: 'street-order' }),
    ]);
    const now = sh('2026-11-20T09:00:00');
    const warnSteps = () => database.db.$count(eventSteps, eq(eventSteps.action, 'warn'));
    const before = await warnSteps();
    const [first, second] = await Promise.all([raiseWarnings(deps, now), raiseWarnings(deps, now)]);
    expect(await warnSteps()).toBe(before + first + second);
    for (const event of overdue) expect((await warningsOf(event.id)).sort()).toEqual(['red', 'sign_overdue', 'yellow']);
    // Every event this file made before is overdue by now too; still nothing twice.
    const all = await database.db.select({ eventId: eventSteps.eventId, detail: eventSteps.detail }).from(eventSteps).where(eq(eventSteps.action, 'warn'));
    expect(new Set(all.map((s) => `${s.eventId}:${s.detail}`)).size).toBe(all.length);
    expect(await raiseWarnings(deps, now)).toBe(0);
  });

  it('leaves events alone once the department has reported, and closed ones entirely', async () => {
    const event = await dispatchAt(sh('2026-11-16T09:00:00'), { categoryCode: 'advertising' });
    await database.db.update(events).set({ status: 'reported' }).where(eq(events.id, event.id));
    await raiseWarnings(deps, sh('2026-12-31T09:00:00'));
    expect(await warningsOf(event.id)).toEqual([]);
  });
});
