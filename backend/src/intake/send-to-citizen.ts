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

/**
 * Hands a stored outbound message to its channel's sender and records the outcome on the
 * message: `sent`, or `failed` with the reason, never dropped silently.
 */
export async function deliver(ctx: Ctx, message: Message): Promise<Message> {
  const sender = senderFor(ctx.channels, message.channel);
  const [recipient] = await ctx.db
    .select({ kind: contactIdentities.kind, value: contactIdentities.value, optedOutAt: contactIdentities.optedOutAt, caseNumber: appeals.caseNumber })
    .from(conversations)
    .innerJoin(contactIdentities, eq(contactIdentities.id, conversations.identityId))
    .leftJoin(appeals, eq(appeals.id, message.appealId ?? conversations.currentAppealId))
    .where(eq(conversations.id, message.conversationId));
  let outcome: Pick<Message, 'deliveryStatus' | 'deliveryError' | 'providerMessageId'>;
  try {
    if (!sender) throw new Error(`no sender is configured for the ${message.channel} channel`);
    const { caseNumber, optedOutAt, ...to } = recipient!;
    if (optedOutAt) throw new Error('the citizen opted out of messages on this channel (STOP / 退订)');
    const result = await sender.send({ channel: message.channel, to, text: message.text, messageId: message.id, caseNumber: caseNumber ?? undefined });
    outcome = { deliveryStatus: 'sent', deliveryError: null, providerMessageId: result.providerMessageId ?? null };
  } catch (error) {
    outcome = { deliveryStatus: 'failed', deliveryError: error instanceof Error ? error.message : String(error), providerMessageId: null };
  }
  const [updated] = await ctx.db.update(messages).set(outcome).where(eq(messages.id, message.id)).returning();
  ctx.bus.emit({ name: 'message.updated', payload: { message: updated! } });
  return updated!;
}
