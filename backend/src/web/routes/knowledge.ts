import { createRoute, z } from '@hono/zod-openapi';
import { inputText } from '@hotline/channels';
import { createRouter, errorResponses } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { requireRole } from '../http/index.ts';
import { QUEUE_ROLES } from '../../identity/auth/index.ts';
import { listCannedReplies, searchKnowledge } from '../../reference/knowledge/index.ts';
import { cannedReplySchema, knowledgeArticleSchema } from '../../reference/knowledge/index.ts';

const tags = ['knowledge'];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const cannedRoute = createRoute({
  method: 'get',
  path: '/api/canned-replies',
  tags,
  summary: 'Canned replies (常用语) to insert into a reply',
  middleware: [requireRole(...QUEUE_ROLES)],
  responses: { 200: { description: 'Canned replies in order', content: json(z.object({ replies: z.array(cannedReplySchema) })) }, ...errorResponses(401, 403) },
});

const knowledgeRoute = createRoute({
  method: 'get',
  path: '/api/knowledge',
  tags,
  summary: 'Search the knowledge base (知识库) by words in title, body or keywords; no q lists the newest',
  middleware: [requireRole(...QUEUE_ROLES)],
  request: {
    query: z.object({
      q: inputText().trim().max(200).optional(),
      categoryCode: inputText().min(1).max(100).optional(),
      limit: z.coerce.number().int().min(1).max(50).default(20),
    }),
  },
  responses: {
    200: { description: 'Matching articles, best first', content: json(z.object({ articles: z.array(knowledgeArticleSchema) })) },
    ...errorResponses(400, 401, 403),
  },
});

export function knowledgeRoutes() {
  return createRouter()
    .openapi(cannedRoute, async (c) => c.json({ replies: await listCannedReplies({ ctx: actorOf(c) }) }, 200))
    .openapi(knowledgeRoute, async (c) => c.json({ articles: await searchKnowledge({ ctx: actorOf(c), input: c.req.valid('query') }) }, 200));
}
