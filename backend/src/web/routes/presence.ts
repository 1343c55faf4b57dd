import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { requireRole } from '../http/index.ts';
import { QUEUE_ROLES } from '../../identity/auth/index.ts';
import { agentRoster, myPresence, setPresence } from '../../routing/index.ts';
import { agentRosterSchema, myPresenceSchema, presenceStatusSchema } from '../../routing/index.ts';

const tags = ['routing'];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const statusBody = { required: true, content: json(z.object({ status: presenceStatusSchema })) };

const getMineRoute = createRoute({
  method: 'get',
  path: '/api/me/presence',
  tags,
  summary: 'My presence (available, busy, away, offline), capacity and current load',
  middleware: [requireRole(...QUEUE_ROLES)],
  responses: { 200: { description: 'My presence', content: json(myPresenceSchema) }, ...errorResponses(401, 403) },
});

const putMineRoute = createRoute({
  method: 'put',
  path: '/api/me/presence',
  tags,
  summary: 'Set my presence; only available agents are routed new work',
  middleware: [requireRole(...QUEUE_ROLES)],
  request: { body: statusBody },
  responses: { 200: { description: 'My presence', content: json(myPresenceSchema) }, ...errorResponses(400, 401, 403) },
});

const rosterRoute = createRoute({
  method: 'get',
  path: '/api/agents',
  tags,
  summary: 'Agents and supervisors with status, open console, load and capacity (transfer targets, the wall)',
  middleware: [requireRole(...QUEUE_ROLES)],
  responses: { 200: { description: 'The roster, agents first', content: json(agentRosterSchema) }, ...errorResponses(401, 403) },
});

const putAgentRoute = createRoute({
  method: 'put',
  path: '/api/agents/{userId}/presence',
  tags,
  summary: "Set an agent's presence (supervisors and admins); audited with who did it",
  middleware: [requireRole('supervisor', 'admin')],
  request: { params: z.object({ userId: z.uuid() }), body: statusBody },
  responses: { 200: { description: "The agent's presence", content: json(myPresenceSchema) }, ...errorResponses(400, 401, 403, 404) },
});

export function routingRoutes() {
  return createRouter()
    .openapi(getMineRoute, async (c) => c.json(await myPresence({ ctx: actorOf(c), input: { userId: c.var.user!.id } }), 200))
    .openapi(putMineRoute, async (c) =>
      c.json(await setPresence({ ctx: actorOf(c), input: { userId: c.var.user!.id, status: c.req.valid('json').status } }), 200),
    )
    .openapi(rosterRoute, async (c) => c.json({ agents: await agentRoster({ ctx: actorOf(c) }) }, 200))
    .openapi(putAgentRoute, async (c) =>
      c.json(await setPresence({ ctx: actorOf(c), input: { userId: c.req.valid('param').userId, status: c.req.valid('json').status } }), 200),
    );
}
