import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../../platform/db/index.ts';

/** Ready answers an agent inserts into a reply (常用语). */
export const cannedReplies = pgTable('canned_replies', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  text: text('text').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: createdAt(),
});

/** The knowledge base agents search to answer consultations (知识库). */
export const knowledgeArticles = pgTable('knowledge_articles', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  /** A matter category code, when the article answers one category's questions. */
  categoryCode: text('category_code'),
  keywords: text('keywords').notNull().default(''),
  createdAt: createdAt(),
});
