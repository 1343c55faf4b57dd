import { index, jsonb, pgTable, real, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../platform/db/index.ts';
import { appeals } from '../appeals/schema.ts';
import { users } from '../identity/auth/schema.ts';

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
