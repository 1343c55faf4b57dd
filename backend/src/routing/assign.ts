import { type SQL, and, asc, eq, exists, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { TxCtx } from '../identity/auth/index.ts';
import type { DbOrTx } from '../platform/db/index.ts';
import { ServiceError } from '../platform/errors/index.ts';
import { sessions, users } from '../identity/auth/index.ts';
import type { Appeal } from '../appeals/index.ts';

/**
 * Staff who may be given work: the account is enabled and a session of theirs is live (not logged
 * out, not expired). Presence alone lags behind on other instances, and a console is closed only
 * once its socket hears of the revocation; this reads the database.
 */
export function mayTakeWork(db: DbOrTx, now = new Date()): SQL {
  const liveSession = db
    .select({ one: sql`1` })
    .from(sessions)
    .where(and(eq(sessions.userId, users.id), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  return and(isNull(users.disabledAt), exists(liveSession))!;
}

/**
 * Locks agents' user rows: the per-agent mutex of routing. Whoever gives an agent work (a claim,
 * a routing pass on any server instance) holds it while counting the agent's load and assigning,
 * so two of them never both spend the same spare capacity. `FOR NO KEY UPDATE` leaves foreign-key
 * checks (messages, notes by the agent) unblocked. With `skipLocked`, agents someone else is
 * assigning to right now are skipped instead of waited for. Returns the ids locked: only agents
 * who may take work (`mayTakeWork`), checked again on the locked row, so an account disabled
 * while we waited for its lock is left out.
 *
 * Lock order, everywhere: the appeal row first, then agent rows, so claims and routing cannot deadlock.
 */
export async function lockAgents(tx: TxCtx, userIds: string[], options: { skipLocked?: boolean } = {}): Promise<string[]> {
  if (!userIds.length) return [];
  const query = tx.db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, userIds), mayTakeWork(tx.db)))
    .orderBy(asc(users.username));
  const rows = options.skipLocked ? await query.for('no key update', { skipLocked: true }) : await query.for('no key update');
  return rows.map((r) => r.id);
}

/** 409 naming who holds the appeal, so the second agent sees who has it. */
export async function heldByConflict(tx: TxCtx, appeal: Appeal): Promise<ServiceError> {
  const [holder] = await tx.db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, appeal.assigneeId!));
  const assignee = holder ?? { id: appeal.assigneeId!, displayName: '' };
  return new ServiceError(
    'conflict',
    `案件 ${appeal.caseNumber} 已由 ${assignee.displayName} 处理中`,
    { assignee, caseNumber: appeal.caseNumber },
    'held_by_other',
  );
}
