import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, createRouter, errorResponses, requireRole } from '../http/index.ts';
import { QUEUE_ROLES } from '../../identity/auth/index.ts';
import { linkContacts, unlinkContacts } from '../../identity/contacts/index.ts';
import { citizenHistory, citizenHistorySchema } from '../../reporting/records/index.ts';

const tags = ['citizens'];
/** The center reads citizens' contact data; departments never do. */
const centerOnly = [requireRole(...QUEUE_ROLES)];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const contactParams = z.object({ contactId: z.uuid() });

const historyRoute = createRoute({
  method: 'get',
  path: '/api/citizens/{contactId}',
  tags,
  summary: '市民档案: every appeal of the person across channels (and of the contacts linked to them), ratings, opt-outs and notes; audited',
  middleware: centerOnly,
  request: { params: contactParams },
  responses: { 200: { description: 'The history', content: json(citizenHistorySchema) }, ...errorResponses(400, 401, 403, 404) },
});

const linkRoute = createRoute({
  method: 'post',
  path: '/api/citizens/{contactId}/links',
  tags,
  summary: 'Link another contact to this one as the same person (audited)',
  middleware: centerOnly,
  request: { params: contactParams, body: { required: true, content: json(z.object({ contactId: z.uuid() })) } },
  responses: { 200: { description: 'The history with the link', content: json(citizenHistorySchema) }, ...errorResponses(400, 401, 403, 404) },
});

const unlinkRoute = createRoute({
  method: 'delete',
  path: '/api/citizens/{contactId}/links/{otherContactId}',
  tags,
  summary: 'Undo a link between two contacts (audited)',
  middleware: centerOnly,
  request: { params: contactParams.extend({ otherContactId: z.uuid() }) },
  responses: { 200: { description: 'The history without the link', content: json(citizenHistorySchema) }, ...errorResponses(400, 401, 403, 404) },
});

export function citizenRoutes() {
  return createRouter()
    .openapi(historyRoute, async (c) => c.json(await citizenHistory({ ctx: actorOf(c), input: c.req.valid('param') }), 200))
    .openapi(linkRoute, async (c) => {
      const ctx = actorOf(c);
      const { contactId } = c.req.valid('param');
      await linkContacts({ ctx, input: { contactId, otherContactId: c.req.valid('json').contactId } });
      return c.json(await citizenHistory({ ctx, input: { contactId } }), 200);
    })
    .openapi(unlinkRoute, async (c) => {
      const ctx = actorOf(c);
      const { contactId, otherContactId } = c.req.valid('param');
      await unlinkContacts({ ctx, input: { contactId, otherContactId } });
      return c.json(await citizenHistory({ ctx, input: { contactId } }), 200);
    });
}
