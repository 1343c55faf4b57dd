import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../db/columns.ts';
import { appeals, urgencyEnum } from '../appeals/schema.ts';
import { users } from '../auth/schema.ts';
import { departments } from '../departments/schema.ts';

/** The closed loop's steps; the linkage-center issue adds the transitions between them. */
export const eventStatuses = ['dispatched', 'signed', 'handling', 'reported', 'closed', 'returned', 'cancelled'] as const;
export const eventStatusEnum = pgEnum('event_status', eventStatuses);

/**
 * 事件: an accepted appeal as the matter departments handle, with its responsible unit and
 * time limit (时限). It keeps the appeal's case number, which the citizen already has.
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
    timeLimitAt: timestamp('time_limit_at', { withTimezone: true }).notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_status_idx').on(t.status, t.timeLimitAt), index('events_department_idx').on(t.leadDepartmentCode, t.status)],
);

export type Event = typeof events.$inferSelect;
