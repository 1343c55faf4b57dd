import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx, TxCtx } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import { deliver, storeOutbound } from '../messaging/index.ts';
import { ServiceError } from '../platform/errors/index.ts';
import { recordAudit } from '../platform/audit/index.ts';
import type { Message } from '../messaging/index.ts';
import { type Appeal, appeals } from './schema.ts';
import { lockAppeal } from './find.ts';

/** An agent's reply, sent to the citizen on the appeal's own channel. */
export async function replyToAppeal({ ctx, input }: { ctx: Ctx; input: { appealId: string; text: string } }): Promise<Message> {
  const stored = await transact(ctx, async (tx, publish) => {
    const appeal = await lockAppeal(tx, input.appealId);
    const claimed = await claimIfUnassigned(tx, appeal);
    if (claimed) publish({ name: 'appeal.updated', payload: { appeal: claimed, change: 'assigned' } });
    const held = claimed ?? appeal;
    const responded = await markFirstResponse(tx, held);
    // The wall's 已接通 count moves on the first answer, not only on a decision.
    if (responded !== held) publish({ name: 'appeal.updated', payload: { appeal: responded, change: 'responded' } });
    return storeOutbound(tx, publish, responded, input.text);
  });
  return deliver(ctx, stored);
}

/** 首问负责制: whoever first acts on an appeal owns it until it is handed over. Returns the appeal when it was claimed now. */
export async function claimIfUnassigned(tx: TxCtx, appeal: Appeal): Promise<Appeal | undefined> {
  if (appeal.assigneeId || tx.actor.type !== 'user') return undefined;
  const now = new Date();
  const [claimed] = await tx.db
    .update(appeals)
    .set({ assigneeId: tx.actor.user.id, assignedAt: now, updatedAt: now })
    .where(eq(appeals.id, appeal.id))
    .returning();
  await recordAudit(tx.db, tx.actor, {
    action: 'appeal.assigned',
    entityType: 'appeal',
    entityId: appeal.id,
    before: { assigneeId: null },
    after: { assigneeId: tx.actor.user.id, by: 'first action' },
  });
  return claimed;
}

/** The first time staff answer the citizen (a reply, a direct answer, a decision notice): the service level counts from it. */
export async function markFirstResponse(tx: TxCtx, appeal: Appeal): Promise<Appeal> {
  if (appeal.firstResponseAt || tx.actor.type !== 'user') return appeal;
  const [marked] = await tx.db
    .update(appeals)
    .set({ firstResponseAt: new Date() })
    .where(and(eq(appeals.id, appeal.id), isNull(appeals.firstResponseAt)))
    .returning();
  return marked ?? appeal;
}

export function assertPending(appeal: Appeal): void {
  if (appeal.status !== 'pending') {
    throw new ServiceError(
      'conflict',
      `Appeal ${appeal.caseNumber} is already ${appeal.status}`,
      { status: appeal.status, caseNumber: appeal.caseNumber },
      'appeal_settled',
    );
  }
}
