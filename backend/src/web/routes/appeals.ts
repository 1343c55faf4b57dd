import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { requireRole } from '../http/index.ts';
import { QUEUE_ROLES } from '../../identity/auth/index.ts';
import { MAX_TEXT_LENGTH, inputText } from '@hotline/channels';
import { appealStatuses, appealTypes, urgencies } from '../../appeals/index.ts';
import { correctClassification } from '../../triage/index.ts';
import { mergeAppeal } from '../../appeals/index.ts';
import { appealPageSchema, appealSummarySchema } from '../../appeals/index.ts';
import { listAppeals, loadAppealSummary } from '../../appeals/index.ts';
import { messageViewSchema, toMessageView } from '../../messaging/index.ts';
import { appealDetailSchema, getAppealDetail } from './appeal-detail.ts';
import { replyToAppeal } from '../../appeals/index.ts';
import { rejectAppeal } from '../../appeals/index.ts';
import { acceptAppeal } from '../../linkage/index.ts';
import { answerAppeal } from '../../appeals/index.ts';
import { transferAppeal } from '../../appeals/index.ts';
import { addNote, toNoteView } from '../../appeals/index.ts';
import { markConfidential } from '../../appeals/index.ts';
import { noteViewSchema } from '../../appeals/index.ts';
import { claimAppeal } from '../../routing/index.ts';
import { eventDraft } from '../../linkage/index.ts';
import { type EventInput, eventDraftSchema, eventInputSchema } from '../../linkage/index.ts';

const tags = ['appeals'];
const staffOnly = [requireRole(...QUEUE_ROLES)];
const idParams = z.object({ id: z.uuid() });
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const NOTE_MAX_LENGTH = 2000;

