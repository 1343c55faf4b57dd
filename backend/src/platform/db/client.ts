import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';

/**
 * The drizzle database, whichever driver is underneath: services are written against this. No
 * schema is registered (no relational queries): each layer imports the tables it reads.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
type NoSchema = Record<string, never>;
export type Tx = PgTransaction<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;
/** A service runs on the database or inside a caller's transaction. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Applies drizzle-kit's SQL migrations from `drizzle/`. */
  migrate(): Promise<void>;
  /** A cheap round trip, for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Runs `work` while no other instance runs its own start-up work on this database (seeding an
   * empty one checks, then inserts). PGlite has a single process, so there it simply runs.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  /** PostgreSQL's connection pool, for what several instances share beyond drizzle (socket.io's adapter). */
  pool?: pg.Pool;
}

/** PostgreSQL advisory lock keys: instances starting together migrate, then seed, one after the other. */
const MIGRATION_LOCK_KEY = 7_310_012_345;
const STARTUP_LOCK_KEY = 7_310_012_347;

/** Holds a session-level advisory lock on one pooled connection while `work` runs. */
async function holdingLock<T>(pool: pg.Pool, key: number, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [key]);
    try {
      return await work(client);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [key]);
    }
  } finally {
    client.release();
  }
}

export const migrationsFolder = fileURLToPath(new URL('../../../../drizzle', import.meta.url));

/** PostgreSQL when a URL is given, otherwise the embedded PGlite in `dataDir` (or in memory for `memory://`). */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

/**
 * A pool that takes back a checked-out connection once it dies. drizzle's `transaction()` never
 * releases a connection whose BEGIN failed (PostgreSQL went away just then), and socket.io's adapter
 * drops its dead LISTEN connection unreleased: `pool.end()` would wait for them forever. Release is
 * made idempotent, so the holder's own later release is harmless.
 */
class ReleasingPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(
    callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): Promise<pg.PoolClient> | void {
    // pool.query() checks out through the callback form and always releases: leave it as it is.
    if (callback) return super.connect(callback);
    return super.connect().then((client) => {
      const release = client.release;
      let released = false;
      const releaseDead = () => client.release(new Error('connection ended while checked out'));
      client.release = (error?: Error | boolean) => {
        if (released) return;
        released = true;
        client.off('end', releaseDead);
        release(error);
      };
      client.once('end', releaseDead);
      return client;
    });
  }
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new ReleasingPool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it and the next query reports any lasting outage.
  pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
  // A connection can also drop while checked out between two queries (inside a transaction): the
  // query in progress fails on its own, but the client's 'error' event needs a listener or Node exits.
  pool.on('connect', (client) => client.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`)));
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    // drizzle's migrator reads what is applied, then applies the rest: two instances starting at
    // once would both run a migration. Under the lock the second waits, then finds all applied.
    migrate: () => holdingLock(pool, MIGRATION_LOCK_KEY, (client) => migratePg(drizzlePg(client), { migrationsFolder })),
    exclusively: (work) => holdingLock(pool, STARTUP_LOCK_KEY, work),
    ping: async () => void (await pool.query('select 1')),
    close: () => pool.end(),
    pool,
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir === 'memory://';
  let releaseLock = () => {};
  let client: PGlite;
  if (inMemory) {
    client = new PGlite();
  } else {
    const dbDir = path.resolve(dataDir, 'pglite');
    // PGlite creates neither parent folders nor a lock: two processes on one folder would corrupt it.
    mkdirSync(dbDir, { recursive: true });
    releaseLock = acquireDataDirLock(path.resolve(dataDir));
    client = new PGlite(dbDir);
  }
  await client.waitReady;
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    exclusively: (work) => work(),
    ping: async () => void (await client.query('select 1')),
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}
