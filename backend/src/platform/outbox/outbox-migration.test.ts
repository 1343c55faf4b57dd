import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { createTestPostgresDatabase, testDatabaseKinds } from '../../testing/databases.ts';
import { type Database, migrationsFolder, openDatabase } from '../db/index.ts';

const kinds = await testDatabaseKinds();
const ONE_OUTBOX = '0009_one_outbox';

/** The migrations as they stood before the one outbox, in a folder of their own. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'hotline-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(
    0,
    journal.entries.findIndex((e) => e.tag === tag),
  );
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

/** Runs drizzle's migrator for the database's driver on the given folder. */
async function migrateTo(database: Database, folder: string) {
  if (database.kind === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
  else await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder: folder });
}

describe.each(kinds)('upgrading to the one outbox keeps what was owed, on %s', (kind) => {
  let database: Database;
  const cleanups: (() => unknown)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('moves the webhook delivery log and the messages waiting for a retry into the outbox', async () => {
    if (kind === 'pglite') database = await openDatabase({ dataDir: 'memory://' });
    else {
      const server = await createTestPostgresDatabase();
      cleanups.push(server.drop);
      database = await openDatabase({ databaseUrl: server.url, dataDir: 'unused' });
    }
    cleanups.push(() => database.close());
    const before = migrationsBefore(ONE_OUTBOX);
    cleanups.push(() => rmSync(before, { recursive: true, force: true }));
    await migrateTo(database, before);

    const { db } = database;
    await db.execute(sql`insert into contacts (id) values ('00000000-0000-4000-8000-000000000001')`);
    await db.execute(
      sql`insert into contact_identities (id, contact_id, kind, value) values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'phone', '+8613900000001')`,
    );
    await db.execute(
      sql`insert into conversations (id, contact_id, channel, identity_id) values ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', 'sms', '00000000-0000-4000-8000-000000000002')`,
    );
    await db.execute(
      sql`insert into appeals (id, case_number, channel, contact_id, conversation_id, summary) values ('00000000-0000-4000-8000-000000000004', '20261204000001', 'sms', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003', '路灯坏了')`,
    );
    await db.execute(sql`insert into messages (id, conversation_id, appeal_id, channel, direction, text, delivery_status, delivery_error, delivery_attempts, next_delivery_at)
      values ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000004', 'sms', 'out', '已派单', 'failed', 'HTTP 503', 2, now() + interval '1 minute'),
             ('00000000-0000-4000-8000-000000000006', '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000004', 'sms', 'out', '已收到', 'sent', null, 1, null)`);
    await db.execute(sql`insert into webhook_deliveries (id, topic, url, payload, status, attempts, last_status_code, last_error)
      values ('00000000-0000-4000-8000-000000000007', 'event.closed', 'https://linkage.example.gov.cn/hooks', '{"topic":"event.closed"}', 'failed', 8, 500, 'HTTP 500')`);

    await migrateTo(database, migrationsFolder);

    const rows = (await db.execute(
      sql`select kind, topic, subject_id, target, payload, status, attempts, last_status_code, last_error from outbox order by kind`,
    )) as unknown as { rows: Record<string, unknown>[] };
    expect(rows.rows).toEqual([
      {
        kind: 'citizen-message',
        topic: 'sms',
        subject_id: '00000000-0000-4000-8000-000000000005',
        target: 'sms',
        payload: { caseNumber: '20261204000001' },
        status: 'pending',
        attempts: 2,
        last_status_code: null,
        last_error: 'HTTP 503',
      },
      {
        kind: 'linkage-webhook',
        topic: 'event.closed',
        subject_id: null,
        target: 'https://linkage.example.gov.cn/hooks',
        payload: { topic: 'event.closed' },
        status: 'failed',
        attempts: 8,
        last_status_code: 500,
        last_error: 'HTTP 500',
      },
    ]);
  });
});