const listRoute = createRoute({
  method: 'get',
  path: '/api/appeals',
  tags,
  summary: 'The pre-acceptance queue (预受理), paginated',
  middleware: staffOnly,
  request: {
    query: z.object({
      status: z.enum(appealStatuses).default('pending'),
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: { 200: { description: 'A page of appeals', content: json(appealPageSchema) }, ...errorResponses(400, 401, 403) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/appeals/{id}',
  tags,
  summary: 'One appeal with its contact and conversation',
  middleware: staffOnly,
  request: { params: idParams },
  responses: { 200: { description: 'The appeal', content: json(appealDetailSchema) }, ...errorResponses(400, 401, 403, 404) },
});

const replyRoute = createRoute({
  method: 'post',
  path: '/api/appeals/{id}/replies',
  tags,
  summary: "Reply to the citizen on the appeal's own channel",
  middleware: staffOnly,
  request: { params: idParams, body: { required: true, content: json(z.object({ text: inputText().trim().min(1).max(MAX_TEXT_LENGTH) })) } },
  responses: { 201: { description: 'The stored reply and its delivery state', content: json(messageViewSchema) }, ...errorResponses(400, 401, 403, 404) },
});

const acceptRoute = createRoute({
  method: 'post',
  path: '/api/appeals/{id}/accept',
  tags,
  summary: 'Accept the appeal (受理) as an event (事件)',
  description:
    'The optional body is the event form (category, urgency, place, lead and co-departments, time limit); without one the event-draft is used, ' +
    'and an appeal the rules cannot place yet (no category, no department) is accepted without an event. The event is created in the same transaction.',
  middleware: staffOnly,
  request: { params: idParams, body: { required: false, content: json(eventInputSchema) } },
  responses: { 200: { description: 'The accepted appeal', content: json(appealSummarySchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
});

const eventDraftRoute = createRoute({
  method: 'get',
  path: '/api/appeals/{id}/event-draft',
  tags,
  summary: 'The event form pre-filled from NLP and the routing rules (category → departments, grid → sub-center, urgency → time limit)',
  middleware: staffOnly,
  request: { params: idParams },
  responses: { 200: { description: 'The draft', content: json(eventDraftSchema) }, ...errorResponses(400, 401, 403, 404) },
});

const claimRoute = createRoute({
  method: 'post',
  path: '/api/appeals/{id}/claim',
  tags,
  summary: 'Take the appeal from the shared queue (manual pick); race-free',
  description: 'Holding it already is 200. Someone else holding it is a 409 whose details.assignee names them; a full capacity is a 409 too.',
  middleware: staffOnly,
  request: { params: idParams },
  responses: { 200: { description: 'The appeal, now mine', content: json(appealSummarySchema) }, ...errorResponses(400, 401, 403, 404, 409) },
});

const transferRoute = createRoute({
  method: 'post',
  path: '/api/appeals/{id}/transfer',
  tags,
  summary: 'Hand the appeal to another agent or a supervisor (转交), with a private note',
  description: 'Agents transfer only appeals they hold (403 otherwise); supervisors and admins any, and take one over by transferring it to themselves.',
  middleware: staffOnly,
  request: {
    params: idParams,
    body: { required: true, content: json(z.object({ toUserId: z.uuid(), note: inputText().trim().max(NOTE_MAX_LENGTH).optional() })) },
  },
  responses: { 200: { description: 'The transferred appeal', content: json(appealSummarySchema) }, ...errorResponses(400, 401, 403, 404, 409) },
});

const noteRoute = createRoute({
  method: 'post',
  path: '/api/appeals/{id}/notes',
  tags,
  summary: 'Add a private note (colleagues only; never sent to the citizen)',
  middleware: staffOnly,
  request: { params: idParams, body: { required: true, content: json(z.object({ text: inputText().trim().min(1).max(NOTE_MAX_LENGTH) })) } },
  responses: { 201: { description: 'The note', content: json(noteViewSchema) }, ...errorResponses(400, 401, 403, 404) },
});

const answerRoute = createRoute({
  method: 'post',
  path: '/api/appeals/{id}/answer',
  tags,
  summary: 'Answer directly and close (直接答复): the text goes to the citizen on their channel, no event is made',
  middleware: staffOnly,
  request: { params: idParams, body: { required: true, content: json(z.object({ text: inputText().trim().min(1).max(MAX_TEXT_LENGTH) })) } },
  responses: { 200: { description: 'The answered appeal', content: json(appealSummarySchema) }, ...errorResponses(400, 401, 403, 404, 409) },
});

const rejectRoute = createRoute({
  method: 'post',
  path: '/api/appeals/{id}/reject',
  tags,
  summary: 'Do not accept the appeal (不予受理); the reason is sent to the citizen',
  middleware: staffOnly,
  request: { params: idParams, body: { required: true, content: json(z.object({ reason: inputText().trim().min(1).max(500) })) } },
  responses: { 200: { description: 'The rejected appeal', content: json(appealSummarySchema) }, ...errorResponses(400, 401, 403, 404, 409) },
});

const classificationRoute = createRoute({
  method: 'patch',
  path: '/api/appeals/{id}/classification',
  tags,
  summary: "Correct the appeal's type, category or urgency; the model learns from it",
  middleware: staffOnly,
  request: {
    params: idParams,
    body: {
      required: true,
      content: json(
        z
          .object({ appealType: z.enum(appealTypes).optional(), categoryCode: inputText().min(1).max(100).optional(), urgency: z.enum(urgencies).optional() })
          .refine((c) => c.appealType || c.categoryCode || c.urgency, 'give appealType, categoryCode or urgency'),
      ),
    },
  },
  responses: { 200: { description: 'The corrected appeal', content: json(appealSummarySchema) }, ...errorResponses(400, 401, 403, 404) },
});

const mergeRoute = createRoute({
  method: 'post',
  path: '/api/appeals/{id}/merge',
  tags,
  summary: 'Merge the appeal into the one it duplicates (合并); the citizen is told that case number',
  middleware: staffOnly,
  request: { params: idParams, body: { required: true, content: json(z.object({ intoId: z.uuid() })) } },
  responses: { 200: { description: 'The merged appeal', content: json(appealSummarySchema) }, ...errorResponses(400, 401, 403, 404, 409) },
});

const confidentialRoute = createRoute({
  method: 'put',
  path: '/api/appeals/{id}/confidential',
  tags,
  summary: 'Mark the appeal 举报人保密 by hand, or clear the mark: departments and the linkage platform read its texts with every contact masked',
  description:
    'Agents, supervisors and admins mark; only supervisors and admins clear (403 otherwise). A 举报 (appealType report) is confidential by its type, ' +
    'marked or not. Each change is audited with its optional reason; setting the value it already has changes nothing.',
  middleware: staffOnly,
  request: {
    params: idParams,
    body: { required: true, content: json(z.object({ confidential: z.boolean(), reason: inputText().trim().max(500).optional() })) },
  },
  responses: { 200: { description: 'The appeal', content: json(appealSummarySchema) }, ...errorResponses(400, 401, 403, 404) },
});

export function appealRoutes() {
  return createRouter()
    .openapi(listRoute, async (c) => c.json(await listAppeals({ ctx: actorOf(c), input: c.req.valid('query') }), 200))
    .openapi(getRoute, async (c) => c.json(await getAppealDetail({ ctx: actorOf(c), input: c.req.valid('param') }), 200))
    .openapi(replyRoute, async (c) => {
      const ctx = actorOf(c);
      const message = await replyToAppeal({ ctx, input: { appealId: c.req.valid('param').id, text: c.req.valid('json').text } });
      return c.json(toMessageView(message, c.var.user!.displayName), 201);
    })
    .openapi(acceptRoute, async (c) => {
      const ctx = actorOf(c);
      // No body (no content type) validates as {}: the draft is used.
      const body = c.req.valid('json') as Partial<EventInput>;
      const event = Object.keys(body).length ? (body as EventInput) : undefined;
      const appeal = await acceptAppeal({ ctx, input: { appealId: c.req.valid('param').id, event } });
      return c.json(await loadAppealSummary(ctx, appeal.id), 200);
    })
    .openapi(eventDraftRoute, async (c) => c.json(await eventDraft({ ctx: actorOf(c), input: { appealId: c.req.valid('param').id } }), 200))
    .openapi(claimRoute, async (c) => {
      const ctx = actorOf(c);
      const appeal = await claimAppeal({ ctx, input: { appealId: c.req.valid('param').id } });
      return c.json(await loadAppealSummary(ctx, appeal.id), 200);
    })
    .openapi(transferRoute, async (c) => {
      const ctx = actorOf(c);
      const appeal = await transferAppeal({ ctx, input: { appealId: c.req.valid('param').id, ...c.req.valid('json') } });
      return c.json(await loadAppealSummary(ctx, appeal.id), 200);
    })
    .openapi(noteRoute, async (c) => {
      const ctx = actorOf(c);
      const note = await addNote({ ctx, input: { appealId: c.req.valid('param').id, text: c.req.valid('json').text } });
      return c.json(toNoteView(note, c.var.user!.displayName), 201);
    })
    .openapi(answerRoute, async (c) => {
      const ctx = actorOf(c);
      const appeal = await answerAppeal({ ctx, input: { appealId: c.req.valid('param').id, text: c.req.valid('json').text } });
      return c.json(await loadAppealSummary(ctx, appeal.id), 200);
    })
    .openapi(classificationRoute, async (c) => {
      const ctx = actorOf(c);
      const appeal = await correctClassification({ ctx, input: { appealId: c.req.valid('param').id, correction: c.req.valid('json') } });
      return c.json(await loadAppealSummary(ctx, appeal.id), 200);
    })
    .openapi(mergeRoute, async (c) => {
      const ctx = actorOf(c);
      const appeal = await mergeAppeal({ ctx, input: { appealId: c.req.valid('param').id, intoId: c.req.valid('json').intoId } });
      return c.json(await loadAppealSummary(ctx, appeal.id), 200);
    })
    .openapi(confidentialRoute, async (c) => {
      const ctx = actorOf(c);
      const appeal = await markConfidential({ ctx, input: { appealId: c.req.valid('param').id, ...c.req.valid('json') } });
      return c.json(await loadAppealSummary(ctx, appeal.id), 200);
    })
    .openapi(rejectRoute, async (c) => {
      const ctx = actorOf(c);
      const { reason } = c.req.valid('json');
      const appeal = await rejectAppeal({ ctx, input: { appealId: c.req.valid('param').id, reason } });
      return c.json(await loadAppealSummary(ctx, appeal.id), 200);
    });
}
