import { eq } from 'drizzle-orm';
import type { Ctx, TxCtx } from '../context.ts';
import type { DomainEvent } from '../bus/catalogue.ts';
import { contactIdentities } from '../contacts/schema.ts';
import { type Appeal, appeals } from '../appeals/schema.ts';
import { actorId } from '../context.ts';
import { recordAudit } from '../audit/record.ts';
import { type Message, conversations, messages } from './schema.ts';
import { senderFor } from './channel-registry.ts';

/**
 * Stores an outbound message on the appeal's conversation, inside the caller's transaction.
 * It is handed to the channel only after commit (`deliver`), so nothing is sent that was not saved.
 */
export async function storeOutbound(tx: TxCtx, publish: (e: DomainEvent) => void, appeal: Appeal, text: string): Promise<Message> {
  const [message] = await tx.db
    .insert(messages)
    .values({
      conversationId: appeal.conversationId,
      appealId: appeal.id,
      channel: appeal.channel,
      direction: 'out',
      authorUserId: tx.actor.type === 'user' ? tx.actor.user.id : null,
      text,
      deliveryStatus: 'pending',
    })
    .returning();
  await recordAudit(tx.db, tx.actor, { action: 'message.sent', entityType: 'appeal', entityId: appeal.id, after: { messageId: message!.id, by: actorId(tx.actor) } });
  publish({ name: 'message.created', payload: { message: message!, appeal } });
  return message!;
}

/** Sending attempts before a message that keeps failing stays failed. */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** The first retry waits this long; each further one twice as long as the one before (30 s, 1, 2, 4 min). */
export const FIRST_RETRY_DELAY_MS = 30_000;

/** A delivery that trying again cannot fix: nothing sends on the channel, or the citizen opted out. */
class Undeliverable extends Error {}

/**
 * Whether a failed send may succeed later: a provider error (5xx), a timeout, a rate limit or a
 * network failure may; our own refusals and a provider's rejection of the request itself (4xx) may not.
 */
function mayRecover(error: unknown): boolean {
  if (error instanceof Undeliverable) return false;
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) return status === 408 || status === 429;
  return true;
}

/** When to try again after `attempts` failed sends, or null once the attempts are used up. */
export function nextDeliveryAfter(attempts: number, failedAt: Date): Date | null {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  return new Date(failedAt.getTime() + FIRST_RETRY_DELAY_MS * 2 ** (attempts - 1));
}

/**
 * Hands a stored outbound message to its channel's sender and records the outcome on the
 * message: `sent`, or `failed` with the reason, never dropped silently. A failure that may pass
 * (see `mayRecover`) is scheduled for another attempt (`nextDeliveryAt`), which the
 * `retry-deliveries` job makes; after MAX_DELIVERY_ATTEMPTS it stays failed.
 */
export async function deliver(ctx: Ctx, message: Message): Promise<Message> {
  const sender = senderFor(ctx.channels, message.channel);
  const [recipient] = await ctx.db
    .select({ kind: contactIdentities.kind, value: contactIdentities.value, optedOutAt: contactIdentities.optedOutAt, caseNumber: appeals.caseNumber })
    .from(conversations)
    .innerJoin(contactIdentities, eq(contactIdentities.id, conversations.identityId))
    .leftJoin(appeals, eq(appeals.id, message.appealId ?? conversations.currentAppealId))
    .where(eq(conversations.id, message.conversationId));
  const attempts = message.deliveryAttempts + 1;
  let outcome: Pick<Message, 'deliveryStatus' | 'deliveryError' | 'providerMessageId' | 'nextDeliveryAt'>;
  try {
    if (!sender) throw new Undeliverable(`no sender is configured for the ${message.channel} channel`);
    const { caseNumber, optedOutAt, ...to } = recipient!;
    if (optedOutAt) throw new Undeliverable('the citizen opted out of messages on this channel (STOP / 退订)');
    const result = await sender.send({ channel: message.channel, to, text: message.text, messageId: message.id, caseNumber: caseNumber ?? undefined });
    outcome = { deliveryStatus: 'sent', deliveryError: null, providerMessageId: result.providerMessageId ?? null, nextDeliveryAt: null };
  } catch (error) {
    outcome = {
      deliveryStatus: 'failed',
      deliveryError: error instanceof Error ? error.message : String(error),
      providerMessageId: null,
      nextDeliveryAt: mayRecover(error) ? nextDeliveryAfter(attempts, new Date()) : null,
    };
  }
  const [updated] = await ctx.db.update(messages).set({ ...outcome, deliveryAttempts: attempts }).where(eq(messages.id, message.id)).returning();
  ctx.bus.emit({ name: 'message.updated', payload: { message: updated! } });
  return updated!;
}
