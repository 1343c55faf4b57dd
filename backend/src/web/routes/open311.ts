import { createRoute, z } from '@hono/zod-openapi';
import { inputText } from '@hotline/channels';
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { createRouter } from '../http/index.ts';
import type { AppEnv } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { Open311Error, handleOpen311Error } from '../../interop/open311/index.ts';
import { type Format, formats, sendList, sendSingle } from '../../interop/open311/index.ts';
import { listServices, serviceDefinition } from '../../interop/open311/index.ts';
import { clientOfApiKey, fileServiceRequest } from '../../interop/open311/index.ts';
import { getServiceRequest, listServiceRequests } from '../../interop/open311/index.ts';
import {
  type ServiceRequestInput,
  createdRequestSchema,
  open311ErrorsSchema,
  requestQuerySchema,
  serviceDefinitionSchema,
  serviceRequestInputSchema,
  serviceRequestViewSchema,
  serviceSchema,
} from '../../interop/open311/index.ts';

const BASE = '/open311/v2';
const tags = ['open311'];

/** Both formats the spec defines, so the OpenAPI document shows each route's JSON shape and its XML twin. */
const content = <T extends z.ZodType>(schema: T) => ({
  'application/json': { schema },
  'text/xml': { schema: z.string().openapi({ description: 'The same, as the spec’s XML' }) },
});
const errors = (...statuses: (400 | 403 | 404)[]) =>
  Object.fromEntries(
    statuses.map((status) => [status, { description: 'GeoReport errors: [{code, description}] or <errors><error>…', content: content(open311ErrorsSchema) }]),
  );

/** `{code}.json` or `{code}.xml`: the resource id and the format, split. */
const resourceFile = inputText()
  .regex(/^[^/]+\.(json|xml)$/, 'the resource must end in .json or .xml')
  .transform((file) => {
    const dot = file.lastIndexOf('.');
    return { id: file.slice(0, dot), format: file.slice(dot + 1) as Format };
  });

const isJson = (c: Context) => /^application\/json/i.test(c.req.header('content-type') ?? '');

/** The submitting client's api_key sits among the form fields (or in the query, as some clients send it). */
async function apiKeyOf(c: Context): Promise<string | undefined> {
  const body = isJson(c) ? await c.req.json<unknown>().catch(() => undefined) : await c.req.parseBody();
  const fromBody = body && typeof body === 'object' ? (body as Record<string, unknown>).api_key : undefined;
  const key = typeof fromBody === 'string' && fromBody.trim() ? fromBody : c.req.query('api_key');
  return key?.trim() || undefined;
}

/** The client posting (its key's short hash), when the body is the spec's form (or JSON) and the key is one we issued. */
async function postingClient(c: Context<AppEnv>): Promise<string> {
  if (!isJson(c) && !/^application\/x-www-form-urlencoded/i.test(c.req.header('content-type') ?? '')) {
    throw new Open311Error(400, 'Send the request as application/x-www-form-urlencoded (or application/json)');
  }
  return clientOfApiKey(c.var.deps.config.open311.apiKeys, await apiKeyOf(c));
}

/** Before the body is validated, so a client without a valid key learns that (403) rather than what else is wrong. */
const requireApiKey = createMiddleware<AppEnv>(async (c, next) => {
  await postingClient(c);
  await next();
});

function routesFor(format: Format) {
  const servicesRoute = createRoute({
    method: 'get',
    path: `${BASE}/services.${format}`,
    tags,
    summary: `GeoReport v2: the services (our matter categories, 事项分类) as ${format.toUpperCase()}`,
    responses: { 200: { description: 'Every service', content: content(z.array(serviceSchema)) } },
  });
  const listRoute = createRoute({
    method: 'get',
    path: `${BASE}/requests.${format}`,
    tags,
    summary: `GeoReport v2: service requests (appeals by case number) as ${format.toUpperCase()}`,
    description:
      'Filters: service_request_id (comma list; overrides the rest), service_code, start_date/end_date (at most 90 days; default the last 90), status=open|closed. At most 1000, newest first. No personal data.',
    request: { query: requestQuerySchema },
    responses: { 200: { description: 'The requests', content: content(z.array(serviceRequestViewSchema)) }, ...errors(400) },
  });
  const createRequestRoute = createRoute({
    method: 'post',
    path: `${BASE}/requests.${format}`,
    tags,
    summary: `GeoReport v2: file a service request; it waits in the pre-acceptance queue (预受理). Answers ${format.toUpperCase()}`,
    description:
      'Form-encoded as the spec says (JSON accepted). api_key must be one of OPEN311_API_KEYS. service_code and lat/long or address_string are required.',
    middleware: [requireApiKey] as const,
    request: {
      body: {
        required: false,
        content: { 'application/x-www-form-urlencoded': { schema: serviceRequestInputSchema }, 'application/json': { schema: serviceRequestInputSchema } },
      },
    },
    responses: {
      201: { description: 'Filed: the case number is the service_request_id', content: content(z.array(createdRequestSchema)) },
      ...errors(400, 403, 404),
    },
  });
  return createRouter()
    .openapi(servicesRoute, async (c) => sendList(c, format, { root: 'services', item: 'service', items: await listServices({ ctx: actorOf(c) }) }))
    .openapi(listRoute, async (c) =>
      sendList(c, format, { root: 'service_requests', item: 'request', items: await listServiceRequests({ ctx: actorOf(c), input: c.req.valid('query') }) }),
    )
    .openapi(createRequestRoute, async (c) => {
      // The middleware let only these two content types through, and the matching validator ran.
      const request: ServiceRequestInput = isJson(c) ? c.req.valid('json') : c.req.valid('form');
      const created = await fileServiceRequest({ ctx: actorOf(c), input: { request, client: await postingClient(c) } });
      return sendList(c, format, { root: 'service_requests', item: 'request', items: [created] }, 201);
    });
}

const definitionRoute = createRoute({
  method: 'get',
  path: `${BASE}/services/{file}`,
  tags,
  summary: 'GeoReport v2: one service’s definition, `services/{service_code}.json|xml`; ours take no extra attributes',
  request: { params: z.object({ file: resourceFile.openapi({ param: { name: 'file', in: 'path' }, example: 'city-appearance.json' }) }) },
  responses: { 200: { description: 'The definition', content: content(serviceDefinitionSchema) }, ...errors(400, 404) },
});

const requestRoute = createRoute({
  method: 'get',
  path: `${BASE}/requests/{file}`,
  tags,
  summary: 'GeoReport v2: one service request, `requests/{case number}.json|xml`',
  request: { params: z.object({ file: resourceFile.openapi({ param: { name: 'file', in: 'path' }, example: '20261122000123.json' }) }) },
  responses: { 200: { description: 'A list of one request, as the spec has it', content: content(z.array(serviceRequestViewSchema)) }, ...errors(400, 404) },
});

/** Open311 GeoReport v2 at `/open311/v2`: errors in the spec's own format, whatever went wrong. */
export function open311Routes() {
  const router = createRouter();
  router.onError(handleOpen311Error);
  for (const format of formats) router.route('/', routesFor(format));
  return router
    .openapi(definitionRoute, async (c) => {
      const { id, format } = c.req.valid('param').file;
      return sendSingle(c, format, 'service_definition', await serviceDefinition({ ctx: actorOf(c), input: { serviceCode: id } }));
    })
    .openapi(requestRoute, async (c) => {
      const { id, format } = c.req.valid('param').file;
      const request = await getServiceRequest({ ctx: actorOf(c), input: { caseNumber: id } });
      return sendList(c, format, { root: 'service_requests', item: 'request', items: [request] });
    });
}
