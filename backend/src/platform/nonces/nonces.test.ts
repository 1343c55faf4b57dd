import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, createTestPostgresDatabase, openTestDatabase, testDatabaseKinds } from '../../testing/databases.ts';
import { type Database, openDatabase } from '../db/index.ts';
import { claimNonce } from './nonces.ts';
import { webhookNonces } from './schema.ts';

const kinds = await testDatabaseKinds();
const inMinutes = (minutes: number, from = Date.now()) => new Date(from + minutes * 60_000);

describe.each(kinds)('once-only webhook nonces on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.destroy());

  it('are claimed once: a second claim is refused, another source has its own', async () => {
    const { db } = database;
    const claim = (source: string) => claimNonce(db, { source, nonce: '1795852800:1320562132', expiresAt: inMinutes(5) });
    expect(await claim('wechat')).toBe(true);
    expect(await claim('wechat')).toBe(false);
    expect(await claim('other')).toBe(true);
  });

  it('are claimed by exactly one of many simultaneous requests', async () => {
    const claims = await Promise.all(
      Array.from({ length: 20 }, () => claimNonce(database.db, { source: 'wechat', nonce: 'at-once', expiresAt: inMinutes(5) })),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('are forgotten once expired, so the table keeps only the live window', async () => {
    const { db } = database;
    await db.delete(webhookNonces);
    const now = Date.now();
    for (let i = 0; i < 5; i++) expect(await claimNonce(db, { source: 'wechat', nonce: `old-${i}`, expiresAt: inMinutes(-1 - i, now) })).toBe(true);
    expect(await claimNonce(db, { source: 'wechat', nonce: 'live', expiresAt: inMinutes(5, now) })).toBe(true);
    expect(await db.select().from(webhookNonces)).toEqual([{ source: 'wechat', nonce: 'live', expiresAt: inMinutes(5, now) }]);
    // Until then it stays refused, however much time passes inside the window.
    expect(await claimNonce(db, { source: 'wechat', nonce: 'live', expiresAt: inMinutes(5, now), now: inMinutes(4, now) })).toBe(false);
  });
});

/** Several instances on one PostgreSQL share what they have seen. */
describe.skipIf(!kinds.includes('postgres'))('once-only webhook nonces across instances', () => {
  const instances: Database[] = [];
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const server = await createTestPostgresDatabase();
    drop = server.drop;
    for (let i = 0; i < 3; i++) instances.push(await openDatabase({ databaseUrl: server.url, dataDir: 'unused' }));
    await instances[0]!.migrate();
  });
  afterAll(async () => {
    for (const instance of instances) await instance.close();
    await drop?.();
  });

  it('let one instance win a nonce that all of them receive at once, and refuse it afterwards everywhere', async () => {
    const claim = (instance: Database) => claimNonce(instance.db, { source: 'wechat', nonce: '1795852800:42', expiresAt: inMinutes(5) });
    const first = await Promise.all(instances.flatMap((instance) => [claim(instance), claim(instance), claim(instance)]));
    expect(first.filter(Boolean)).toHaveLength(1);
    expect(await Promise.all(instances.map(claim))).toEqual([false, false, false]);
  });
});
