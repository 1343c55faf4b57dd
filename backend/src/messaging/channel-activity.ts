import { and, desc, eq, isNotNull, max } from 'drizzle-orm';
import type { Channel } from '@hotline/channels';
import type { DbOrTx } from '../platform/db/index.ts';
import { messages } from './schema.ts';

export interface ChannelActivity {
  lastInboundAt: string | null;
  lastDeliveryError: { at: string; error: string } | null;
}

/** Per channel: when a citizen's message last came in, and the last message to a citizen that failed and why. */
export async function channelActivity(db: DbOrTx): Promise<Map<Channel, ChannelActivity>> {
  const [inbound, failures] = await Promise.all([
    db
      .select({ channel: messages.channel, at: max(messages.createdAt) })
      .from(messages)
      .where(eq(messages.direction, 'in'))
      .groupBy(messages.channel),
    db
      .selectDistinctOn([messages.channel], { channel: messages.channel, at: messages.createdAt, error: messages.deliveryError })
      .from(messages)
      .where(and(eq(messages.direction, 'out'), isNotNull(messages.deliveryError)))
      .orderBy(messages.channel, desc(messages.createdAt)),
  ]);
  const activity = new Map<Channel, ChannelActivity>();
  const entry = (channel: Channel) => activity.get(channel) ?? { lastInboundAt: null, lastDeliveryError: null };
  for (const row of inbound) activity.set(row.channel, { ...entry(row.channel), lastInboundAt: row.at?.toISOString() ?? null });
  for (const row of failures) activity.set(row.channel, { ...entry(row.channel), lastDeliveryError: { at: row.at.toISOString(), error: row.error! } });
  return activity;
}
