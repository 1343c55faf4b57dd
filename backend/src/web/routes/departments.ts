import { createRoute, z } from '@hono/zod-openapi';
import { asc } from 'drizzle-orm';
import { createRouter, errorResponses } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { requireRole } from '../http/index.ts';
import { STAFF_ROLES } from '../../identity/auth/index.ts';
import type { AppCtx } from '../http/index.ts';
import { departments } from '../../reference/departments/index.ts';

/** A unit events are dispatched to: a department (职能部门) or a street sub-center (联动分中心). */
export const departmentViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(['department', 'sub_center']),
  /** For a sub-center: the street it serves. */
  streetCode: z.string().nullable(),
});
export type DepartmentView = z.infer<typeof departmentViewSchema>;

/** Departments first, then sub-centers, each by code. */
export function listDepartments({ ctx }: { ctx: AppCtx }): Promise<DepartmentView[]> {
  return ctx.db
    .select({ code: departments.code, name: departments.name, nameEn: departments.nameEn, kind: departments.kind, streetCode: departments.streetCode })
    .from(departments)
    .orderBy(asc(departments.kind), asc(departments.code));
}

const listRoute = createRoute({
  method: 'get',
  path: '/api/departments',
  tags: ['departments'],
  summary: 'Departments and street sub-centers, for the event form (lead and co-departments)',
  middleware: [requireRole(...STAFF_ROLES)],
  responses: {
    200: { description: 'Departments', content: { 'application/json': { schema: z.object({ departments: z.array(departmentViewSchema) }) } } },
    ...errorResponses(401, 403),
  },
});

export function departmentRoutes() {
  return createRouter().openapi(listRoute, async (c) => c.json({ departments: await listDepartments({ ctx: actorOf(c) }) }, 200));
}
