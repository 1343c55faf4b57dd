import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt } from '../platform/db/index.ts';
import { appeals, urgencyEnum } from '../appeals/index.ts';
import { users } from '../identity/auth/index.ts';
import { departments } from '../reference/departments/index.ts';

/**
 * The closed loop's states (see lifecycle.ts for the transitions):
 * dispatched 待签收 → handling 处置中 → reported 待核查 → closed 已结案; returned 已退回 waits for
 * the center to re-dispatch; cancelled 已撤销 ends it without a result.
 */
export const eventStatuses = ['dispatched', 'handling', 'reported', 'returned', 'closed', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];
export const eventStatusEnum = pgEnum('event_status', eventStatuses);

/**
 * 事件: an accepted appeal as the matter departments handle, with its responsible unit and
 * time limits (时限). It keeps the appeal's case number, which the citizen already has.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseNumber: text('case_number').notNull().unique(),
    appealId: uuid('appeal_id')
      .notNull()
      .unique()
      .references(() => appeals.id),
    status: eventStatusEnum('status').notNull().default('dispatched'),
    categoryCode: text('category_code').notNull(),
    urgency: urgencyEnum('urgency').notNull(),
    address: text('address'),
    gridCode: text('grid_code'),
    leadDepartmentCode: text('lead_department_code')
      .notNull()
      .references(() => departments.code),
    coDepartmentCodes: text('co_department_codes').array().notNull().default([]),
    /** When the current lead department got it (first dispatch, re-dispatch, reopen): its time limits count from here. */
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }).notNull().defaultNow(),
    /** 签收时限: the lead department must sign for it by then. */
    signDueAt: timestamp('sign_due_at', { withTimezone: true }).notNull(),
    /** 办结时限: handled and reported by then. */
    timeLimitAt: timestamp('time_limit_at', { withTimezone: true }).notNull(),
    /** The yellow warning (临期) is due from here: a share of the time limit has passed. */
    warnAt: timestamp('warn_at', { withTimezone: true }).notNull(),
    /** Each warning is raised once per time limit (an extension or re-dispatch clears them): the scheduler sets these atomically. */
    signOverdueRaisedAt: timestamp('sign_overdue_raised_at', { withTimezone: true }),
    yellowRaisedAt: timestamp('yellow_raised_at', { withTimezone: true }),
    redRaisedAt: timestamp('red_raised_at', { withTimezone: true }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    /** The department's last report (处置结果), told to the citizens at closure. */
    result: text('result'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** 催办 count; 督办 marks the event as supervised by the center's leadership. */
    urgeCount: integer('urge_count').notNull().default(0),
    supervisedAt: timestamp('supervised_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('events_status_idx').on(t.status, t.timeLimitAt),
    index('events_department_idx').on(t.leadDepartmentCode, t.status),
    index('events_created_idx').on(t.createdAt),
  ],
);

export type Event = typeof events.$inferSelect;

/** Every step of an event's life, one row each: the timeline, the assessment's source, and an outbox for citizens and webhooks. */
export const eventActions = [
  'dispatch',
  'sign',
  'report',
  'request_extension',
  'approve_extension',
  'deny_extension',
  'return',
  'redispatch',
  'verify_pass',
  'verify_fail',
  'urge',
  'supervise',
  'cancel',
  'reopen',
  'warn',
  'callback',
] as const;
export type EventAction = (typeof eventActions)[number];
export const eventActionEnum = pgEnum('event_action', eventActions);

export const eventSteps = pgTable(
  'event_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    action: eventActionEnum('action').notNull(),
    fromStatus: eventStatusEnum('from_status'),
    toStatus: eventStatusEnum('to_status').notNull(),
    /** The department the step concerns (the one dispatched to, signing, returning…): assessment counts by it. */
    departmentCode: text('department_code').references(() => departments.code),
    /** Null for the scheduler's own steps (warnings). */
    actorUserId: uuid('actor_user_id').references(() => users.id),
    /** The reason, result, instruction or note given with the step. */
    note: text('note'),
    /** For `warn`: sign_overdue | yellow | red. For `callback`: the appeal rated. */
    detail: text('detail'),
    /** Citizens told of this step (dispatch and closure notices); null while still owed. */
    citizensNotifiedAt: timestamp('citizens_notified_at', { withTimezone: true }),
    /** Handed to the outbound webhook queue; null while still owed. */
    webhookQueuedAt: timestamp('webhook_queued_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('event_steps_event_idx').on(t.eventId, t.createdAt),
    index('event_steps_department_idx').on(t.departmentCode, t.action, t.createdAt),
    index('event_steps_notify_idx')
      .on(t.createdAt)
      .where(sql`${t.citizensNotifiedAt} is null and ${t.action} in ('dispatch', 'verify_pass')`),
    index('event_steps_webhook_idx')
      .on(t.createdAt)
      .where(sql`${t.webhookQueuedAt} is null`),
  ],
);

export type EventStep = typeof eventSteps.$inferSelect;

/** Photos a department reports back with (处置反馈), kept in the database like citizens' photos. */
export const eventPhotos = pgTable(
  'event_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stepId: uuid('step_id')
      .notNull()
      .references(() => eventSteps.id),
    contentType: text('content_type').notNull(),
    fileName: text('file_name'),
    byteSize: integer('byte_size').notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('event_photos_step_idx').on(t.stepId)],
);

export const extensionStatusEnum = pgEnum('extension_status', ['pending', 'approved', 'denied']);

/** 延期申请: a department asks for more time; the center approves (the time limit moves) or denies. */
export const eventExtensions = pgTable(
  'event_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    requestedByUserId: uuid('requested_by_user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    requestedTimeLimitAt: timestamp('requested_time_limit_at', { withTimezone: true }).notNull(),
    status: extensionStatusEnum('status').notNull().default('pending'),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('event_extensions_one_pending_idx')
      .on(t.eventId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export type EventExtension = typeof eventExtensions.$inferSelect;

export const timeLimitUnitEnum = pgEnum('time_limit_unit', ['hours', 'working_days']);

/**
 * 时限 rules: per category (or `*` for any) and urgency, separate limits for sign-for and
 * completion, in clock hours or working days (the Chinese holiday calendar).
 */
export const timeLimitRules = pgTable(
  'time_limit_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryCode: text('category_code').notNull().default('*'),
    urgency: urgencyEnum('urgency').notNull(),
    signForAmount: smallint('sign_for_amount').notNull(),
    signForUnit: timeLimitUnitEnum('sign_for_unit').notNull(),
    completionAmount: smallint('completion_amount').notNull(),
    completionUnit: timeLimitUnitEnum('completion_unit').notNull(),
  },
  (t) => [uniqueIndex('time_limit_rules_key').on(t.categoryCode, t.urgency)],
);

export type TimeLimitRule = typeof timeLimitRules.$inferSelect;
