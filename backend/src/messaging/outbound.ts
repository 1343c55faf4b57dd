import { eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { SenderIdentity } from '@hotline/channels';
import type { Ctx, TxCtx } from '../identity/context.ts';
import type { DomainEvent } from '../platform/domain-events/index.ts';
import { contactIdentities } from '../identity/contacts/schema.ts';
import { type Appeal, appeals } from '../appeals/schema.ts';
import { actorId } from '../platform/context/index.ts';
import { recordAudits } from '../platform/audit/index.ts';
import { type Message, conversations, messages } from './schema.ts';
import { senderFor } from './channel-registry.ts';
import { records } from '../platform/db/index.ts';

/**
 * Stores an outbound message on the appeal's conversation, inside the caller's transaction.
 * It is handed to the channel only after commit (`deliver`), so nothing is sent that was not saved.
 */
export async function storeOutbound(tx: TxCtx, publish: (e: DomainEvent) => void, appeal: Appeal, text: string): Promise<Message> {
  const [message] = await storeOutbounds(tx, publish, [{ appeal, text }]);
  return message!;
}

/** Several outbound messages (one per appeal) in one insert and one audit statement. */
export async function storeOutbounds(tx: TxCtx, publish: (e: DomainEvent) => void, outgoing: { appeal: Appeal; text: string }[]): Promise<Message[]> {
  if (!outgoing.length) return [];
  const stored = await tx.db
    .insert(messages)
    .select(
      records(
        messages,
        outgoing.map(({ appeal, text }) => ({
        conversationId: appeal.conversationId,
        appealId: appeal.id,
        channel: appeal.channel,
        direction: 'out' as const,
        authorUserId: tx.actor.type === 'user' ? tx.actor.user.id : null,
        text,
        deliveryStatus: 'pending' as const,
      })),
      ),
    )
    .returning();
  const byAppeal = new Map(stored.map((message) => [message.appealId, message]));
  await recordAudits(
    tx.db,
    outgoing.map(({ appeal }) => ({ actor: tx.actor, action: 'message.sent', entityType: 'appeal', entityId: appeal.id, after: { messageId: byAppeal.get(appeal.id)!.id, by: actorId(tx.actor) } })),
  );
  for (const { appeal } of outgoing) publish({ name: 'message.created', payload: { message: byAppeal.get(appeal.id)! } });
  return outgoing.map(({ appeal }) => byAppeal.get(appeal.id)!);
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
  const [delivered] = await deliverAll(ctx, [message]);
  return delivered!;
}

type Outcome = Pick<Message, 'deliveryStatus' | 'deliveryError' | 'providerMessageId' | 'nextDeliveryAt' | 'deliveryAttempts'>;

/** Several messages at once (NLP's merge notices): recipients in one query, sends side by side, outcomes in one update. */
export async function deliverAll(ctx: Ctx, outgoing: Message[]): Promise<Message[]> {
  if (!outgoing.length) return [];
  const recipients = await ctx.db
    .select({ messageId: messages.id, kind: contactIdentities.kind, value: contactIdentities.value, optedOutAt: contactIdentities.optedOutAt, caseNumber: appeals.caseNumber })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contactIdentities, eq(contactIdentities.id, conversations.identityId))
    .leftJoin(appeals, eq(appeals.id, sql`coalesce(${messages.appealId}, ${conversations.currentAppealId})`))
    .where(inArray(messages.id, outgoing.map((m) => m.id)));
  const outcomes = await Promise.all(outgoing.map((message) => send(ctx, message, recipients.find((r) => r.messageId === message.id))));
  const rows = outgoing.map((message, i) => ({ id: message.id, ...outcomes[i]! }));
  const updated = await ctx.db
    .update(messages)
    .set({
      deliveryStatus: sql`v."deliveryStatus"`,
      deliveryError: sql`v."deliveryError"`,
      providerMessageId: sql`v."providerMessageId"`,
      nextDeliveryAt: sql`v."nextDeliveryAt"`,
      deliveryAttempts: sql`v."deliveryAttempts"`,
    })
    .from(
      sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, "deliveryStatus" delivery_status, "deliveryError" text, "providerMessageId" text, "nextDeliveryAt" timestamptz, "deliveryAttempts" integer)`,
    )
    .where(sql`${messages.id} = v.id`)
    .returning(getTableColumns(messages));
  const byId = new Map(updated.map((message) => [message.id, message]));
  for (const message of outgoing) ctx.domainEvents.emit({ name: 'message.updated', payload: { message: byId.get(message.id)! } });
  return outgoing.map((message) => byId.get(message.id)!);
}

async function send(ctx: Ctx, message: Message, recipient: { kind: SenderIdentity['kind']; value: string; optedOutAt: Date | null; caseNumber: string | null } | undefined): Promise<Outcome> {
  const sender = senderFor(ctx.channels, message.channel);
  const deliveryAttempts = message.deliveryAttempts + 1;
  try {
    if (!sender) throw new Undeliverable(`no sender is configured for the ${message.channel} channel`);
    const { caseNumber, optedOutAt, ...to } = recipient!;
    if (optedOutAt) throw new Undeliverable('the citizen opted out of messages on this channel (STOP / 退订)');
    const result = await sender.send({ channel: message.channel, to, text: message.text, messageId: message.id, caseNumber: caseNumber ?? undefined });
    return { deliveryStatus: 'sent', deliveryError: null, providerMessageId: result.providerMessageId ?? null, nextDeliveryAt: null, deliveryAttempts };
  } catch (error) {
    return {
      deliveryStatus: 'failed',
      deliveryError: error instanceof Error ? error.message : String(error),
      providerMessageId: null,
      nextDeliveryAt: mayRecover(error) ? nextDeliveryAfter(deliveryAttempts, new Date()) : null,
      deliveryAttempts,
    };
  }
}
