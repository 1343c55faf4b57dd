import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, type DatabaseKind, openDatabase } from '../platform/db/index.ts';

/**
 * The PostgreSQL server tests use when it is reachable (this machine runs one at 127.0.0.1:5432,
 * trust auth). Each test file gets a fresh database, dropped afterwards.
 */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * PGlite always; PostgreSQL when reachable. In CI an unreachable server is a failure,
 * not a silent skip: `.ci/run` starts it.
 */
export async function testDatabaseKinds(): Promise<DatabaseKind[]> {
  if (await postgresReachable()) return ['pglite', 'postgres'];
  if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES_URL}, and CI requires it`);
  console.warn(`PostgreSQL not reachable at ${TEST_POSTGRES_URL}: database tests run on PGlite only`);
  return ['pglite'];
}

export interface TestDatabase extends Database {
  /** Closes and, on PostgreSQL, drops the database. */
  destroy(): Promise<void>;
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the PostgreSQL server. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    return { ...database, destroy: database.close };
  }
  const server = await createTestPostgresDatabase();
  const database = await openDatabase({ databaseUrl: server.url, dataDir: 'unused' });
  await database.migrate();
  return {
    ...database,
    async destroy() {
      await database.close();
      await server.drop();
    },
  };
}

/** An empty database on the test PostgreSQL server, for tests that run the hotline as a separate process. */
export async function createTestPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hotline_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
