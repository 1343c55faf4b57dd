import { createRoute, z } from '@hono/zod-openapi';
import { inputText } from '@hotline/channels';
import { createRouter, errorResponses } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { requireRole } from '../http/index.ts';
import { getOpen311Settings, open311SettingsInputSchema, open311SettingsViewSchema, putOpen311Settings } from '../../interop/open311-client/index.ts';

const tags = ['admin'];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const params = z.object({
  id: inputText()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'The department code', example: 'water' }),
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/admin/departments/{id}/open311',
  tags,
  summary: 'A department’s own Open311 system, when it runs one: where its events are filed, and the latest requests sent there (admins)',
  middleware: [requireRole('admin')],
  request: { params },
  responses: {
    200: { description: 'The settings (the api_key only as a hint)', content: json(open311SettingsViewSchema) },
    ...errorResponses(400, 401, 403, 404),
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/admin/departments/{id}/open311',
  tags,
  summary:
    'Mark a department external: its Open311 base URL, api_key, jurisdiction, our categories → its service codes, and how often its updates are read (admins, audited)',
  description: 'enabled=false pauses it: new dispatches stay with our own handlers. apiKey may be left out to keep the stored one.',
  middleware: [requireRole('admin')],
  request: { params, body: { required: true, content: json(open311SettingsInputSchema) } },
  responses: { 200: { description: 'The settings as stored', content: json(open311SettingsViewSchema) }, ...errorResponses(400, 401, 403, 404) },
});

export function departmentOpen311Routes() {
  return createRouter()
    .openapi(getRoute, async (c) => c.json(await getOpen311Settings({ ctx: actorOf(c), input: { departmentCode: c.req.valid('param').id } }), 200))
    .openapi(putRoute, async (c) =>
      c.json(await putOpen311Settings({ ctx: actorOf(c), input: { departmentCode: c.req.valid('param').id, settings: c.req.valid('json') } }), 200),
    );
}
