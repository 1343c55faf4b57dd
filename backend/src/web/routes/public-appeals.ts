import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { publicAppealSchema } from '../../followup/index.ts';
import { lookupPublicAppeal } from '../../followup/index.ts';

const lookupRoute = createRoute({
  method: 'get',
  path: '/api/public/appeals/{caseNumber}',
  tags: ['public'],
  summary: 'Progress of a case by its number (no personal data)',
  request: {
    params: z.object({ caseNumber: z.string().regex(/^\d{14,20}$/, 'a case number is 14 or more digits, e.g. 20261122000123') }),
  },
  responses: {
    200: { description: 'Status and public progress', content: { 'application/json': { schema: publicAppealSchema } } },
    ...errorResponses(400, 404),
  },
});

export function publicAppealRoutes() {
  return createRouter().openapi(lookupRoute, async (c) => c.json(await lookupPublicAppeal({ ctx: actorOf(c), input: c.req.valid('param') }), 200));
}
