import { type SQL, and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.ts';
import { cannedReplies, knowledgeArticles } from './schema.ts';
import type { CannedReply, KnowledgeArticle } from './views.ts';

/** The canned replies in their configured order. */
export async function listCannedReplies({ ctx }: { ctx: { db: DbOrTx } }): Promise<CannedReply[]> {
  return ctx.db
    .select({ id: cannedReplies.id, title: cannedReplies.title, text: cannedReplies.text })
    .from(cannedReplies)
    .orderBy(asc(cannedReplies.sortOrder), asc(cannedReplies.createdAt));
}

/** `%`, `_` and `\` are LIKE wildcards: a citizen's "100%" is searched as typed. */
const likeTerm = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Searches the knowledge base: every word of `q` (split on spaces) must appear, case-insensitive,
 * in the title, body or keywords; title matches rank first, then the newest. An empty `q` lists
 * the newest. ILIKE works the same on PGlite and PostgreSQL, and a few hundred articles need no index.
 */
export async function searchKnowledge({
  ctx,
  input,
}: {
  ctx: { db: DbOrTx };
  input: { q?: string; categoryCode?: string; limit: number };
}): Promise<KnowledgeArticle[]> {
  const terms = (input.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
  const conditions: (SQL | undefined)[] = terms.map((term) => {
    const like = likeTerm(term);
    return or(ilike(knowledgeArticles.title, like), ilike(knowledgeArticles.body, like), ilike(knowledgeArticles.keywords, like));
  });
  if (input.categoryCode) conditions.push(eq(knowledgeArticles.categoryCode, input.categoryCode));
  // More words found in the title ranks first; without words there is nothing to rank by.
  const titleHits = terms.length
    ? [
        desc(
          sql`(${sql.join(
            terms.map((t) => sql`(${knowledgeArticles.title} ilike ${likeTerm(t)})::int`),
            sql` + `,
          )})`,
        ),
      ]
    : [];
  return ctx.db
    .select({
      id: knowledgeArticles.id,
      title: knowledgeArticles.title,
      body: knowledgeArticles.body,
      categoryCode: knowledgeArticles.categoryCode,
      keywords: knowledgeArticles.keywords,
    })
    .from(knowledgeArticles)
    .where(and(...conditions))
    .orderBy(...titleHits, desc(knowledgeArticles.createdAt), asc(knowledgeArticles.title))
    .limit(input.limit);
}
