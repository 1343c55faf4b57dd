import { asc, eq, inArray } from 'drizzle-orm';
import type { TxCtx } from '../identity/auth/index.ts';
import { ServiceError } from '../platform/errors/index.ts';
import { users } from '../identity/auth/index.ts';
import type { Appeal } from '../appeals/index.ts';

/**
 * Locks agents' user rows: the per-agent mutex of routing. Whoever gives an agent work (a claim,
 * a routing pass on any server instance) holds it while counting the agent's load and assigning,
 * so two of them never both spend the same spare capacity. `FOR NO KEY UPDATE` leaves foreign-key
 * checks (messages, notes by the agent) unblocked. With `skipLocked`, agents someone else is
 * assigning to right now are skipped instead of waited for. Returns the ids locked.
 *
 * Lock order, everywhere: the appeal row first, then agent rows, so claims and routing cannot deadlock.
 */
export async function lockAgents(tx: TxCtx, userIds: string[], options: { skipLocked?: boolean } = {}): Promise<string[]> {
  if (!userIds.length) return [];
  const query = tx.db.select({ id: users.id }).from(users).where(inArray(users.id, userIds)).orderBy(asc(users.username));
  const rows = options.skipLocked ? await query.for('no key update', { skipLocked: true }) : await query.for('no key update');
  return rows.map((r) => r.id);
}

/** 409 naming who holds the appeal, so the second agent sees who has it. */
export async function heldByConflict(tx: TxCtx, appeal: Appeal): Promise<ServiceError> {
  const [holder] = await tx.db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, appeal.assigneeId!));
  const assignee = holder ?? { id: appeal.assigneeId!, displayName: '' };
  return new ServiceError('conflict', `案件 ${appeal.caseNumber} 已由 ${assignee.displayName} 处理中`, { assignee });
}
