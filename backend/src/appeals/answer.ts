import { eq } from 'drizzle-orm';
import type { Ctx } from '../identity/context.ts';
import { transact } from '../platform/context/index.ts';
import { recordAudit } from '../platform/audit/index.ts';
import { conversations } from '../messaging/schema.ts';
import { deliver, storeOutbound } from '../messaging/outbound.ts';
import { type Appeal, appeals } from './schema.ts';
import { assertPending, claimIfUnassigned, lockAppeal, markFirstResponse } from './reply.ts';

/**
 * 直接答复: the agent answers a consultation on the citizen's own channel and closes it — no event
 * is made. The answer is the citizen's reply, the appeal becomes `answered`, its conversation closes.
 */
export async function answerAppeal({ ctx, input }: { ctx: Ctx; input: { appealId: string; text: string } }): Promise<Appeal> {
  const { answered, message } = await transact(ctx, async (tx, publish) => {
    const before = await lockAppeal(tx, input.appealId);
    assertPending(before);
    const claimed = (await claimIfUnassigned(tx, before)) ?? before;
    const responded = await markFirstResponse(tx, claimed);
    const message = await storeOutbound(tx, publish, responded, input.text);
    const now = new Date();
    const [answered] = await tx.db.update(appeals).set({ status: 'answered', decidedAt: now, updatedAt: now }).where(eq(appeals.id, before.id)).returning();
    await tx.db.update(conversations).set({ status: 'closed', closedAt: now }).where(eq(conversations.id, before.conversationId));
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
