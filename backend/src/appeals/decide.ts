import { eq } from 'drizzle-orm';
import type { Ctx, TxCtx } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import type { DomainEvent } from '../platform/domain-events/index.ts';
import { recordAudit } from '../platform/audit/index.ts';
import { type CitizenLanguage, citizenTexts } from '../platform/texts/index.ts';
import { type Message, closeConversations, deliver, storeOutbound } from '../messaging/index.ts';
import { type Appeal, appeals } from './schema.ts';
import { lockAppeal } from './find.ts';
import { assertPending, claimIfUnassigned, markFirstResponse } from './reply.ts';

/** 受理 (the linkage layer makes the event in the same transaction) or 不予受理 with the reason the citizen is told. */
export type Decision = { kind: 'accept' } | { kind: 'reject'; reason: string };

/** What the citizen is told of each decision, in the hotline's language. */
function rejectionNotice(language: CitizenLanguage, appeal: Appeal, reason: string): string {
  return citizenTexts(language).notices.rejected(appeal.caseNumber, reason);
}

/**
 * The pending appeal a staff member acts on, locked: whoever first acts on it holds it (首问负责制),
 * and acting answers the citizen for the first time. Answers the appeal as it was before.
 */
export async function takeUpPending(tx: TxCtx, appealId: string): Promise<Appeal> {
  const before = await lockAppeal(tx, appealId);
  assertPending(before);
  await markFirstResponse(tx, (await claimIfUnassigned(tx, before)) ?? before);
  return before;
}

/**
 * Records a decision on an appeal taken up in this transaction: it leaves the queue, its
 * conversation closes, it is audited, and a rejection's notice is stored (the caller delivers it after commit).
 */
export async function recordDecision(
  tx: TxCtx,
  publish: (e: DomainEvent) => void,
  before: Appeal,
  decision: Decision,
): Promise<{ decided: Appeal; notice: Message | undefined }> {
  const accepted = decision.kind === 'accept';
  const now = new Date();
  const [decided] = await tx.db
    .update(appeals)
    .set({ status: accepted ? 'accepted' : 'rejected', rejectReason: decision.kind === 'reject' ? decision.reason : null, decidedAt: now, updatedAt: now })
    .where(eq(appeals.id, before.id))
    .returning();
  await closeConversations(tx.db, [before.conversationId], now);
  await recordAudit(tx.db, tx.actor, {
    action: accepted ? 'appeal.accepted' : 'appeal.rejected',
    entityType: 'appeal',
    entityId: before.id,
    before: { status: before.status },
    after: { status: decided!.status, rejectReason: decided!.rejectReason },
  });
  // One notice per step: an accepted appeal's is the event's dispatch notice (派由…办理), sent by followup.
  const notice =
    decision.kind === 'reject' ? await storeOutbound(tx, publish, decided!, rejectionNotice(tx.config.language, decided!, decision.reason)) : undefined;
  publish({ name: 'appeal.updated', payload: { appeal: decided!, change: accepted ? 'accepted' : 'rejected' } });
  return { decided: decided!, notice };
}

/** 不予受理: the pending appeal is not accepted, and the citizen is told why on their own channel. */
export async function rejectAppeal({ ctx, input }: { ctx: Ctx; input: { appealId: string; reason: string } }): Promise<Appeal> {
  const { decided, notice } = await transact(ctx, async (tx, publish) =>
    recordDecision(tx, publish, await takeUpPending(tx, input.appealId), { kind: 'reject', reason: input.reason }),
  );
  await deliver(ctx, notice!);
  return decided;
}
