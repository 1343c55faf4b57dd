import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/index.ts';

const featureCollection = z.object({
  type: z.literal('FeatureCollection'),
  bbox: z.array(z.number()).optional(),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      properties: z.object({ code: z.string(), level: z.string(), name: z.string(), nameEn: z.string(), parentCode: z.string().nullable() }),
      geometry: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.array(z.number()))) }),
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

export function territoryRoutes() {
  return createRouter().openapi(territoryRoute, (c) => {
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
      { 'cache-control': 'public, max-age=300' },
    );
  });
}
