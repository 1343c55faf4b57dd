import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Once-only values of signed webhooks (WeChat's timestamp and nonce), remembered until the
 * signature they came with has gone stale, so a captured request cannot be sent again. Shared by
 * every instance on one database; rows past `expires_at` are deleted as new ones arrive, so the
 * table holds only the last few minutes of pushes.
 */
export const webhookNonces = pgTable(
  'webhook_nonces',
  {
    /** Whose nonce it is: `wechat`. */
    source: text('source').notNull(),
    /** The once-only value as the source signs it, e.g. WeChat's `<timestamp>:<nonce>`. */
    nonce: text('nonce').notNull(),
    /** After this the source's freshness check refuses the request anyway, so the row may go. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.nonce] }), index('webhook_nonces_expires_idx').on(t.expiresAt)],
);
