import { eq } from 'drizzle-orm';
import type { Ctx } from '../identity/context.ts';
import { transact } from '../platform/context/index.ts';
import { recordAudit } from '../platform/audit/index.ts';
import { conversations } from '../messaging/schema.ts';
import { deliver, storeOutbound } from '../messaging/outbound.ts';
import { type Appeal, appeals } from './schema.ts';
import { assertPending, claimIfUnassigned, lockAppeal, markFirstResponse } from './reply.ts';
import { createEventForAppeal } from '../linkage/create.ts';
import type { EventInput } from '../linkage/views.ts';

/** Accepting makes the appeal an event: from the agent's form when given, otherwise from the draft. */
export type Decision = { kind: 'accept'; event?: EventInput } | { kind: 'reject'; reason: string };

/** What the citizen is told of each decision, in the hotline's language. */
function noticeFor(appeal: Appeal, decision: Decision): string {
  return decision.kind === 'accept'
    ? `您的诉求（案件流水号 ${appeal.caseNumber}）已受理，我们将尽快交办处理。`
    : `您的诉求（案件流水号 ${appeal.caseNumber}）不予受理。原因：${decision.reason}`;
}

/**
 * Accept (受理) or reject (不予受理) a pending appeal. The decision closes the conversation,
 * is audited, and is told to the citizen on their own channel. Acceptance creates the event
 * (事件) in the same transaction, so an invalid event form leaves the appeal pending.
 */
export async function decideAppeal({ ctx, input }: { ctx: Ctx; input: { appealId: string; decision: Decision } }): Promise<Appeal> {
  const { decided, notice } = await transact(ctx, async (tx, publish) => {
    const before = await lockAppeal(tx, input.appealId);
    assertPending(before);
    await markFirstResponse(tx, (await claimIfUnassigned(tx, before)) ?? before);
    const accepted = input.decision.kind === 'accept';
    if (input.decision.kind === 'accept') await createEventForAppeal(tx, publish, before, input.decision.event);
    const now = new Date();
    const [decided] = await tx.db
      .update(appeals)
      .set({
        status: accepted ? 'accepted' : 'rejected',
        rejectReason: accepted ? null : (input.decision as { reason: string }).reason,
        decidedAt: now,
        updatedAt: now,
      })
      .where(eq(appeals.id, before.id))
      .returning();
    await tx.db.update(conversations).set({ status: 'closed', closedAt: now }).where(eq(conversations.id, before.conversationId));
    await recordAudit(tx.db, tx.actor, {
      action: accepted ? 'appeal.accepted' : 'appeal.rejected',
      entityType: 'appeal',
      entityId: before.id,
      before: { status: before.status },
      after: { status: decided!.status, rejectReason: decided!.rejectReason },
    });
    const notice = await storeOutbound(tx, publish, decided!, noticeFor(decided!, input.decision));
    publish({ name: 'appeal.updated', payload: { appeal: decided!, change: accepted ? 'accepted' : 'rejected' } });
    return { decided: decided!, notice };
  });
  await deliver(ctx, notice);
  return decided;
}
