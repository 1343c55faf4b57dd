import { getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Ctx, TxCtx } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import type { DomainEvent } from '../platform/domain-events/index.ts';
import { recordAudits } from '../platform/audit/index.ts';
import { citizenTexts } from '../platform/texts/index.ts';
import { ServiceError, notFound } from '../platform/errors/index.ts';
import { type Message, closeConversations, deliver, storeOutbounds } from '../messaging/index.ts';
import { type Appeal, appeals } from './schema.ts';
import { findAppeal } from './find.ts';
import { assertPending, claimIfUnassigned } from './reply.ts';

/** The appeal a chain of merges ends at: duplicates always attach to the first report. */
async function rootOf(tx: TxCtx, appeal: Appeal): Promise<Appeal> {
  let current = appeal;
  for (let hops = 0; current.duplicateOfId && hops < 20; hops++) current = await findAppeal(tx.db, current.duplicateOfId);
  return current;
}

/**
 * Merges a pending appeal into the appeal it duplicates (合并): it leaves the queue, its reporter
 * stays linked to the first report, and the citizen is told which case now carries their matter.
 * Runs inside the caller's transaction; the notice is delivered by the caller after commit.
 */
export async function mergeInTransaction(
  tx: TxCtx,
  publish: (e: DomainEvent) => void,
  appealId: string,
  intoId: string,
): Promise<{ merged: Appeal; notice: Message }> {
  const [merge] = await mergeDuplicates(tx, publish, [{ appealId, intoId }]);
  return merge!;
}

/**
 * Several merges at once (NLP's certain duplicates of one batch), in a fixed number of statements.
 * Any merge that is not allowed fails them all, with the reason.
 */
export async function mergeDuplicates(
  tx: TxCtx,
  publish: (e: DomainEvent) => void,
  merges: { appealId: string; intoId: string }[],
): Promise<{ merged: Appeal; notice: Message }[]> {
  if (!merges.length) return [];
  const locked = await tx.db
    .select()
    .from(appeals)
    .where(
      inArray(
        appeals.id,
        merges.map((m) => m.appealId),
      ),
    )
    .orderBy(appeals.id)
    .for('update');
  const targets = await tx.db
    .select()
    .from(appeals)
    .where(
      inArray(
        appeals.id,
        merges.map((m) => m.intoId),
      ),
    );
  const planned: { before: Appeal; root: Appeal }[] = [];
  for (const { appealId, intoId } of merges) {
    const before = locked.find((a) => a.id === appealId);
    if (!before) throw notFound('Appeal');
    assertPending(before);
    const target = targets.find((a) => a.id === intoId);
    if (!target) throw notFound('Appeal');
    const root = await rootOf(tx, target);
    if (root.id === before.id)
      throw new ServiceError('conflict', 'An appeal cannot be merged into itself', { caseNumber: before.caseNumber }, 'merge_into_self');
    if (root.status === 'rejected' || root.status === 'answered') {
      throw new ServiceError(
        'conflict',
        `Appeal ${root.caseNumber} ${root.status === 'rejected' ? 'was not accepted' : 'was answered and closed'}; merge into an open appeal`,
        { status: root.status, caseNumber: root.caseNumber },
        'merge_target_settled',
      );
    }
    await claimIfUnassigned(tx, before);
    planned.push({ before, root });
  }
  const now = new Date();
  const roots = sql.join(
    planned.map(({ before, root }) => sql`(${before.id}::uuid, ${root.id}::uuid)`),
    sql`, `,
  );
  const merged = await tx.db
    .update(appeals)
    .set({ status: 'merged', duplicateOfId: sql`v.root_id`, decidedAt: now, updatedAt: now })
    .from(sql`(values ${roots}) as v(id, root_id)`)
    .where(sql`${appeals.id} = v.id`)
    .returning(getTableColumns(appeals));
  await closeConversations(
    tx.db,
    planned.map(({ before }) => before.conversationId),
    now,
  );
  await recordAudits(
    tx.db,
    planned.map(({ before, root }) => ({
      actor: tx.actor,
      action: 'appeal.merged',
      entityType: 'appeal',
      entityId: before.id,
      before: { status: before.status },
      after: { status: 'merged', duplicateOfId: root.id },
    })),
  );
  const done = planned.map(({ before, root }) => ({ merged: merged.find((a) => a.id === before.id)!, root }));
  const notices = await storeOutbounds(
    tx,
    publish,
    done.map(({ merged, root }) => ({ about: merged, text: citizenTexts(tx.config.language).notices.merged(merged.caseNumber, root.caseNumber) })),
  );
  return done.map(({ merged, root }, i) => {
    publish({ name: 'appeal.updated', payload: { appeal: merged, change: 'merged' } });
    publish({ name: 'appeal.updated', payload: { appeal: root, change: 'message' } });
    return { merged, notice: notices[i]! };
  });
}

/** An agent merges an appeal into another (the merge button). */
export async function mergeAppeal({ ctx, input }: { ctx: Ctx; input: { appealId: string; intoId: string } }): Promise<Appeal> {
  const { merged, notice } = await transact(ctx, (tx, publish) => mergeInTransaction(tx, publish, input.appealId, input.intoId));
  await deliver(ctx, notice);
  return merged;
}
