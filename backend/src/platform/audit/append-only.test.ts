import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { testDatabaseKinds, openTestDatabase, type TestDatabase } from '../../testing/databases.ts';
import { recordAudit } from './record.ts';
import { auditLog } from './schema.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('the audit log on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await recordAudit(database.db, { type: 'system' }, { action: 'appeal.rejected', entityType: 'appeal', entityId: 'a1', after: { status: 'rejected' } });
  });
  afterAll(() => database?.destroy());

  const entries = () => database.db.select().from(auditLog);
  /** The database's own refusal (drizzle wraps it as the cause of a "Failed query"). */
  const refusal = (query: PromiseLike<unknown>) =>
    Promise.resolve(query).then(
      () => 'allowed',
      (error: Error) => (error.cause instanceof Error ? error.cause.message : error.message),
    );

  it('takes new entries', async () => {
    await recordAudit(database.db, { type: 'system' }, { action: 'appeal.accepted', entityType: 'appeal', entityId: 'a2' });
    expect((await entries()).map((e) => e.action)).toEqual(['appeal.rejected', 'appeal.accepted']);
  });

  it('refuses to change, delete or truncate what is written, even with the application’s own credentials', async () => {
    const before = await entries();
    expect(await refusal(database.db.update(auditLog).set({ action: 'appeal.accepted' }).where(eq(auditLog.entityId, 'a1')))).toMatch(/append-only: UPDATE/);
    expect(await refusal(database.db.delete(auditLog).where(eq(auditLog.entityId, 'a1')))).toMatch(/append-only: DELETE/);
    expect(await refusal(database.db.execute(sql`truncate audit_log`))).toMatch(/append-only: TRUNCATE/);
    expect(await entries()).toEqual(before);
  });
});
