import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../db/index.ts';

export const outboxStatuses = ['pending', 'delivered', 'failed'] as const;
export const outboxStatusEnum = pgEnum('outbox_status', outboxStatuses);

/**
 * The one outbox: everything the hotline sends out (a message to a citizen, a notice to the linkage
 * platform) is a row here, written in the same transaction as the change it carries, then attempted
 * by its kind's handler and retried with one backoff policy until delivered or out of attempts.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Which handler delivers it: `citizen-message` (messaging), `linkage-webhook` or `open311-request` (interop). */
    kind: text('kind').notNull(),
    /** What it is, in the handler's words: the message's channel, the webhook's topic. */
    topic: text('topic').notNull(),
    /** What it is about: the message, or the event (事件) a notice reports. */
    subjectId: uuid('subject_id'),
    /** Where it goes: the citizen's channel, the platform's URL. */
    target: text('target').notNull(),
    payload: jsonb('payload').notNull(),
    status: outboxStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_kind_created_idx').on(t.kind, t.createdAt),
    index('outbox_subject_idx').on(t.subjectId),
  ],
);

export type OutboxItem = typeof outbox.$inferSelect;
export type OutboxStatus = (typeof outboxStatuses)[number];
