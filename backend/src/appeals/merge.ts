import { eq } from 'drizzle-orm';
import type { Ctx, TxCtx } from '../context.ts';
import { transact } from '../context.ts';
import type { DomainEvent } from '../bus/catalogue.ts';
import { recordAudit } from '../audit/record.ts';
import { ServiceError } from '../http/errors.ts';
import { conversations } from '../intake/schema.ts';
import { deliver, storeOutbound } from '../intake/send-to-citizen.ts';
import type { Message } from '../intake/schema.ts';
import { type Appeal, appeals } from './schema.ts';
import { findAppeal } from './queries.ts';
import { assertPending, claimIfUnassigned, lockAppeal } from './reply.ts';

/** The appeal a chain of merges ends at: duplicates always attach to the first report. */
async function rootOf(tx: TxCtx, appeal: Appeal): Promise<Appeal> {
  let current = appeal;
  for (let hops = 0; current.duplicateOfId && hops < 20; hops++) current = await findAppeal(tx.db, current.duplicateOfId);
  return current;
}

const mergeNotice = (appeal: Appeal, root: Appeal) =>
  `您反映的问题已有其他市民反映，已并入案件 ${root.caseNumber} 一并办理。您的案件流水号 ${appeal.caseNumber} 仍可查询进度，办结时会通知您。`;

/**
 * Merges a pending appeal into the appeal it duplicates (合并): it leaves the queue, its reporter
 * stays linked to the first report, and the citizen is told which case now carries their matter.
 * Runs inside the caller's transaction; the notice is delivered by the caller after commit.
 */
export async function mergeInTransaction(tx: TxCtx, publish: (e: DomainEvent) => void, appealId: string, intoId: string): Promise<{ merged: Appeal; notice: Message }> {
  const before = await lockAppeal(tx, appealId);
  assertPending(before);
  const root = await rootOf(tx, await findAppeal(tx.db, intoId));
  if (root.id === before.id) throw new ServiceError('conflict', 'An appeal cannot be merged into itself');
  if (root.status === 'rejected' || root.status === 'answered') {
    throw new ServiceError('conflict', `Appeal ${root.caseNumber} ${root.status === 'rejected' ? 'was not accepted' : 'was answered and closed'}; merge into an open appeal`, { status: root.status });
  }
  await claimIfUnassigned(tx, before);
  const now = new Date();
  const [merged] = await tx.db
    .update(appeals)
    .set({ status: 'merged', duplicateOfId: root.id, decidedAt: now, updatedAt: now })
    .where(eq(appeals.id, before.id))
    .returning();
  await tx.db.update(conversations).set({ status: 'closed', closedAt: now }).where(eq(conversations.id, before.conversationId));
  await recordAudit(tx.db, tx.actor, { action: 'appeal.merged', entityType: 'appeal', entityId: before.id, before: { status: before.status }, after: { status: 'merged', duplicateOfId: root.id } });
  const notice = await storeOutbound(tx, publish, merged!, mergeNotice(merged!, root));
  publish({ name: 'appeal.updated', payload: { appeal: merged!, change: 'merged' } });
  publish({ name: 'appeal.updated', payload: { appeal: root, change: 'message' } });
  return { merged: merged!, notice };
}

/** An agent merges an appeal into another (the merge button). */
export async function mergeAppeal({ ctx, input }: { ctx: Ctx; input: { appealId: string; intoId: string } }): Promise<Appeal> {
  const { merged, notice } = await transact(ctx, (tx, publish) => mergeInTransaction(tx, publish, input.appealId, input.intoId));
  await deliver(ctx, notice);
  return merged;
}
