import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses } from '../http/index.ts';
import { requireRole } from '../http/index.ts';
import type { Role } from '../../identity/auth/index.ts';
import { actorOf } from '../http/index.ts';
import { assessmentReport } from '../../reporting/assessment/index.ts';
import { assessmentCsv, csvFileName } from '../../reporting/assessment/index.ts';
import { assessmentReportSchema, monthSchema } from '../../reporting/assessment/index.ts';

/** 考核 compares departments: the center's leadership reads it, not agents or the departments themselves. */
export const ASSESSMENT_ROLES: Role[] = ['supervisor', 'admin'];

const monthQuery = z.object({
  month: monthSchema.optional().openapi({ description: 'YYYY-MM; default: this month in HOTLINE_TIMEZONE', example: '2026-11' }),
});

const reportRoute = createRoute({
  method: 'get',
  path: '/api/assessment',
  tags: ['assessment'],
  summary:
    'Monthly assessment (考核) of every department and sub-center: new, sign-for, transfer, handling, closure, on-time and satisfaction rates, score and rank, with the metric definitions',
  middleware: [requireRole(...ASSESSMENT_ROLES)],
  request: { query: monthQuery },
  responses: { 200: { description: 'The month', content: { 'application/json': { schema: assessmentReportSchema } } }, ...errorResponses(400, 401, 403) },
});

const csvRoute = createRoute({
  method: 'get',
  path: '/api/assessment.csv',
  tags: ['assessment'],
  summary: 'The monthly assessment as CSV (UTF-8 with BOM, Chinese header row), one row per department',
  middleware: [requireRole(...ASSESSMENT_ROLES)],
  request: { query: monthQuery },
  responses: { 200: { description: 'The month as a spreadsheet', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(400, 401, 403) },
});

export function assessmentRoutes() {
  return createRouter()
    .openapi(reportRoute, async (c) => c.json(await assessmentReport({ ctx: actorOf(c), input: c.req.valid('query') }), 200))
    .openapi(csvRoute, async (c) => {
      const report = await assessmentReport({ ctx: actorOf(c), input: c.req.valid('query') });
      return c.body(assessmentCsv(report), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${csvFileName(report.month)}"`,
        'cache-control': 'private, no-store',
      });
    });
}
