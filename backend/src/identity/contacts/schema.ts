import { check, index, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt } from '../../platform/db/index.ts';

/** A citizen (市民). One person is one contact, however many channels they use. */
export const contacts = pgTable('contacts', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name'),
  createdAt: createdAt(),
});

export const identityKinds = ['phone', 'wechat_openid', 'web_session'] as const;
export type IdentityKind = (typeof identityKinds)[number];
export const identityKindEnum = pgEnum('identity_kind', identityKinds);

/** How a contact is recognised on a channel: a phone number (SMS and voice), a WeChat openid, a web session. */
export const contactIdentities = pgTable(
  'contact_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    kind: identityKindEnum('kind').notNull(),
    value: text('value').notNull(),
    /** Set when the citizen opts out on this identity (SMS STOP / 退订): nothing more is sent to it. */
    optedOutAt: timestamp('opted_out_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [unique('contact_identities_kind_value_key').on(t.kind, t.value)],
);

/**
 * Two contacts an agent recognised as one person (the same citizen on WeChat and by phone): their
 * histories read as one. Stored once per pair, the smaller id first; unlinking deletes the row.
 */
export const contactLinks = pgTable(
  'contact_links',
  {
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    linkedContactId: uuid('linked_contact_id')
      .notNull()
      .references(() => contacts.id),
    /** The staff member who linked them (users are a sibling domain: kept as a plain id, audited). */
    linkedByUserId: uuid('linked_by_user_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('contact_links_pair_key').on(t.contactId, t.linkedContactId),
    index('contact_links_linked_idx').on(t.linkedContactId),
    check('contact_links_ordered', sql`${t.contactId} < ${t.linkedContactId}`),
  ],
);
