import { createRoute, z } from '@hono/zod-openapi';
import { type InboundAttachment, MAX_PHOTO_BYTES, inputText } from '@hotline/channels';
import { readWebPhotos } from '@hotline/channels/web';
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { createRouter } from '../http/index.ts';
import type { AppEnv } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { Open311Error, handleOpen311Error } from '../../interop/open311/index.ts';
import { type Format, formats, sendList, sendSingle } from '../../interop/open311/index.ts';
import { MAX_MEDIA, discoveryDocument, fileRequestUpdate, listRequestUpdates } from '../../interop/open311/index.ts';
import { listServices, serviceDefinition } from '../../interop/open311/index.ts';
import { clientOfApiKey, fileServiceRequest } from '../../interop/open311/index.ts';
import { getServiceRequest, listServiceRequests } from '../../interop/open311/index.ts';
import {
  type RequestUpdateInput,
  type ServiceRequestInput,
  createdRequestSchema,
  createdUpdateSchema,
  requestUpdateInputSchema,
  requestUpdateViewSchema,
  updateQuerySchema,
  open311ErrorsSchema,
  requestQuerySchema,
  serviceDefinitionSchema,
  serviceRequestInputSchema,
  serviceRequestViewSchema,
  serviceSchema,
} from '../../interop/open311/index.ts';

const BASE = '/open311/v2';
/** The posts that may carry photos, and the body they may send: the photos and the fields. */
export const OPEN311_POST_PATH = /^\/open311\/v2\/(requests|servicerequestupdates)\.(json|xml)$/;
export const OPEN311_MAX_BODY = MAX_MEDIA * MAX_PHOTO_BYTES + 1024 * 1024;
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
const isMultipart = (c: Context) => /^multipart\/form-data/i.test(c.req.header('content-type') ?? '');

/** The submitting client's api_key sits among the form fields (or in the query, as some clients send it). */
async function apiKeyOf(c: Context): Promise<string | undefined> {
  const body = isJson(c) ? await c.req.json<unknown>().catch(() => undefined) : await c.req.parseBody();
  const fromBody = body && typeof body === 'object' ? (body as Record<string, unknown>).api_key : undefined;
  const key = typeof fromBody === 'string' && fromBody.trim() ? fromBody : c.req.query('api_key');
  return key?.trim() || undefined;
}

/** The client posting (its key's short hash), when the body is the spec's form (or JSON) and the key is one we issued. */
async function postingClient(c: Context<AppEnv>): Promise<string> {
  if (!isJson(c) && !isMultipart(c) && !/^application\/x-www-form-urlencoded/i.test(c.req.header('content-type') ?? '')) {
    throw new Open311Error(400, 'Send the request as application/x-www-form-urlencoded, multipart/form-data (with media files) or application/json');
  }
  return clientOfApiKey(c.var.deps.config.open311.apiKeys, await apiKeyOf(c));
}

/**
 * Photos attached to a multipart post as `media` (one or several): images only, read from their
 * bytes as the citizen page's are. Other parts are the form's fields.
 */
async function attachedMedia(c: Context): Promise<InboundAttachment[]> {
  if (!isMultipart(c)) return [];
  const media = (await c.req.parseBody({ all: true })).media;
  const files = (Array.isArray(media) ? media : [media]).filter((part): part is File => part instanceof File);
  if (files.length > MAX_MEDIA) throw new Open311Error(400, `media: at most ${MAX_MEDIA} files`);
  return readWebPhotos(files);
}

/** The three ways the spec's clients post: a form, a form with files, JSON. */
const postBody = <T extends z.ZodType>(schema: T) => ({
  required: false,
  content: { 'application/x-www-form-urlencoded': { schema }, 'multipart/form-data': { schema }, 'application/json': { schema } },
});

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
      'Form-encoded as the spec says (JSON accepted; multipart/form-data with photos as `media` files). api_key must be one of OPEN311_API_KEYS. service_code and lat/long or address_string are required. media_url may be repeated; description is kept whole up to 20,000 characters.',
    middleware: [requireApiKey] as const,
    request: { body: postBody(serviceRequestInputSchema) },
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
      const files = await attachedMedia(c);
      const created = await fileServiceRequest({ ctx: actorOf(c), input: { request, client: await postingClient(c), files } });
      return sendList(c, format, { root: 'service_requests', item: 'request', items: [created] }, 201);
    })
    .route('/', updateRoutesFor(format));
}

/**
 * The feed's Last-Modified: the end of the second of its newest update, once that second is over
 * (HTTP dates have whole seconds: a later update in a second still running must not be hidden by a 304).
 */
function feedLastModified(updates: { updated_datetime: string }[], now: number): number | undefined {
  const newest = updates.at(-1);
  if (!newest) return undefined;
  const endOfSecond = Math.floor(Date.parse(newest.updated_datetime) / 1000) * 1000 + 1000;
  return endOfSecond <= now ? endOfSecond : undefined;
}

