import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { requireRole } from '../http/index.ts';
import { listAccounts, setAccountDisabled } from '../../identity/auth/index.ts';
import { sessionUserSchema } from './auth.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const accountSchema = sessionUserSchema.extend({ disabledAt: z.iso.datetime().nullable(), openSessions: z.number().int() }).openapi('Account');

const listRoute = createRoute({
  method: 'get',
  path: '/api/admin/users',
  tags: ['admin'],
  summary: 'Staff accounts with their open sessions',
  middleware: [requireRole('admin')],
  responses: { 200: { description: 'Accounts', content: json(z.object({ items: z.array(accountSchema) })) }, ...errorResponses(401, 403) },
});

const disabledRoute = (path: string, summary: string) =>
  createRoute({
    method: 'post',
    path,
    tags: ['admin'],
    summary,
    middleware: [requireRole('admin')],
    request: { params: z.object({ id: z.uuid() }) },
    responses: {
      200: { description: 'Done', content: json(z.object({ disabled: z.boolean(), revokedSessions: z.number().int() })) },
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });

const disableRoute = disabledRoute('/api/admin/users/{id}/disable', 'Disable an account (停用): its sessions are revoked at once');
const enableRoute = disabledRoute('/api/admin/users/{id}/enable', 'Enable a disabled account again (启用)');

export function accountAdminRoutes() {
  return createRouter()
    .openapi(listRoute, async (c) => c.json({ items: await listAccounts({ ctx: actorOf(c) }) }, 200))
    .openapi(disableRoute, async (c) => c.json(await setAccountDisabled({ ctx: actorOf(c), input: { userId: c.req.valid('param').id, disabled: true } }), 200))
    .openapi(enableRoute, async (c) => c.json(await setAccountDisabled({ ctx: actorOf(c), input: { userId: c.req.valid('param').id, disabled: false } }), 200));
}
