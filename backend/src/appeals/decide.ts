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
/** `dispatched`: an event was created and dispatched with the acceptance. */
export type Decision = { kind: 'accept'; dispatched: boolean } | { kind: 'reject'; reason: string };

/**
 * One notice per step: an appeal accepted with an event is told by the event's dispatch notice
 * (派由…办理, from followup); only one accepted without an event, or rejected, is told here.
 */
function noticeFor(language: CitizenLanguage, appeal: Appeal, decision: Decision): string | undefined {
  const { notices } = citizenTexts(language);
  if (decision.kind === 'reject') return notices.rejected(appeal.caseNumber, decision.reason);
  return decision.dispatched ? undefined : notices.accepted(appeal.caseNumber);
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
 * conversation closes, it is audited, and the citizen's notice, if the step has one of its own, is stored (the caller delivers it after commit).
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
  const text = noticeFor(tx.config.language, decided!, decision);
  const notice = text === undefined ? undefined : await storeOutbound(tx, publish, decided!, text);
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