/** The update extension (FixMyStreet's): the steps of requests, and citizens' follow-ups to them. */
function updateRoutesFor(format: Format) {
  const listUpdatesRoute = createRoute({
    method: 'get',
    path: `${BASE}/servicerequestupdates.${format}`,
    tags,
    summary: `Open311 updates: every step of every request in a window (dispatched, signed for, reported, closed, not accepted, merged…) as ${format.toUpperCase()}`,
    description:
      'start_date/end_date (w3 date-times or dates; at most 90 days; default the last 90) on updated_datetime; oldest first, at most 1000. The words are the steps’, never the reporter’s; contacts in them are masked. Last-Modified is sent; If-Modified-Since with it answers 304 while nothing newer is in the window.',
    request: { query: updateQuerySchema },
    responses: {
      200: { description: 'The updates', content: content(z.array(requestUpdateViewSchema)) },
      304: { description: 'Nothing newer than If-Modified-Since' },
      ...errors(400),
    },
  });
  const postUpdateRoute = createRoute({
    method: 'post',
    path: `${BASE}/servicerequestupdates.${format}`,
    tags,
    summary: `Open311 updates: a citizen's follow-up to a request this client filed, into the appeal's conversation. Answers ${format.toUpperCase()}`,
    description:
      'api_key, service_request_id, update_id (the client’s: a repeat stores nothing new), description; optional status, updated_datetime, media_url (repeatable), email, first_name, last_name.',
    middleware: [requireApiKey] as const,
    request: { body: postBody(requestUpdateInputSchema) },
    responses: { 200: { description: 'Added: our update_id', content: content(z.array(createdUpdateSchema)) }, ...errors(400, 403, 404) },
  });
  return createRouter()
    .openapi(listUpdatesRoute, async (c) => {
      const updates = await listRequestUpdates({ ctx: actorOf(c), input: c.req.valid('query') });
      const modified = feedLastModified(updates, Date.now());
      const since = Date.parse(c.req.header('if-modified-since') ?? '');
      if (modified !== undefined && modified <= since) return c.body(null, 304, { 'last-modified': new Date(modified).toUTCString() });
      const res = sendList(c, format, { root: 'service_requests_updates', item: 'request_update', items: updates });
      if (modified !== undefined) res.headers.set('last-modified', new Date(modified).toUTCString());
      return res;
    })
    .openapi(postUpdateRoute, async (c) => {
      const update: RequestUpdateInput = isJson(c) ? c.req.valid('json') : c.req.valid('form');
      const files = await attachedMedia(c);
      const created = await fileRequestUpdate({ ctx: actorOf(c), input: { update, client: await postingClient(c), files } });
      return sendList(c, format, { root: 'service_request_updates', item: 'request_update', items: [created] });
    });
}

/** Service discovery, beside the endpoint and one level up where the spec's examples put it. */
function discoveryRoutes() {
  const router = createRouter();
  for (const base of ['/open311', BASE]) {
    for (const format of formats) {
      const route = createRoute({
        method: 'get',
        path: `${base}/discovery.${format}`,
        tags,
        summary: `Open311 service discovery: where the GeoReport v2 endpoint is and its formats, as ${format.toUpperCase()}`,
        responses: { 200: { description: 'The discovery document', content: content(z.record(z.string(), z.unknown())) } },
      });
      router.openapi(route, (c) => sendSingle(c, format, 'discovery', discoveryDocument(c.var.deps.config)));
    }
  }
  return router;
}

/** A route path (`/open311/v2/requests/:file`) as a pattern for concrete paths. */
const pathPattern = (path: string) => new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/:[^/]+/g, '[^/]+')}$`);

/**
 * Anything else under /open311 answers in the spec's error format too: 405 with `Allow` for a
 * method the resource does not take, 404 for a resource that does not exist.
 */
function unknownResource(routes: readonly { method: string; path: string }[]) {
  const known = routes.filter((r) => r.method !== 'ALL').map((r) => ({ method: r.method, pattern: pathPattern(r.path) }));
  return (c: Context) => {
    const allowed = [...new Set(known.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method))];
    if (allowed.length) {
      throw new Open311Error(405, `${c.req.method} is not supported on ${c.req.path}; use ${allowed.join(', ')}`, { allow: allowed.join(', ') });
    }
    throw new Open311Error(404, `${c.req.path} is not a resource of this Open311 endpoint (see ${BASE}/discovery.json)`);
  };
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
  router.route('/', discoveryRoutes());
  router
    .openapi(definitionRoute, async (c) => {
      const { id, format } = c.req.valid('param').file;
      return sendSingle(c, format, 'service_definition', await serviceDefinition({ ctx: actorOf(c), input: { serviceCode: id } }));
    })
    .openapi(requestRoute, async (c) => {
      const { id, format } = c.req.valid('param').file;
      const request = await getServiceRequest({ ctx: actorOf(c), input: { caseNumber: id } });
      return sendList(c, format, { root: 'service_requests', item: 'request', items: [request] });
    });
  router.all('/open311/*', unknownResource(router.routes));
  return router;
}
