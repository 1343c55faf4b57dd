import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../platform/db/index.ts';
import { appeals } from '../appeals/index.ts';
import { users } from '../identity/auth/index.ts';

/** An agent's correction of a classification: a labelled example the model retrains on. */
export const trainingExamples = pgTable(
  'training_examples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    text: text('text').notNull(),
    category: text('category'),
    appealType: text('appeal_type'),
    appealId: uuid('appeal_id').references(() => appeals.id),
    authorUserId: uuid('author_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('training_examples_created_idx').on(t.createdAt)],
);
