import {
  type AnyPgColumn,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ClassificationRecord } from './classification-record.ts';
import { sql } from 'drizzle-orm';
import { createdAt } from '../platform/db/index.ts';
import { contacts } from '../identity/contacts/index.ts';
import { channelEnum, conversations } from '../messaging/index.ts';
import { users } from '../identity/auth/index.ts';

/** `answered`: a consultation answered directly by the agent and closed (直接答复). */
export const appealStatuses = ['pending', 'accepted', 'rejected', 'merged', 'answered'] as const;
export type AppealStatus = (typeof appealStatuses)[number];
export const appealStatusEnum = pgEnum('appeal_status', appealStatuses);

/** 咨询 求助 投诉 举报 建议 表扬 */
export const appealTypes = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export const appealTypeEnum = pgEnum('appeal_type', appealTypes);

export const urgencies = ['normal', 'urgent', 'emergency'] as const;
export const urgencyEnum = pgEnum('urgency', urgencies);

/** A clue or appeal (线索/诉求) waiting in, or decided by, the pre-acceptance queue (预受理). */
export const appeals = pgTable(
  'appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseNumber: text('case_number').notNull().unique(),
    status: appealStatusEnum('status').notNull().default('pending'),
    channel: channelEnum('channel').notNull(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    /** The citizen's first words, shown in the queue. */
    summary: text('summary').notNull(),
    appealType: appealTypeEnum('appeal_type'),
    /** 举报人保密 marked by hand (a 举报 is confidential by its type): departments read the text masked. */
    confidential: boolean('confidential').notNull().default(false),
    categoryCode: text('category_code'),
    urgency: urgencyEnum('urgency').notNull().default('normal'),
    classificationConfidence: real('classification_confidence'),
    /** NLP's full result (model version, alternatives, evidence); null until processed. */
    classification: jsonb('classification').$type<ClassificationRecord>(),
    /** When NLP processed the appeal; null means a restart must still process it. */
    nlpProcessedAt: timestamp('nlp_processed_at', { withTimezone: true }),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    gridCode: text('grid_code'),
    duplicateOfId: uuid('duplicate_of_id').references((): AnyPgColumn => appeals.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    /** When the current assignee got it (routing, pick, transfer): handling time counts from here. */
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    /** The first reply by staff: the service level counts answers within the target time. */
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    /** 不予受理 reason, told to the citizen. */
    rejectReason: text('reject_reason'),
    messageCount: integer('message_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** 回访: when the citizen was asked to rate the closed event, their 1–5 rating, and how it came (sms, wechat, web, phone). */
    surveyAskedAt: timestamp('survey_asked_at', { withTimezone: true }),
    satisfaction: smallint('satisfaction'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    ratedVia: text('rated_via'),
  },
  (t) => [
    index('appeals_status_created_idx').on(t.status, t.createdAt),
    index('appeals_contact_idx').on(t.contactId),
    index('appeals_grid_idx').on(t.gridCode),
    // The citizens behind an event are its appeal and those merged into it (notices, 回访, assessment).
    index('appeals_duplicate_of_idx')
      .on(t.duplicateOfId)
      .where(sql`${t.duplicateOfId} is not null`),
    index('appeals_nlp_backlog_idx')
      .on(t.createdAt)
      .where(sql`${t.nlpProcessedAt} is null`),
  ],
);

/** One row per day: `INSERT … ON CONFLICT DO UPDATE` on it hands out the daily sequence under a row lock. */
export const caseNumberCounters = pgTable('case_number_counters', {
  day: text('day').primaryKey(),
  lastValue: integer('last_value').notNull(),
});

export type Appeal = typeof appeals.$inferSelect;

/** Private notes on an appeal: for colleagues only, never sent to the citizen. */
export const appealNotes = pgTable(
  'appeal_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => appeals.id),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('appeal_notes_appeal_idx').on(t.appealId, t.createdAt)],
);

export type AppealNote = typeof appealNotes.$inferSelect;

/**
 * A possible duplicate of an appeal, found by the dedup index: `attach` when the match was
 * certain (the appeal was merged automatically), `suggest` when an agent should look.
 */
export const duplicateSuggestions = pgTable(
  'duplicate_suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => appeals.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => appeals.id),
    score: real('score').notNull(),
    decision: text('decision', { enum: ['attach', 'suggest'] }).notNull(),
    /** Shared words, distance, time apart, text similarity: why the two look alike. */
    evidence: jsonb('evidence').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('duplicate_suggestions_pair_key').on(t.appealId, t.candidateId), index('duplicate_suggestions_candidate_idx').on(t.candidateId)],
);
