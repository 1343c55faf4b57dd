import { index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../../platform/db/index.ts';
import { users } from '../../identity/auth/index.ts';

/**
 * A user's saved 综合查询 (我的超期, 本月不满意…): a name and the search's query string, the same one
 * the screen's URL carries, so a saved search opens as a link anyone may be sent.
 */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    query: text('query').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('saved_searches_user_name_key').on(t.userId, t.name), index('saved_searches_user_idx').on(t.userId)],
);

export type SavedSearch = typeof savedSearches.$inferSelect;
