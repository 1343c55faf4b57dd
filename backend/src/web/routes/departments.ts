import { createRoute, z } from '@hono/zod-openapi';
import { asc, sql } from 'drizzle-orm';
import { createRouter, errorResponses } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { requireRole } from '../http/index.ts';
import { STAFF_ROLES } from '../../identity/auth/index.ts';
import type { AppCtx } from '../http/index.ts';
import { createDepartment, departments, updateDepartment } from '../../reference/departments/index.ts';
import { handlerCounts } from '../../identity/auth/index.ts';
import { inputText } from '@hotline/channels';

/** A unit events are dispatched to: a department (职能部门) or a street sub-center (联动分中心). */
export const departmentViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(['department', 'sub_center']),
  /** For a sub-center: the street it serves. */
  streetCode: z.string().nullable(),
  /** 撤销: kept for the names of past events, offered for no new one. */
  retired: z.boolean(),
});
export type DepartmentView = z.infer<typeof departmentViewSchema>;

/** Departments first, then sub-centers, each by code. */
export function listDepartments({ ctx }: { ctx: AppCtx }): Promise<DepartmentView[]> {
  return ctx.db
    .select({
      code: departments.code,
      name: departments.name,
      nameEn: departments.nameEn,
      kind: departments.kind,
      streetCode: departments.streetCode,
      retired: sql<boolean>`${departments.retiredAt} is not null`,
    })
    .from(departments)
    .orderBy(asc(departments.kind), asc(departments.code));
}

const listRoute = createRoute({
  method: 'get',
  path: '/api/departments',
  tags: ['departments'],
  summary: 'Departments and street sub-centers, for the event form (lead and co-departments); retired ones are marked, for the names of past events',
  middleware: [requireRole(...STAFF_ROLES)],
  responses: {
    200: { description: 'Departments', content: { 'application/json': { schema: z.object({ departments: z.array(departmentViewSchema) }) } } },
    ...errorResponses(401, 403),
  },
});

const adminDepartmentSchema = departmentViewSchema.extend({ handlers: z.number().int() }).openapi('AdminDepartment');
export type AdminDepartmentView = z.infer<typeof adminDepartmentSchema>;
const fieldsSchema = z.object({
  name: inputText().trim().min(1).max(100),
  nameEn: inputText().trim().min(1).max(200),
  kind: z.enum(['department', 'sub_center']),
  streetCode: inputText().trim().min(1).max(50).nullable().default(null),
});
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const idParam = z.object({ id: inputText().regex(/^[a-z0-9][a-z0-9-]{1,49}$/, 'must be a department code') });

const adminListRoute = createRoute({
  method: 'get',
  path: '/api/admin/departments',
  tags: ['admin'],
  summary: 'Departments and sub-centers with their enabled handlers, retired ones included (admins)',
  middleware: [requireRole('admin')],
  responses: { 200: { description: 'Departments', content: json(z.object({ items: z.array(adminDepartmentSchema) })) }, ...errorResponses(401, 403) },
});

const createDepartmentRoute = createRoute({
  method: 'post',
  path: '/api/admin/departments',
  tags: ['admin'],
  summary: 'Add a department (职能部门) or a street sub-center (镇街联动分中心, with the street it serves)',
  middleware: [requireRole('admin')],
  request: { body: { required: true, content: json(fieldsSchema.extend({ code: idParam.shape.id })) } },
  responses: { 201: { description: 'Added', content: json(adminDepartmentSchema) }, ...errorResponses(400, 401, 403, 409) },
});

const updateDepartmentRoute = createRoute({
  method: 'patch',
  path: '/api/admin/departments/{id}',
  tags: ['admin'],
  summary: 'Edit a department, or retire it (撤销: no new events; past ones keep its name) or restore it with retired',
  middleware: [requireRole('admin')],
  request: { params: idParam, body: { required: true, content: json(fieldsSchema.partial().extend({ retired: z.boolean().optional() }).strict()) } },
  responses: { 200: { description: 'The department', content: json(adminDepartmentSchema) }, ...errorResponses(400, 401, 403, 404) },
});

/** The admin's list: every department, retired or not, with how many enabled handlers work for it. */
async function adminDepartments(ctx: AppCtx): Promise<AdminDepartmentView[]> {
  const [list, counts] = await Promise.all([listDepartments({ ctx }), handlerCounts(ctx.db)]);
  return list.map((d) => ({ ...d, handlers: counts.get(d.code) ?? 0 }));
}
const byCode = async (ctx: AppCtx, code: string) => (await adminDepartments(ctx)).find((d) => d.code === code)!;

export function departmentRoutes() {
  return createRouter()
    .openapi(listRoute, async (c) => c.json({ departments: await listDepartments({ ctx: actorOf(c) }) }, 200))
    .openapi(adminListRoute, async (c) => c.json({ items: await adminDepartments(actorOf(c)) }, 200))
    .openapi(createDepartmentRoute, async (c) => {
      const created = await createDepartment(actorOf(c), c.req.valid('json'));
      return c.json(await byCode(actorOf(c), created.code), 201);
    })
    .openapi(updateDepartmentRoute, async (c) => {
      const { id } = c.req.valid('param');
      await updateDepartment(actorOf(c), id, c.req.valid('json'));
      return c.json(await byCode(actorOf(c), id), 200);
    });
}
