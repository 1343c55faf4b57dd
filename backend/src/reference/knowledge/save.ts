import type { Db } from '../../platform/db/index.ts';
import { cannedReplies, knowledgeArticles } from './schema.ts';

/**
 * Canned replies and knowledge articles, each written into an empty table only (a deployment's own
 * texts are never touched). Idempotent: safe on every start.
 */
export async function addKnowledgeIfEmpty(
  db: Db,
  input: { cannedReplies: Omit<typeof cannedReplies.$inferInsert, 'sortOrder'>[]; articles: (typeof knowledgeArticles.$inferInsert)[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    if ((await tx.$count(cannedReplies)) === 0) await tx.insert(cannedReplies).values(input.cannedReplies.map((r, i) => ({ ...r, sortOrder: i })));
    if ((await tx.$count(knowledgeArticles)) === 0) await tx.insert(knowledgeArticles).values(input.articles);
  });
}
