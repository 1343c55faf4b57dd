import { createRoute, z } from '@hono/zod-openapi';
import { channels, inputDate, inputText } from '@hotline/channels';
import { actorOf, commaList, createRouter, errorResponses, requireRole } from '../http/index.ts';
import { STAFF_ROLES } from '../../identity/auth/index.ts';
import { appealStatuses, appealTypes, urgencies } from '../../appeals/index.ts';
import { eventStatuses } from '../../linkage/index.ts';
import {
  type RecordSearch,
  deleteSavedSearch,
  listSavedSearches,
  overdueKinds,
  platforms,
  ratingKinds,
  recordPageSchema,
  recordSorts,
  saveSearch,
  savedSearchSchema,
  searchRecords,
} from '../../reporting/records/index.ts';

const tags = ['records'];
/** Everyone on staff searches; what a handler finds is their department's events, without contacts. */
const staffOnly = [requireRole(...STAFF_ROLES)];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const date = (description: string) => inputDate().optional().openapi({ description });
const code = inputText().trim().min(1).max(100).optional();

/** The filters, as the screen's URL and a saved search carry them. */
export const recordFilterQuery = z.object({
  receivedFrom: date('Received at or after (ISO 8601 with zone)'),
  receivedTo: date('Received before'),
  decidedFrom: date('Decided (受理 / 不予受理 / answered) at or after'),
  decidedTo: date('Decided before'),
  closedFrom: date('Event closed (结案) at or after'),
  closedTo: date('Event closed before'),
  channel: commaList(channels, 'sms,wechat').optional(),
  status: commaList(appealStatuses, 'accepted').optional(),
  eventStatus: commaList(eventStatuses, 'dispatched,handling').optional(),
  type: commaList(appealTypes, 'complaint').optional(),
  category: inputText()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .optional()
    .openapi({ type: 'string', description: 'Comma-separated matter category codes' }),
  platform: commaList(platforms, 'enforcement').optional(),
  urgency: commaList(urgencies, 'urgent,emergency').optional(),
  street: code.openapi({ description: 'A street code: appeals in any of its grids' }),
  community: code.openapi({ description: 'A community code' }),
  grid: code.openapi({ description: 'A grid code' }),
  department: code.openapi({ description: "The event's lead department" }),
  overdue: commaList(overdueKinds, 'yellow,red')
    .optional()
    .openapi({ description: 'Time-limit warnings raised: sign (签收超时), yellow (黄牌), red (红牌); any of them' }),
  rating: commaList(ratingKinds, 'unsatisfied').optional().openapi({ description: 'satisfied (4–5), neutral (3), unsatisfied (1–2), none (not rated)' }),
  reportersMin: z.coerce
    .number()
    .int()
    .min(1)
    .max(100000)
    .optional()
    .openapi({ description: 'At least this many reporters (the appeal and those merged into it)' }),
  agent: z.uuid().optional().openapi({ description: 'The assigned agent' }),
  q: inputText()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Words anywhere in the texts (appeal, conversation, replies, notes, address, event steps); all must be found' }),
  caseNumber: inputText().trim().min(1).max(40).optional().openapi({ description: 'Exactly this case number' }),
  phone: inputText().trim().min(3).max(40).optional().openapi({ description: 'A phone number, any spelling (spaces, dashes, +86); the center only' }),
  openid: inputText().trim().min(1).max(200).optional().openapi({ description: 'A WeChat openid; the center only' }),
});
type FilterQuery = z.infer<typeof recordFilterQuery>;

const range = (from?: string, to?: string) => (from || to ? { from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined } : undefined);

/** The query string as the search verb takes it. */
export function filtersOf(query: FilterQuery): Omit<RecordSearch, 'sort' | 'cursor' | 'limit'> {
  const { receivedFrom, receivedTo, decidedFrom, decidedTo, closedFrom, closedTo, ...rest } = query;
  return { ...rest, received: range(receivedFrom, receivedTo), decided: range(decidedFrom, decidedTo), closed: range(closedFrom, closedTo) };
}

const searchRoute = createRoute({
  method: 'get',
  path: '/api/records',
  tags,
  summary: '综合查询: appeals and their events by any filter, words anywhere in their texts, case number, phone or openid',
  description:
    'Keyset pages: pass `nextCursor` back as `cursor` with the same filters and sort. Handlers see only their department’s events, never contacts, and a confidential (举报) text masked. ' +
    'A search that returns contacts is audited.',
  middleware: staffOnly,
  request: {
    query: recordFilterQuery.extend({
      sort: z
        .enum(recordSorts)
        .default('received')
        .openapi({ description: 'received (newest first), urgency (most urgent first), timeLeft (nearest open time limit first)' }),
      cursor: inputText().max(400).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: { 200: { description: 'A page of records', content: json(recordPageSchema) }, ...errorResponses(400, 401, 403) },
});

const listSavedRoute = createRoute({
  method: 'get',
  path: '/api/records/saved',
  tags,
  summary: 'My saved searches',
  middleware: staffOnly,
  responses: { 200: { description: 'Saved searches by name', content: json(z.array(savedSearchSchema)) }, ...errorResponses(401, 403) },
});

const saveRoute = createRoute({
  method: 'post',
  path: '/api/records/saved',
  tags,
  summary: 'Save a search under a name (the same name replaces it)',
  middleware: staffOnly,
  request: {
    body: {
      required: true,
      content: json(
        z.object({ name: inputText().trim().min(1).max(60), query: inputText().max(4000).openapi({ description: 'The search as a URL query string' }) }),
      ),
    },
  },
  responses: { 200: { description: 'Saved', content: json(savedSearchSchema) }, ...errorResponses(400, 401, 403, 409) },
});

const deleteSavedRoute = createRoute({
  method: 'delete',
  path: '/api/records/saved/{id}',
  tags,
  summary: 'Delete one of my saved searches',
  middleware: staffOnly,
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
});

export function recordRoutes() {
  return createRouter()
    .openapi(searchRoute, async (c) => {
      const { sort, cursor, limit, ...query } = c.req.valid('query');
      return c.json(await searchRecords({ ctx: actorOf(c), input: { ...filtersOf(query), sort, cursor, limit } }), 200);
    })
    .openapi(listSavedRoute, async (c) => c.json(await listSavedSearches({ ctx: actorOf(c) }), 200))
    .openapi(saveRoute, async (c) => c.json(await saveSearch({ ctx: actorOf(c), input: c.req.valid('json') }), 200))
    .openapi(deleteSavedRoute, async (c) => {
      await deleteSavedSearch({ ctx: actorOf(c), input: c.req.valid('param') });
      return c.body(null, 204);
    });
}
