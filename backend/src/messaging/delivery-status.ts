import { and, eq } from 'drizzle-orm';
import type { Channel } from '@hotline/channels';
import type { Ctx } from '../identity/auth/index.ts';
import { notFound } from '../platform/errors/index.ts';
import { type Message, messages } from './schema.ts';

type DeliveryStatus = NonNullable<Message['deliveryStatus']>;

/** How far along a message is; callbacks can arrive out of order, and a state never goes back. */
const progress: Record<DeliveryStatus, number> = { pending: 0, queued: 1, sent: 2, delivered: 3, undelivered: 3, failed: 3 };

/** A provider's delivery report for one of our outbound messages, found by the provider's message id. */
export async function recordDeliveryStatus({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { channels: Channel[]; providerMessageId: string; status: DeliveryStatus; error?: string };
}): Promise<Message> {
  const updated = await ctx.db.transaction(async (tx) => {
    const [message] = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.providerMessageId, input.providerMessageId), eq(messages.direction, 'out')))
      .for('update');
    if (!message || !input.channels.includes(message.channel)) throw notFound(`Outbound message ${input.providerMessageId}`);
    if (progress[input.status] < progress[message.deliveryStatus ?? 'pending']) return undefined;
    const [row] = await tx
      .update(messages)
      .set({ deliveryStatus: input.status, deliveryError: input.error ?? null })
      .where(eq(messages.id, message.id))
      .returning();
    return row;
  });
  if (updated) ctx.domainEvents.emit({ name: 'message.updated', payload: { message: updated } });
  return updated ?? (await ctx.db.select().from(messages).where(eq(messages.providerMessageId, input.providerMessageId)))[0]!;
}
