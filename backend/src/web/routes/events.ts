import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { MAX_PHOTO_BYTES, inputText } from '@hotline/channels';
import { commaList, createRouter, errorResponses } from '../http/index.ts';
import { actorOf, storedFileHeaders } from '../http/index.ts';
import { ServiceError } from '../../platform/errors/index.ts';
import { requireRole } from '../http/index.ts';
import { QUEUE_ROLES } from '../../identity/auth/index.ts';
import type { Role } from '../../identity/auth/index.ts';
import { eventStatuses } from '../../linkage/index.ts';
import { eventCountsSchema, eventDetailSchema, eventPageSchema, stepInputSchema, timeLimitRuleViewSchema } from '../../linkage/index.ts';
import { eventCounts, getEventDetail, listEvents, listTimeLimitRules, readEventPhoto } from '../../linkage/index.ts';
import { MAX_REPORT_PHOTOS, takeStep } from '../../linkage/index.ts';

const tags = ['events'];
/** The center's staff and the departments' handlers; what a handler sees is narrowed to their department. */
const EVENT_ROLES: Role[] = [...QUEUE_ROLES, 'handler'];
const staffOnly = [requireRole(...EVENT_ROLES)];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const idParams = z.object({ id: z.uuid() });

/** The steps route takes report photos, so it has its own body limit instead of the API's 1 MB. */
export const EVENT_STEPS_PATH = /^\/api\/events\/[^/]+\/steps$/;

const listRoute = createRoute({
  method: 'get',
  path: '/api/events',
  tags,
  summary: 'The event worklist (待签收, 处置中, 退回…), open events first by nearest time limit',
  description: 'Handlers see only events their department leads or co-handles; the center sees all.',
  middleware: staffOnly,
  request: {
    query: z.object({
      status: commaList(eventStatuses, 'dispatched,handling').optional(),
      department: inputText().min(1).max(100).optional(),
      due: commaList(['soon', 'overdue'], 'overdue,soon').optional(),
      extensionPending: z
        .enum(['true', 'false'])
        .transform((v) => v === 'true')
        .optional()
        .openapi({ description: 'Only events with (true) or without (false) a 延期申请 waiting for the center' }),
      q: inputText().trim().min(1).max(40).optional().openapi({ description: 'A case number prefix' }),
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: { 200: { description: 'A page of events', content: json(eventPageSchema) }, ...errorResponses(400, 401, 403) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/events/{id}',
  tags,
  summary: 'One event: its timeline, extensions, citizens (center only) and the steps the caller may take now',
  middleware: staffOnly,
  request: { params: idParams },
  responses: { 200: { description: 'The event', content: json(eventDetailSchema) }, ...errorResponses(400, 401, 403, 404) },
});

const photo = z.instanceof(File).openapi({ type: 'string', format: 'binary' });
const reportForm = z.object({
  action: z.literal('report'),
  note: inputText().trim().min(1).max(4000),
  photos: z
    .union([photo, z.array(photo)])
    .optional()
    .transform((p) => (p === undefined ? [] : Array.isArray(p) ? p : [p]))
    .pipe(z.array(photo).max(MAX_REPORT_PHOTOS, `at most ${MAX_REPORT_PHOTOS} photos`)),
});

function tooLarge(): never {
  throw new ServiceError('payload_too_large', `The request is larger than ${MAX_REPORT_PHOTOS} photos of 10 MB allow`);
}

const stepRoute = createRoute({
  method: 'post',
  path: '/api/events/{id}/steps',
  tags,
  summary: 'Take a step: 签收, 处置反馈, 延期申请/审批, 退回, 重新派遣, 核查, 催办, 督办, 撤销, 重新办理, 回访',
  description:
    'JSON, or multipart/form-data for a report with photos (`action=report`, `note`, up to 4 `photos` images of ≤ 10 MB). ' +
    'A step the lifecycle does not allow from the current state is a 409 whose details.status names that state; a role or department that may not take it is a 403; ' +
    "another department's event is a 404, as on GET (a handler is never told it exists).",
  middleware: [...staffOnly, bodyLimit({ maxSize: MAX_REPORT_PHOTOS * MAX_PHOTO_BYTES + 1024 * 1024, onError: tooLarge })],
  request: {
    params: idParams,
    // Not `required`: that would run both media types' validators on every request; the handler refuses a missing body (415).
    body: { required: false, content: { 'application/json': { schema: stepInputSchema }, 'multipart/form-data': { schema: reportForm } } },
  },
  responses: { 200: { description: 'The event after the step', content: json(eventDetailSchema) }, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
});

const countsRoute = createRoute({
  method: 'get',
  path: '/api/events/counts',
  tags,
  summary: 'How many events the caller may see, by state, 延期待批, 临期 and 超期: the worklist tabs in one request',
  middleware: staffOnly,
  responses: { 200: { description: 'The counts', content: json(eventCountsSchema) }, ...errorResponses(401, 403) },
});

const photoRoute = createRoute({
  method: 'get',
  path: '/api/events/{id}/photos/{photoId}',
  tags,
  summary: 'A report photo (staff who may see the event)',
  middleware: staffOnly,
  request: { params: z.object({ id: z.uuid(), photoId: z.uuid() }) },
  responses: {
    200: { description: 'The image', content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

const rulesRoute = createRoute({
  method: 'get',
  path: '/api/time-limit-rules',
  tags,
  summary: 'The time-limit (时限) rules by category and urgency, in hours or working days',
  middleware: [requireRole(...QUEUE_ROLES)],
  responses: { 200: { description: 'The rules', content: json(z.object({ rules: z.array(timeLimitRuleViewSchema) })) }, ...errorResponses(401, 403) },
});

export function eventRoutes() {
  return (
    createRouter()
      .openapi(listRoute, async (c) => c.json(await listEvents({ ctx: actorOf(c), input: c.req.valid('query') }), 200))
      // Before `/api/events/{id}`, which would otherwise take `counts` for an id.
      .openapi(countsRoute, async (c) => c.json(await eventCounts({ ctx: actorOf(c) }), 200))
      .openapi(getRoute, async (c) => c.json(await getEventDetail({ ctx: actorOf(c), input: c.req.valid('param') }), 200))
      .openapi(stepRoute, async (c) => {
        const ctx = actorOf(c);
        const type = c.req.header('content-type') ?? '';
        const multipart = type.startsWith('multipart/form-data');
        if (!multipart && !type.startsWith('application/json'))
          throw new ServiceError('unsupported_media_type', 'Send the step as application/json or multipart/form-data');
        const eventId = c.req.valid('param').id;
        // The typed helper merges both media types' schemas; only the one matching the request ran.
        if (multipart) {
          const { photos, ...step } = c.req.valid('form') as z.output<typeof reportForm>;
          await takeStep({ ctx, input: { eventId, step, photos } });
        } else {
          await takeStep({ ctx, input: { eventId, step: c.req.valid('json') } });
        }
        return c.json(await getEventDetail({ ctx, input: { id: eventId } }), 200);
      })
      .openapi(photoRoute, async (c) => {
        const { id, photoId } = c.req.valid('param');
        const file = await readEventPhoto({ ctx: actorOf(c), input: { eventId: id, photoId } });
        return c.body(new Uint8Array(file.data), 200, storedFileHeaders(file));
      })
      .openapi(rulesRoute, async (c) => c.json({ rules: await listTimeLimitRules({ ctx: actorOf(c) }) }, 200))
  );
}
