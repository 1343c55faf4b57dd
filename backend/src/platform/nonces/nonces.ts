import { and, eq, gte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.ts';
import { webhookNonces } from './schema.ts';

/** At most this many expired rows go per claim: the work stays small even after a burst. */
const PURGE_BATCH = 500;

/**
 * Claims a once-only value of a signed request: true the first time, false for every later use
 * until `expiresAt`, on this instance or any other on the same database. The check and the record
 * are one statement (insert … on conflict do nothing), so two instances handed the same request at
 * once cannot both win. Expired values are deleted first, which keeps the table small; rows another
 * instance is deleting just then are skipped, so concurrent claims never wait on each other.
 */
export async function claimNonce(db: DbOrTx, p: { source: string; nonce: string; expiresAt: Date; now?: Date }): Promise<boolean> {
  const now = (p.now ?? new Date()).toISOString();
  const { source, nonce, expiresAt } = webhookNonces;
  await db.execute(
    sql`delete from ${webhookNonces} where (${source}, ${nonce}) in (select ${source}, ${nonce} from ${webhookNonces} where ${expiresAt} < ${now}::timestamptz limit ${PURGE_BATCH} for update skip locked)`,
  );
  const claimed = await db
    .insert(webhookNonces)
    .values({ source: p.source, nonce: p.nonce, expiresAt: p.expiresAt })
    .onConflictDoNothing()
    .returning({ nonce: webhookNonces.nonce });
  return claimed.length === 1;
}

/** Whether a once-only value is on record (and not yet expired), without claiming it. */
export async function isNonceClaimed(db: DbOrTx, p: { source: string; nonce: string; now?: Date }): Promise<boolean> {
  const { source, nonce, expiresAt } = webhookNonces;
  const rows = await db
    .select({ nonce })
    .from(webhookNonces)
    .where(and(eq(source, p.source), eq(nonce, p.nonce), gte(expiresAt, p.now ?? new Date())))
    .limit(1);
  return rows.length === 1;
}
