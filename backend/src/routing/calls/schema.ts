import { bigserial, index, integer, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../../platform/db/index.ts';
import { contacts } from '../../identity/contacts/index.ts';
import { appeals } from '../../appeals/index.ts';

/** Twilio call statuses, as its status callbacks report them. */
export const callStatuses = ['queued', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled'] as const;
export type CallStatus = (typeof callStatuses)[number];

/**
 * One phone call to the hotline. The supervisor wall counts waiting and abandoned calls from
 * here: `queueResult = 'hangup'` is a caller who hung up before an agent answered.
 */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callSid: text('call_sid').notNull().unique(),
    fromNumber: text('from_number').notNull(),
    toNumber: text('to_number').notNull(),
    contactId: uuid('contact_id').references(() => contacts.id),
    appealId: uuid('appeal_id').references(() => appeals.id),
    status: text('status', { enum: callStatuses }).notNull(),
    /** 'report' (the caller described a problem) or 'lookup' (asked for a case's progress). */
    purpose: text('purpose', { enum: ['report', 'lookup'] }),
    speechConfidence: real('speech_confidence'),
    enqueuedAt: timestamp('enqueued_at', { withTimezone: true }),
    /** Twilio's QueueResult: bridged, hangup (abandoned), leave, queue-full, error… */
    queueResult: text('queue_result'),
    queueSeconds: integer('queue_seconds'),
    recordingSid: text('recording_sid'),
    recordingUrl: text('recording_url'),
    durationSeconds: integer('duration_seconds'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('calls_created_idx').on(t.createdAt), index('calls_appeal_idx').on(t.appealId)],
);

/** Every status callback, in order: the call's history for reports. */
export const callEvents = pgTable(
  'call_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    callSid: text('call_sid').notNull(),
    event: text('event').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('call_events_call_idx').on(t.callSid)],
);

export type Call = typeof calls.$inferSelect;
