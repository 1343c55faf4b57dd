import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestPostgresDatabase, testDatabaseKinds } from '../../testing/databases.ts';
import { type Database, migrationsFolder, openDatabase } from './client.ts';

const kinds = await testDatabaseKinds();
const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };

/** Several instances started at once on a new (or upgraded) PostgreSQL all migrate it at start. */
describe.skipIf(!kinds.includes('postgres'))('migrations from instances starting together', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('applies every migration exactly once while three instances migrate the same empty database', async () => {
    const server = await createTestPostgresDatabase();
    cleanups.push(server.drop);
    const instances: Database[] = [];
    for (let i = 0; i < 3; i++) {
      const database = await openDatabase({ databaseUrl: server.url, dataDir: 'unused' });
      cleanups.push(() => database.close());
      instances.push(database);
    }

    await Promise.all(instances.map((d) => d.migrate()));

    const applied = await instances[0]!.pool!.query('select hash from drizzle.__drizzle_migrations');
    expect(applied.rows).toHaveLength(journal.entries.length);
  });

  it('runs start-up work of one instance at a time', async () => {
    const server = await createTestPostgresDatabase();
    cleanups.push(server.drop);
    const [first, second] = await Promise.all([0, 1].map(() => openDatabase({ databaseUrl: server.url, dataDir: 'unused' })));
    cleanups.push(
      () => first!.close(),
      () => second!.close(),
    );
    const trace: string[] = [];
    const work = (name: string) => async () => {
      trace.push(`${name} starts`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      trace.push(`${name} ends`);
    };

    await Promise.all([first!.exclusively(work('first')), second!.exclusively(work('second'))]);

    // Whichever got the lock first finished before the other began.
    const [winner, loser] = trace[0]!.startsWith('first') ? ['first', 'second'] : ['second', 'first'];
    expect(trace).toEqual([`${winner} starts`, `${winner} ends`, `${loser} starts`, `${loser} ends`]);
  });
});
