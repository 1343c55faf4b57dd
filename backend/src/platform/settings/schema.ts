import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Runtime settings an admin changed in the console, one row per setting; a setting without a row
 * keeps its environment variable's value (the default).
 */
export const runtimeSettings = pgTable('runtime_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
