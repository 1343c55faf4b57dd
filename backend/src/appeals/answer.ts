import { eq } from 'drizzle-orm';
import type { Ctx } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import { recordAudit } from '../platform/audit/index.ts';
import { closeConversations, deliver, storeOutbound } from '../messaging/index.ts';
import { type Appeal, appeals } from './schema.ts';
import { takeUpPending } from './decide.ts';

/**
 * 直接答复: the agent answers a consultation on the citizen's own channel and closes it — no event
 * is made. The answer is the citizen's reply, the appeal becomes `answered`, its conversation closes.
 */
export async function answerAppeal({ ctx, input }: { ctx: Ctx; input: { appealId: string; text: string } }): Promise<Appeal> {
  const { answered, message } = await transact(ctx, async (tx, publish) => {
    const before = await takeUpPending(tx, input.appealId);
    const message = await storeOutbound(tx, publish, before, input.text);
    const now = new Date();
    const [answered] = await tx.db.update(appeals).set({ status: 'answered', decidedAt: now, updatedAt: now }).where(eq(appeals.id, before.id)).returning();
    await closeConversations(tx.db, [before.conversationId], now);
    await recordAudit(tx.db, tx.actor, {
      action: 'appeal.answered',
      entityType: 'appeal',
      entityId: before.id,
      before: { status: before.status },
      after: { status: 'answered', messageId: message.id },
    });
    publish({ name: 'appeal.updated', payload: { appeal: answered!, change: 'answered' } });
    return { answered: answered!, message };
  });
  await deliver(ctx, message);
  return answered;
}
