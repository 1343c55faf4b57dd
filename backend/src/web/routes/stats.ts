import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses } from '../http/index.ts';
import { requireRole } from '../http/index.ts';
import { QUEUE_ROLES } from '../../identity/auth/index.ts';
import type { Role } from '../../identity/auth/index.ts';
import { actorOf } from '../http/index.ts';
import { hotReportSchema } from '../../reporting/stats/index.ts';
import { hotReport } from '../../reporting/stats/index.ts';
import { wallSnapshot } from '../../reporting/stats/index.ts';
import { wallCharts } from '../../reporting/stats/index.ts';
import { wallChartsSchema, wallSnapshotSchema } from '../../reporting/stats/index.ts';

/** Who watches the supervisor wall: it shows every agent's work, so agents do not. */
export const WALL_ROLES: Role[] = ['supervisor', 'admin'];

const hotRoute = createRoute({
  method: 'get',
  path: '/api/stats/hot',
  tags: ['stats'],
  summary: 'Hot words and hot issues (热词, 热点问题) today or this week, for the district or one street',
  middleware: [requireRole(...QUEUE_ROLES)],
  request: {
    query: z.object({
      period: z.enum(['day', 'week']).default('day'),
      streetCode: z
        .string()
        .regex(/^[A-Z0-9-]+$/, 'a street code such as QH-01')
        .optional(),
    }),
  },
  responses: { 200: { description: 'The report', content: { 'application/json': { schema: hotReportSchema } } }, ...errorResponses(400, 401, 403) },
});

const wallRoute = createRoute({
  method: 'get',
  path: '/api/stats/wall',
  tags: ['stats'],
  summary: 'The supervisor wall now: per channel waiting, in progress, service level and abandoned calls today; agents; warnings (待受理预警)',
  description: 'Also pushed as `wall:updated` over socket.io to supervisors and admins, at most every 2 s while anything changes.',
  middleware: [requireRole(...WALL_ROLES)],
  responses: { 200: { description: 'The wall', content: { 'application/json': { schema: wallSnapshotSchema } } }, ...errorResponses(401, 403) },
});

const chartsRoute = createRoute({
  method: 'get',
  path: '/api/stats/charts',
  tags: ['stats'],
  summary: "Today's intake per hour and channel, category mix, and appeals per grid (heat map)",
  middleware: [requireRole(...WALL_ROLES)],
  responses: { 200: { description: 'The charts', content: { 'application/json': { schema: wallChartsSchema } } }, ...errorResponses(401, 403) },
});

export function statsRoutes() {
  return createRouter()
    .openapi(hotRoute, async (c) => {
      const ctx = actorOf(c);
      // Hot analysis reads places with the same locator as triage: the territory served.
      return c.json(await hotReport({ ctx: { ...ctx, locator: ctx.triage.analyzer.locator }, input: c.req.valid('query') }), 200);
    })
    .openapi(wallRoute, async (c) => c.json(await wallSnapshot({ ctx: actorOf(c) }), 200))
    .openapi(chartsRoute, async (c) => c.json(await wallCharts({ ctx: actorOf(c) }), 200));
}
