import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { createRouter, errorResponses, requireRole } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { ServiceError } from '../../platform/errors/index.ts';
import { MAX_TERRITORY_BYTES, checkTerritory, exportTerritory, replaceTerritory, territoryFileSchema } from '../../reference/territory/index.ts';

const area = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.array(z.number()))) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.array(z.number())))) }),
]);

const featureCollection = z.object({
  type: z.literal('FeatureCollection'),
  bbox: z.array(z.number()).optional(),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      properties: z.object({ code: z.string(), level: z.string(), name: z.string(), nameEn: z.string(), parentCode: z.string().nullable() }),
      geometry: area,
    }),
  ),
});

const territoryRoute = createRoute({
  method: 'get',
  path: '/api/public/territory',
  tags: ['public'],
  summary: 'The territory as GeoJSON (district, streets, communities, grids), for the map picker',
  responses: { 200: { description: 'A GeoJSON FeatureCollection', content: { 'application/geo+json': { schema: featureCollection } } } },
});

const counts = z.object({ units: z.number().int(), roads: z.number().int(), places: z.number().int() });
const issue = z.object({ index: z.number().int().nullable(), code: z.string().nullable(), reason: z.string() });
const fileBody = {
  required: true,
  description:
    'A GeoJSON FeatureCollection (RFC 7946, WGS 84): units as Polygon/MultiPolygon with properties {kind: district|street|community|grid, code, name, nameEn?, parentCode}; ' +
    'roads as LineString/MultiLineString with {kind: road, name, aliases?, fromNumber?, toNumber?}; points with {kind: compound|landmark|building, name, aliases?}.',
  // application/geo+json is read as JSON too.
  content: { 'application/json': { schema: territoryFileSchema } },
};
const adminOnly = [requireRole('admin')];
const fileLimit = bodyLimit({
  maxSize: MAX_TERRITORY_BYTES,
  onError: () => {
    throw new ServiceError('payload_too_large', `A territory file may be at most ${MAX_TERRITORY_BYTES / 1024 / 1024} MB`);
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/admin/territory',
  tags: ['admin'],
  summary: 'The territory and address base in the file format it is imported in (an import of it changes nothing)',
  middleware: adminOnly,
  responses: {
    200: { description: 'A GeoJSON FeatureCollection', content: { 'application/geo+json': { schema: territoryFileSchema } } },
    ...errorResponses(401, 403),
  },
});

const importRoute = createRoute({
  method: 'put',
  path: '/api/admin/territory',
  tags: ['admin'],
  summary: 'Replace the territory and address base with a GeoJSON file (admins; audited; every instance rebuilds its locator and maps)',
  description:
    'Validated whole before anything is written: unique codes, parents that exist one level up, closed rings, each grid within its community, ' +
    'grids of one community apart. A 400 lists every error in details.issues with the feature index, code and reason; nothing is changed. ' +
    'Appeals filed before keep their grid codes.',
  middleware: [...adminOnly, fileLimit],
  request: { body: fileBody },
  responses: { 200: { description: 'What was imported', content: { 'application/json': { schema: counts } } }, ...errorResponses(400, 401, 403, 413, 415) },
});

const validateRoute = createRoute({
  method: 'post',
  path: '/api/admin/territory/validate',
  tags: ['admin'],
  summary: 'Dry run of an import: the same checks, nothing written',
  middleware: [...adminOnly, fileLimit],
  request: { body: fileBody },
  responses: {
    200: {
      description: 'Whether the file would import, its errors, and what it holds',
      content: { 'application/json': { schema: z.object({ valid: z.boolean(), issues: z.array(issue), counts: counts.nullable() }) } },
    },
    ...errorResponses(400, 401, 403, 413, 415),
  },
});

export function territoryRoutes() {
  return createRouter()
    .openapi(territoryRoute, (c) => {
      const { territory } = c.var.deps;
      const bounds = territory.bounds();
      return c.json(
        {
          type: 'FeatureCollection' as const,
          bbox: bounds ? [bounds.west, bounds.south, bounds.east, bounds.north] : undefined,
          features: territory.units.map((u) => ({
            type: 'Feature' as const,
            id: u.code,
            properties: { code: u.code, level: u.level, name: u.name, nameEn: u.nameEn, parentCode: u.parentCode },
            geometry: u.boundary,
          })),
        },
        200,
        // Revalidated on every load: an import shows on the next page load.
        { 'cache-control': 'no-cache' },
      );
    })
    .openapi(exportRoute, async (c) => c.json((await exportTerritory(c.var.deps.db)) as z.infer<typeof territoryFileSchema>, 200))
    .openapi(importRoute, async (c) => {
      const { db, domainEvents } = c.var.deps;
      return c.json(await replaceTerritory({ ctx: { db, domainEvents, actor: actorOf(c).actor }, input: c.req.valid('json') }), 200);
    })
    .openapi(validateRoute, (c) => c.json(checkTerritory(c.req.valid('json')), 200));
}
