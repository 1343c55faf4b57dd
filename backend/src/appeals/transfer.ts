import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import { recordAudit } from '../platform/audit/index.ts';
import { ServiceError, notFound } from '../platform/errors/index.ts';
import { users } from '../identity/auth/index.ts';
import { ROSTER_ROLES } from '../identity/auth/index.ts';
import { type Appeal, appeals } from './schema.ts';
import { lockAppeal } from './find.ts';
import { assertPending } from './reply.ts';
import { storeNote } from './notes.ts';

/**
 * Hands a pending appeal to another agent or a supervisor (转交), with an optional note kept as a
 * private note. An agent transfers only what they hold; supervisors and admins transfer any
 * appeal, and take one over by transferring it to themselves. Capacity is not checked: a
 * supervisor's reassignment is a deliberate decision.
 */
export async function transferAppeal({ ctx, input }: { ctx: Ctx; input: { appealId: string; toUserId: string; note?: string } }): Promise<Appeal> {
  if (ctx.actor.type !== 'user') throw new ServiceError('forbidden', 'Only staff transfer appeals');
  const actor = ctx.actor.user;
  return transact(ctx, async (tx, publish) => {
    const before = await lockAppeal(tx, input.appealId);
    if (actor.role === 'agent' && before.assigneeId !== actor.id)
      throw new ServiceError('forbidden', `只能转交自己处理中的诉求（案件 ${before.caseNumber}）`, { caseNumber: before.caseNumber }, 'transfer_not_holder');
    assertPending(before);
    const [target] = await tx.db
      .select({ id: users.id, role: users.role, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.id, input.toUserId), isNull(users.disabledAt)));
    const takingOver = target?.id === actor.id && actor.role !== 'agent';
    if (!target || !((ROSTER_ROLES as readonly string[]).includes(target.role) || takingOver)) throw notFound('Agent or supervisor');
    if (before.assigneeId === target.id)
      throw new ServiceError(
        'conflict',
        `案件 ${before.caseNumber} 已由 ${target.displayName} 处理中`,
        {
          assignee: { id: target.id, displayName: target.displayName },
          caseNumber: before.caseNumber,
        },
        'held_by_other',
      );

    const now = new Date();
    const [after] = await tx.db.update(appeals).set({ assigneeId: target.id, assignedAt: now, updatedAt: now }).where(eq(appeals.id, before.id)).returning();
    const note = input.note?.trim() ? await storeNote(tx, publish, after!, input.note.trim()) : undefined;
    await recordAudit(tx.db, tx.actor, {
      action: 'appeal.transferred',
      entityType: 'appeal',
      entityId: before.id,
      before: { assigneeId: before.assigneeId },
      after: { assigneeId: target.id, noteId: note?.id ?? null },
    });
    publish({ name: 'appeal.updated', payload: { appeal: after!, change: 'assigned' } });
    return after!;
  });
}
