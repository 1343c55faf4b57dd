import { eq, inArray, sql } from 'drizzle-orm';
import type { Channel } from '@hotline/channels';
import type { Ctx, TxCtx } from '../identity/auth/index.ts';
import { type PlatformDeps, actorId } from '../platform/context/index.ts';
import type { DomainEvent } from '../platform/domain-events/index.ts';
import { recordAudits } from '../platform/audit/index.ts';
import { records } from '../platform/db/index.ts';
import { type DeliveryOutcome, type OutboxHandler, type OutboxItem, dispatchOutbox, enqueueOutbox } from '../platform/outbox/index.ts';
import { type IdentityKind, contactIdentities } from '../identity/contacts/index.ts';
import { UNDELIVERABLE } from './delivery-problem.ts';
import { type Message, conversations, messages } from './schema.ts';

/** The case a message to a citizen is about: its conversation, channel and case number (an appeal is one). */
export interface CaseRef {
  id: string;
  conversationId: string;
  channel: Channel;
  caseNumber: string;
}

export const CITIZEN_MESSAGE = 'citizen-message';

/**
 * Stores an outbound message on the case's conversation, inside the caller's transaction, with its
 * outbox item. It is handed to the channel only after commit (`deliver`), so nothing is sent that
 * was not saved, and a crash before sending leaves it for the outbox's sweep.
 */
export async function storeOutbound(tx: TxCtx, publish: (e: DomainEvent) => void, about: CaseRef, text: string): Promise<Message> {
  const [message] = await storeOutbounds(tx, publish, [{ about, text }]);
  return message!;
}

/** Several outbound messages (one per case) in one insert, one outbox insert and one audit statement. */
export async function storeOutbounds(tx: TxCtx, publish: (e: DomainEvent) => void, outgoing: { about: CaseRef; text: string }[]): Promise<Message[]> {
  if (!outgoing.length) return [];
  const authorUserId = tx.actor.type === 'user' ? tx.actor.user.id : null;
  const stored = await tx.db
    .insert(messages)
    .select(
      records(
        messages,
        outgoing.map(({ about, text }) => ({
          conversationId: about.conversationId,
          appealId: about.id,
          channel: about.channel,
          direction: 'out' as const,
          authorUserId,
          text,
          deliveryStatus: 'pending' as const,
        })),
      ),
    )
    .returning();
  const byCase = new Map(stored.map((message) => [message.appealId, message]));
  const messageOf = (about: CaseRef) => byCase.get(about.id)!;
  // The case number travels with the item: the web chat shows it, and messaging knows no appeals.
  await enqueueOutbox(
    tx.db,
    outgoing.map(({ about }) => ({
      kind: CITIZEN_MESSAGE,
      topic: about.channel,
      target: about.channel,
      subjectId: messageOf(about).id,
      payload: { caseNumber: about.caseNumber },
    })),
  );
  await recordAudits(
    tx.db,
    outgoing.map(({ about }) => ({
      actor: tx.actor,
      action: 'message.sent',
      entityType: 'appeal',
      entityId: about.id,
      after: { messageId: messageOf(about).id, by: actorId(tx.actor) },
    })),
  );
  for (const { about } of outgoing) publish({ name: 'message.created', payload: { message: messageOf(about) } });
  return outgoing.map(({ about }) => messageOf(about));
}

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

type Recipient = { kind: IdentityKind; value: string; optedOutAt: Date | null };

async function send(deps: PlatformDeps, message: Message, recipient: Recipient | undefined, caseNumber: string | undefined) {
  try {
    const sender = deps.channels[message.channel];
    if (!sender) throw new Undeliverable(UNDELIVERABLE.noChannel(message.channel));
    if (!recipient) throw new Undeliverable(UNDELIVERABLE.noRecipient);
    if (recipient.optedOutAt) throw new Undeliverable(UNDELIVERABLE.optedOut);
    const result = await sender.send({
      channel: message.channel,
      to: { kind: recipient.kind, value: recipient.value },
      text: message.text,
      messageId: message.id,
      caseNumber,
    });
    return {
      row: { id: message.id, deliveryStatus: 'sent', deliveryError: null, providerMessageId: result.providerMessageId ?? null },
      outcome: { ok: true } as DeliveryOutcome,
    };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const status = (error as { status?: unknown }).status;
    const outcome: DeliveryOutcome = { ok: false, error: text, statusCode: typeof status === 'number' ? status : null, final: !mayRecover(error) };
    return { row: { id: message.id, deliveryStatus: 'failed', deliveryError: text, providerMessageId: null }, outcome };
  }
}

/**
 * The outbox's handler for messages to citizens: recipients in one query, sends side by side, each
 * message's delivery state (`sent`, or `failed` with the reason, never dropped silently) in one update.
 */
export const citizenMessages: OutboxHandler = {
  kind: CITIZEN_MESSAGE,
  async deliver(deps, items: OutboxItem[]) {
    const ids = items.map((item) => item.subjectId!);
    const rows = await deps.db
      .select({ message: messages, kind: contactIdentities.kind, value: contactIdentities.value, optedOutAt: contactIdentities.optedOutAt })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .leftJoin(contactIdentities, eq(contactIdentities.id, conversations.identityId))
      .where(inArray(messages.id, ids));
    const sent = await Promise.all(
      items.map((item) => {
        const row = rows.find((r) => r.message.id === item.subjectId)!;
        const recipient = row.kind && row.value ? { kind: row.kind, value: row.value, optedOutAt: row.optedOutAt } : undefined;
        return send(deps, row.message, recipient, (item.payload as { caseNumber?: string }).caseNumber);
      }),
    );
    await deps.db
      .update(messages)
      .set({ deliveryStatus: sql`v."deliveryStatus"`, deliveryError: sql`v."deliveryError"`, providerMessageId: sql`v."providerMessageId"` })
      .from(
        sql`jsonb_to_recordset(${JSON.stringify(sent.map((s) => s.row))}::jsonb) as v(id uuid, "deliveryStatus" delivery_status, "deliveryError" text, "providerMessageId" text)`,
      )
      .where(sql`${messages.id} = v.id`);
    return sent.map((s) => s.outcome);
  },
  // Pushed once the outbox has recorded the attempt, so a failure's view carries its next retry time.
  recorded(deps, items) {
    for (const item of items) deps.domainEvents.emit({ name: 'message.updated', payload: { message: { id: item.subjectId! } } });
  },
};

/** Sends stored messages now, as their transaction has committed; what fails and may pass is retried by the outbox. */
export async function deliverAll(ctx: Ctx, outgoing: Message[]): Promise<void> {
  await dispatchOutbox(ctx, [citizenMessages], { subjectIds: outgoing.map((m) => m.id) });
}

/** One message, sent now; answers it as it stands after the attempt. */
export async function deliver(ctx: Ctx, message: Message): Promise<Message> {
  await deliverAll(ctx, [message]);
  const [after] = await ctx.db.select().from(messages).where(eq(messages.id, message.id));
  return after!;
}
