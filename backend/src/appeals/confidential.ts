import { eq } from 'drizzle-orm';
import type { Ctx } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import { recordAudit } from '../platform/audit/index.ts';
import { ServiceError } from '../platform/errors/index.ts';
import { type Appeal, appeals } from './schema.ts';
import { lockAppeal } from './find.ts';

/**
 * 举报人保密 applies to a 举报 — whether NLP or an agent typed it so — and to any appeal marked
 * confidential by hand: what departments and the linkage platform read of it is masked
 * (`maskReporterContacts`). The center reads the appeal in full.
 */
export function isReporterConfidential(appeal: Pick<Appeal, 'appealType' | 'confidential'>): boolean {
  return appeal.appealType === 'report' || appeal.confidential;
}

/** Who may take the mark off again: a mistaken mark costs little, a mistaken clearing may expose a whistle-blower. */
const MAY_CLEAR = ['supervisor', 'admin'];

/**
 * Marks the appeal 举报人保密 by hand, or clears the mark. Any agent, supervisor or admin may mark;
 * only supervisors and admins may clear. Every change is audited with its reason; setting what is
 * already set changes nothing and records nothing.
 */
export async function markConfidential({ ctx, input }: { ctx: Ctx; input: { appealId: string; confidential: boolean; reason?: string } }): Promise<Appeal> {
  if (ctx.actor.type !== 'user') throw new ServiceError('forbidden', 'Only staff mark appeals confidential');
  if (!input.confidential && !MAY_CLEAR.includes(ctx.actor.user.role)) {
    throw new ServiceError('forbidden', 'Only a supervisor or an admin may clear 举报人保密');
  }
  return transact(ctx, async (tx, publish) => {
    const before = await lockAppeal(tx, input.appealId);
    if (before.confidential === input.confidential) return before;
    const [after] = await tx.db.update(appeals).set({ confidential: input.confidential, updatedAt: new Date() }).where(eq(appeals.id, before.id)).returning();
    await recordAudit(tx.db, tx.actor, {
      action: input.confidential ? 'appeal.confidential_marked' : 'appeal.confidential_cleared',
      entityType: 'appeal',
      entityId: before.id,
      before: { confidential: before.confidential },
      after: { confidential: after!.confidential, reason: input.reason ?? null },
    });
    publish({ name: 'appeal.updated', payload: { appeal: after!, change: 'confidential' } });
    return after!;
  });
}
