import { z } from 'zod';

/** A ready answer an agent inserts into a reply (常用语). */
export const cannedReplySchema = z.object({ id: z.uuid(), title: z.string(), text: z.string() });
export type CannedReply = z.infer<typeof cannedReplySchema>;

/** An article of the knowledge base agents answer consultations from (知识库). */
export const knowledgeArticleSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  categoryCode: z.string().nullable(),
  keywords: z.string(),
});
export type KnowledgeArticle = z.infer<typeof knowledgeArticleSchema>;
