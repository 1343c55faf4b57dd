import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { channels } from '@hotline/channels';
import { bytea, createdAt } from '../platform/db/index.ts';
import { contactIdentities, contacts } from '../identity/contacts/index.ts';
import { users } from '../identity/auth/index.ts';

/** The four ways a citizen reaches the hotline. */
export const channelEnum = pgEnum('channel', channels);

export const conversationStatusEnum = pgEnum('conversation_status', ['open', 'closed']);

/** One thread per contact per channel; at most one is open at a time. */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    channel: channelEnum('channel').notNull(),
    status: conversationStatusEnum('status').notNull().default('open'),
    /** The identity the citizen last wrote from: replies go back to it (their phone, openid or web session). */
    identityId: uuid('identity_id')
      .notNull()
      .references(() => contactIdentities.id),
    /** The appeal that follow-up messages in this conversation add to. */
    currentAppealId: uuid('current_appeal_id'),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    // At most one open conversation per contact and channel, even under concurrent first messages.
    uniqueIndex('conversations_one_open_idx')
      .on(t.contactId, t.channel)
      .where(sql`${t.status} = 'open'`),
  ],
);

export const directionEnum = pgEnum('message_direction', ['in', 'out']);
/** Outbound delivery, as far as the provider reports it (Twilio: queued → sent → delivered | undelivered | failed). */
export const deliveryStatuses = ['pending', 'queued', 'sent', 'delivered', 'undelivered', 'failed'] as const;
export const deliveryStatusEnum = pgEnum('delivery_status', deliveryStatuses);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    appealId: uuid('appeal_id'),
    channel: channelEnum('channel').notNull(),
    direction: directionEnum('direction').notNull(),
    /** The staff member who wrote an outbound message; null for the citizen's own and for system messages. */
    authorUserId: uuid('author_user_id').references(() => users.id),
    text: text('text').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    locationLabel: text('location_label'),
    /** The provider's id for this message: a retried webhook carries the same one and stores nothing new. */
    providerMessageId: text('provider_message_id'),
    deliveryStatus: deliveryStatusEnum('delivery_status'),
    deliveryError: text('delivery_error'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('messages_channel_provider_id_key').on(t.channel, t.providerMessageId),
    index('messages_conversation_idx').on(t.conversationId, t.createdAt),
    index('messages_appeal_idx').on(t.appealId, t.createdAt),
  ],
);

/** Photos and other media. Kept in the database so every instance can serve them and nothing depends on a local disk. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id),
    contentType: text('content_type').notNull(),
    fileName: text('file_name'),
    byteSize: integer('byte_size'),
    /** The provider's URL when the media stays with the provider (e.g. Twilio MMS). */
    url: text('url'),
    data: bytea('data'),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_message_idx').on(t.messageId)],
);

export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
