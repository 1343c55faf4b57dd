import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../../platform/db/index.ts';
import { departments } from '../../reference/departments/index.ts';
import { eventSteps, events } from '../../linkage/index.ts';

/**
 * A department that runs its own case system with an Open311 endpoint: events dispatched to it are
 * filed there as service requests, and its update feed is read back into the events' steps.
 */
export const departmentOpen311 = pgTable('department_open311', {
  departmentCode: text('department_code')
    .primaryKey()
    .references(() => departments.code),
  enabled: boolean('enabled').notNull().default(true),
  /** The GeoReport v2 endpoint, e.g. `https://cases.water.example.gov/open311/v2`. */
  baseUrl: text('base_url').notNull(),
  apiKey: text('api_key').notNull(),
  jurisdictionId: text('jurisdiction_id'),
  /** Our category code → its service code; a category not listed is sent under its own code. */
  serviceCodes: jsonb('service_codes').$type<Record<string, string>>().notNull().default({}),
  pollIntervalSeconds: integer('poll_interval_seconds').notNull().default(300),
  /** The feed is read from here on (the newest `updated_datetime` seen), and `Last-Modified` is sent back as `If-Modified-Since`. */
  pollCursor: timestamp('poll_cursor', { withTimezone: true }),
  lastModified: text('last_modified'),
  lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
  lastPollError: text('last_poll_error'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type DepartmentOpen311 = typeof departmentOpen311.$inferSelect;

/** One dispatch step sent to a department's system: once per step, and the id its system gave the request. */
export const open311Dispatches = pgTable(
  'open311_dispatches',
  {
    stepId: uuid('step_id')
      .primaryKey()
      .references(() => eventSteps.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    /** The outbox item that posts it. */
    outboxId: uuid('outbox_id').notNull(),
    serviceRequestId: text('service_request_id'),
    createdAt: createdAt(),
  },
  (t) => [index('open311_dispatches_request_idx').on(t.departmentCode, t.serviceRequestId), index('open311_dispatches_event_idx').on(t.eventId)],
);

/** The updates read from a department's feed, once each. */
export const open311ReceivedUpdates = pgTable(
  'open311_received_updates',
  {
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    updateId: text('update_id').notNull(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    /** The step it became; null when it moved nothing (a note while handling, an event since re-dispatched). */
    stepId: uuid('step_id').references(() => eventSteps.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.departmentCode, t.updateId] })],
);
