import { createRoute, z } from '@hono/zod-openapi';
import { asc } from 'drizzle-orm';
import { createRouter, errorResponses } from '../http/index.ts';
import { requireRole } from '../http/index.ts';
import { STAFF_ROLES } from '../../identity/auth/index.ts';
import type { AppCtx } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { categories } from '../../reference/taxonomy/index.ts';

export type CategoryView = z.infer<typeof categorySchema>;

export const categorySchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(['event', 'component']),
  platform: z.enum(['governance', 'market', 'enforcement', 'services']),
});

/** The deployment's matter categories (事项分类), in their configured order. */
export function listCategories({ ctx }: { ctx: AppCtx }) {
  return ctx.db
    .select({ code: categories.code, name: categories.name, nameEn: categories.nameEn, kind: categories.kind, platform: categories.platform })
    .from(categories)
    .orderBy(asc(categories.sortOrder));
}

const listRoute = createRoute({
  method: 'get',
  path: '/api/categories',
  tags: ['taxonomy'],
  summary: 'The matter categories (事项分类), for display and for correcting a classification',
  middleware: [requireRole(...STAFF_ROLES)],
  responses: {
    200: { description: 'Categories in order', content: { 'application/json': { schema: z.object({ categories: z.array(categorySchema) }) } } },
    ...errorResponses(401, 403),
  },
});

export function taxonomyRoutes() {
  return createRouter().openapi(listRoute, async (c) => c.json({ categories: await listCategories({ ctx: actorOf(c) }) }, 200));
}
