import type pg from 'pg';
import { type PostgresAdapter, createAdapter } from '@socket.io/postgres-adapter';
import type { AppDeps } from '../http/index.ts';
import type { PresenceLink } from '../../routing/index.ts';
import type { RealtimeServer } from './io.ts';

/** The adapter's table for payloads over NOTIFY's 8000-byte limit (its README's DDL). */
const ATTACHMENTS_DDL = `
  CREATE TABLE IF NOT EXISTS socket_io_attachments (
    id          bigserial UNIQUE,
    created_at  timestamptz DEFAULT NOW(),
    payload     bytea
  )`;
/** Serialises the DDL of instances starting together: concurrent CREATE TABLE IF NOT EXISTS can still collide. */
const ATTACHMENTS_LOCK_KEY = 7_310_012_346;

async function createAttachmentsTable(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [ATTACHMENTS_LOCK_KEY]);
    await client.query(ATTACHMENTS_DDL);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Joins this instance's socket.io to the others on the same PostgreSQL: every `io.to(room).emit`
 * reaches sockets on every instance (LISTEN/NOTIFY), and `io.serverSideEmit` reaches the other
 * instances. The adapter keeps one pooled connection for its LISTEN.
 */
export async function joinCluster(io: RealtimeServer, pool: pg.Pool): Promise<void> {
  await createAttachmentsTable(pool);
  const adapterFor = createAdapter(pool, { errorHandler: (error: Error) => console.warn(`socket.io adapter: ${error.message}`) });
  // socket.io calls it with `new`: a function (not an arrow) whose returned object is the adapter.
  io.adapter(function clusterAdapter(nsp: unknown) {
    return skipPublishingWhenAlone(adapterFor(nsp));
  } as unknown as Parameters<RealtimeServer['adapter']>[0]);
}

/**
 * The adapter publishes every broadcast through PostgreSQL, and waits for that before delivering
 * to its own sockets, even when no other instance is there to hear it. An instance that knows of
 * no other (the adapter's heartbeats tell; a starting one announces itself at once) delivers
 * locally only, so a single instance on PostgreSQL pushes as fast as on PGlite.
 */
function skipPublishingWhenAlone(adapter: PostgresAdapter): PostgresAdapter {
  const broadcast = adapter.broadcast.bind(adapter);
  adapter.broadcast = async (packet, opts) => broadcast(packet, (await alone(adapter)) ? { ...opts, flags: { ...opts.flags, local: true } } : opts);
  return adapter;
}

const alone = async (adapter: { serverCount(): Promise<number> }) => (await adapter.serverCount()) === 1;

/** Presence snapshots carried by socket.io's server-side emit (see `OnlinePresence.link`). */
export function presenceLink(io: RealtimeServer): PresenceLink {
  return {
    publish: (snapshot) => void io.serverSideEmit('presence:snapshot', snapshot),
    onSnapshot(receive) {
      io.on('presence:snapshot', receive);
      return () => void io.off('presence:snapshot', receive);
    },
    askAll: () => void io.serverSideEmit('presence:ask'),
  };
}

/** Corrections arriving in a burst cost one reload and retrain on the other instances. */
const RELOAD_CORRECTIONS_AFTER_MS = 2_000;
const TRACKED_CHANGES = new Set(['classified', 'rejected', 'merged', 'answered']);

/**
 * Each instance holds its own duplicate index and classifier in memory, fed by the appeals it
 * triages and the corrections its agents make. This tells the other instances of both: they
 * re-read the appeal (index it, or drop it once it left the queue) and, after a correction, reload
 * the stored corrections and retrain — the database stays the one source of truth.
 */
export function shareTriage(io: RealtimeServer, { triage, domainEvents }: Pick<AppDeps, 'triage' | 'domainEvents'>): () => void {
  const off = domainEvents.on('appeal.updated', ({ appeal, change }) => {
    if (!TRACKED_CHANGES.has(change)) return;
    // NLP always writes its record; an agent's correction marks it (or writes none, before triage ran).
    const corrected = change === 'classified' && (!appeal.classification || Boolean(appeal.classification.correctedBy));
    // One per appeal at intake rates: not sent while no other instance is there to hear it.
    void alone(io.of('/').adapter).then((lone) => lone || io.serverSideEmit('triage:appeal', { appealId: appeal.id, corrected }));
  });
  let reload: ReturnType<typeof setTimeout> | undefined;
  const reloadCorrections = () => {
    reload = undefined;
    triage.registry.start().catch((error) => console.error('NLP reload of corrections failed:', error));
  };
  const onAppeal = async ({ appealId, corrected }: { appealId: string; corrected: boolean }) => {
    await triage.retrackStored(appealId);
    if (corrected) {
      clearTimeout(reload);
      reload = setTimeout(reloadCorrections, RELOAD_CORRECTIONS_AFTER_MS);
      reload.unref();
    }
  };
  const listener = (change: { appealId: string; corrected: boolean }) =>
    void onAppeal(change).catch((error) => console.error('NLP update from another instance failed:', error));
  io.on('triage:appeal', listener);
  return () => {
    off();
    io.off('triage:appeal', listener);
    clearTimeout(reload);
  };
}

/** An import on one instance reaches the others: each re-reads the stored territory and rebuilds its locator, gazetteer and maps. */
export function shareTerritory(io: RealtimeServer, { triage, domainEvents }: Pick<AppDeps, 'triage' | 'domainEvents'>): () => void {
  const off = domainEvents.on('territory.changed', () => void io.serverSideEmit('territory:changed'));
  const listener = () => void triage.reloadTerritory().catch((error) => console.error('Territory reload from another instance failed:', error));
  io.on('territory:changed', listener);
  return () => {
    off();
    io.off('territory:changed', listener);
  };
}
