import { eq } from 'drizzle-orm';
import { type InboundMessageInput, storedInboundSchema } from '@hotline/channels';
import type { Ctx } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import { notFound } from '../platform/errors/index.ts';
import { findStoredInbound, storeInboundMessages } from '../messaging/index.ts';
import { type IntakeResult, addMessageToAppeal } from './receive-inbound.ts';
import { appeals } from './schema.ts';

/**
 * A citizen's follow-up to one named case (an Open311 client's `POST servicerequestupdates`),
 * filed into that appeal's conversation whatever the conversation's current appeal is. Once per
 * (channel, provider message id): a retry is answered with the message stored the first time.
 */
export async function receiveFollowUp({ ctx, input }: { ctx: Ctx; input: { appealId: string; inbound: InboundMessageInput } }): Promise<IntakeResult> {
  const inbound = storedInboundSchema.parse(input.inbound);
  return transact(ctx, async (tx, publish) => {
    const [appeal] = await tx.db.select().from(appeals).where(eq(appeals.id, input.appealId)).for('update');
    if (!appeal) throw notFound('Appeal');
    const [message] = await storeInboundMessages(tx.db, [{ conversationId: appeal.conversationId, appealId: appeal.id, inbound }]);
    if (!message) {
      const [stored] = await findStoredInbound(tx.db, [inbound]);
      return { appeal, message: stored!, replayed: true, senderOptedOut: false };
    }
    const updated = await addMessageToAppeal(tx, appeal, inbound);
    publish({ name: 'appeal.updated', payload: { appeal: updated, change: 'message' } });
    publish({ name: 'message.created', payload: { message } });
    return { appeal: updated, message, replayed: false, senderOptedOut: false };
  });
}
