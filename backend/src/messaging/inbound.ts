import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import type { Channel, InboundMessage } from '@hotline/channels';
import type { DbOrTx, Tx } from '../platform/db/index.ts';
import { records } from '../platform/db/index.ts';
import { type Message, attachments, conversations, messages } from './schema.ts';

/** A contact's open conversation on a channel, as intake needs it. */
export interface OpenConversation {
  id: string;
  contactId: string;
  channel: Channel;
  identityId: string;
  /** The appeal that follow-up messages in this conversation add to. */
  currentAppealId: string | null;
}

const openConversationsSchema = z.object({
  rows: z.array(z.object({ id: z.string(), contact_id: z.string(), channel: z.string(), identity_id: z.string(), current_appeal_id: z.string().nullable() })),
});

type Wanted = { contact_id: string; channel: Channel; identity_id: string };

async function openOrLock(tx: Tx, wanted: Wanted[], open: boolean) {
  const columns = sql.raw('id, contact_id, channel, identity_id, current_appeal_id');
  const opening = open
    ? sql`, opened as (insert into ${conversations} (contact_id, channel, identity_id) select contact_id, channel, identity_id from wanted on conflict do nothing returning ${columns})`
    : sql``;
  const result = await tx.execute(sql`
    with wanted as (select * from jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as w(contact_id uuid, channel channel, identity_id uuid))${opening},
    existing as (
      select c.id, c.contact_id, c.channel, c.identity_id, c.current_appeal_id from ${conversations} c
      join wanted w on w.contact_id = c.contact_id and w.channel = c.channel
      where c.status = 'open' order by c.id for update of c)
    ${open ? sql`select ${columns} from opened union all ` : sql``}select ${columns} from existing`);
  return openConversationsSchema.parse(result).rows;
}

/**
 * Each contact's open conversation on the channel, opened when there is none, and locked (in one
 * order, against deadlocks) for the rest of the transaction so two messages arriving together
 * cannot both open a new appeal in it. One statement; a conversation a concurrent transaction
 * opened meanwhile is not in its snapshot, and is read (and locked) by a second. A conversation
 * answers to the identity the citizen last wrote from.
 */
export async function openConversations(tx: Tx, wanted: { contactId: string; channel: Channel; identityId: string }[]): Promise<OpenConversation[]> {
  const rows = wanted
    .map((w) => ({ contact_id: w.contactId, channel: w.channel, identity_id: w.identityId }))
    .sort((a, b) => (a.contact_id + a.channel < b.contact_id + b.channel ? -1 : 1));
  const open = await openOrLock(tx, rows, true);
  const has = (w: Wanted) => open.some((c) => c.contact_id === w.contact_id && c.channel === w.channel);
  const missing = rows.filter((w) => !has(w));
  if (missing.length) open.push(...(await openOrLock(tx, missing, false)));
  return Promise.all(
    wanted.map(async (w) => {
      const found = open.find((c) => c.contact_id === w.contactId && c.channel === w.channel)!;
      if (found.identity_id !== w.identityId) await tx.update(conversations).set({ identityId: w.identityId }).where(eq(conversations.id, found.id));
      return { id: found.id, contactId: found.contact_id, channel: w.channel, identityId: w.identityId, currentAppealId: found.current_appeal_id };
    }),
  );
}

/** Makes each appeal its conversation's current one: follow-up messages add to it. */
export async function setCurrentAppeals(tx: Tx, pairs: { conversationId: string; appealId: string }[]): Promise<void> {
  if (!pairs.length) return;
  const values = sql.join(
    pairs.map((p) => sql`(${p.conversationId}::uuid, ${p.appealId}::uuid)`),
    sql`, `,
  );
  await tx.execute(
    sql`update ${conversations} set current_appeal_id = v.appeal_id from (values ${values}) as v(id, appeal_id) where ${conversations.id} = v.id`,
  );
}

const messageRow = ({ conversationId, appealId, inbound }: InboundRow) => ({
  conversationId,
  appealId,
  channel: inbound.channel,
  direction: 'in' as const,
  text: inbound.text,
  latitude: inbound.location?.latitude,
  longitude: inbound.location?.longitude,
  locationLabel: inbound.location?.label,
  providerMessageId: inbound.providerMessageId,
  receivedAt: inbound.receivedAt,
});

export interface InboundRow {
  conversationId: string;
  appealId: string;
  inbound: InboundMessage;
}

/**
 * The citizens' messages with their attachments, once per (channel, provider message id): a row
 * whose copy was stored before (a provider's retry, a concurrent copy that won) gets no message.
 */
export async function storeInboundMessages(tx: Tx, rows: InboundRow[]): Promise<(Message | undefined)[]> {
  if (!rows.length) return [];
  const inserted = await tx
    .insert(messages)
    .select(records(messages, rows.map(messageRow)))
    .onConflictDoNothing()
    .returning();
  const stored = rows.map(({ inbound }) => inserted.find((m) => m.channel === inbound.channel && m.providerMessageId === inbound.providerMessageId));
  const files = rows.flatMap(({ inbound }, i) =>
    stored[i]
      ? inbound.attachments.map((file) => ({
          messageId: stored[i]!.id,
          contentType: file.contentType,
          fileName: file.fileName,
          byteSize: file.data?.length,
          url: file.url,
          data: file.data,
        }))
      : [],
  );
  if (files.length) await tx.insert(attachments).values(files);
  return stored;
}

/** Messages stored before under these provider ids (a provider's retry, or a concurrent copy that won). */
export async function findStoredInbound(db: DbOrTx, keys: Pick<InboundMessage, 'channel' | 'providerMessageId'>[]): Promise<Message[]> {
  if (!keys.length) return [];
  const pairs = sql.join(
    keys.map((k) => sql`(${k.channel}::channel, ${k.providerMessageId})`),
    sql`, `,
  );
  return db
    .select()
    .from(messages)
    .where(sql`(${messages.channel}, ${messages.providerMessageId}) in (${pairs})`);
}
