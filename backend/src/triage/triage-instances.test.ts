import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../testing/databases.ts';
import { type TestHotline, startTestHotline, submitWebAppeal } from '../testing/hotline.ts';
import { DomainEventBus } from '../platform/domain-events/index.ts';
import { appeals } from '../appeals/index.ts';
import { auditLog } from '../platform/audit/index.ts';
import { AppealTriage } from './triage.ts';

const kinds = await testDatabaseKinds();

/**
 * Every instance resumes the untriaged backlog at start, so two instances can pick up the same
 * appeal at the same moment: it must still be classified (and audited, and announced) once.
 */
describe.each(kinds)('NLP triage by two instances on %s', (kind) => {
  let hotline: TestHotline;
  let other: AppealTriage;
  const otherBus = new DomainEventBus();

  beforeAll(async () => {
    hotline = await startTestHotline(kind);
    // A second instance: same database, its own triage and its own domain events.
    other = await AppealTriage.start({ ...hotline.deps, domainEvents: otherBus });
  });
  afterAll(async () => {
    other?.stop();
    await other?.idle();
    await hotline?.close();
  });

  it('classifies an appeal both resume once', async () => {
    const { body } = await submitWebAppeal(hotline, { text: '两个实例同时分拣：小区楼下烧烤油烟很大' });
    await hotline.deps.triage.idle();
    const [stored] = await hotline.database.db.select().from(appeals).where(eq(appeals.caseNumber, body.caseNumber!));
    // As if the process had died after storing it and before triaging it.
    await hotline.database.db.update(appeals).set({ nlpProcessedAt: null }).where(eq(appeals.id, stored!.id));
    const classified = () => hotline.database.db.$count(auditLog, and(eq(auditLog.entityId, stored!.id), eq(auditLog.action, 'appeal.classified')));
    const before = await classified();
    const announced: string[] = [];
    for (const bus of [hotline.deps.domainEvents, otherBus])
      bus.on('appeal.updated', ({ appeal, change }) => appeal.id === stored!.id && void announced.push(change));

    hotline.deps.triage.enqueue(stored!.id);
    other.enqueue(stored!.id);
    await Promise.all([hotline.deps.triage.idle(), other.idle()]);

    expect((await classified()) - before).toBe(1);
    expect(announced).toEqual(['classified']);
    const [after] = await hotline.database.db.select().from(appeals).where(eq(appeals.id, stored!.id));
    expect(after!.nlpProcessedAt).not.toBeNull();
  });
});
