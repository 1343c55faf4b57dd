import { createRoute, z } from '@hono/zod-openapi';
import { inputText } from '@hotline/channels';
import { createRouter, errorResponses } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { requireRole } from '../http/index.ts';
import { endSessions, resetPassword, setAccountDisabled } from '../../identity/auth/index.ts';
import { createStaffAccount, importStaffAccounts, listStaff, updateStaffAccount } from '../../routing/index.ts';
import { sessionUserSchema } from './auth.ts';
import { newStaffSchema, parseStaffCsv, staffFieldsSchema } from './staff-input.ts';

const tags = ['admin'];
const admins = [requireRole('admin')];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const idParam = z.object({ id: z.uuid() });

const accountSchema = sessionUserSchema
  .extend({
    disabledAt: z.iso.datetime().nullable(),
    openSessions: z.number().int(),
    chatCapacity: z.number().int().nullable(),
    callCapacity: z.number().int().nullable(),
    skills: z.object({ channels: z.array(z.string()), languages: z.array(z.string()), platforms: z.array(z.string()) }).nullable(),
  })
  .openapi('Account');
export type AccountView = z.infer<typeof accountSchema>;

const createdSchema = z
  .object({ id: z.uuid(), username: z.string(), password: z.string().openapi({ description: 'The first password: shown this once, never stored in clear' }) })
  .openapi('CreatedAccount');

const listRoute = createRoute({
  method: 'get',
  path: '/api/admin/users',
  tags,
  summary: 'Staff accounts with their open sessions, capacities and skills',
  middleware: admins,
  responses: { 200: { description: 'Accounts', content: json(z.object({ items: z.array(accountSchema) })) }, ...errorResponses(401, 403) },
});

const createAccountRoute = createRoute({
  method: 'post',
  path: '/api/admin/users',
  tags,
  summary: 'Create a staff account (新建账号) with a generated first password, shown once; the user must change it at first login',
  description: 'A handler needs an existing department (400 naming departmentCode); a taken username is a 409.',
  middleware: admins,
  request: { body: { required: true, content: json(newStaffSchema) } },
  responses: { 201: { description: 'Created', content: json(createdSchema) }, ...errorResponses(400, 401, 403, 409) },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/api/admin/users/{id}',
  tags,
  summary: 'Edit a staff account: display name, role, department, capacities, skills (the fields sent)',
  middleware: admins,
  request: { params: idParam, body: { required: true, content: json(staffFieldsSchema.partial().strict()) } },
  responses: { 200: { description: 'The account', content: json(accountSchema) }, ...errorResponses(400, 401, 403, 404) },
});

const importRoute = createRoute({
  method: 'post',
  path: '/api/admin/users/import',
  tags,
  summary: 'Import staff accounts from CSV (批量导入): all rows or none',
  description:
    'Columns: username, displayName, role, departmentCode, chatCapacity, callCapacity, channels, languages, platforms (lists separated by ";"). A bad row is a 4xx naming it, e.g. rows.3.role; nothing is written then. Each account gets a generated first password, in the answer only.',
  middleware: admins,
  request: {
    body: {
      required: true,
      content: json(
        z.object({
          csv: inputText()
            .min(1)
            .max(512 * 1024),
        }),
      ),
    },
  },
  responses: { 201: { description: 'Created', content: json(z.object({ items: z.array(createdSchema) })) }, ...errorResponses(400, 401, 403, 409) },
});

const actionRoute = <T extends z.ZodType>(path: string, summary: string, schema: T) =>
  createRoute({
    method: 'post',
    path,
    tags,
    summary,
    middleware: admins,
    request: { params: idParam },
    responses: { 200: { description: 'Done', content: json(schema) }, ...errorResponses(400, 401, 403, 404, 409) },
  });

const disabledSchema = z.object({ disabled: z.boolean(), revokedSessions: z.number().int() });
const disableRoute = actionRoute('/api/admin/users/{id}/disable', 'Disable an account (停用): its sessions are revoked at once', disabledSchema);
const enableRoute = actionRoute('/api/admin/users/{id}/enable', 'Enable a disabled account again (启用)', disabledSchema);
const resetRoute = actionRoute(
  '/api/admin/users/{id}/reset-password',
  'Reset the password (重置密码): a generated one, shown once; the user must change it at next login, and their sessions end',
  z.object({ password: z.string() }),
);
const endSessionsRoute = actionRoute(
  '/api/admin/users/{id}/end-sessions',
  'End every session of the account (强制下线) on every device',
  z.object({ revoked: z.number().int() }),
);

async function accountById(ctx: ReturnType<typeof actorOf>, id: string): Promise<AccountView> {
  return (await listStaff({ ctx })).find((a) => a.id === id)!;
}

export function accountAdminRoutes() {
  return createRouter()
    .openapi(listRoute, async (c) => c.json({ items: await listStaff({ ctx: actorOf(c) }) }, 200))
    .openapi(createAccountRoute, async (c) => c.json(await createStaffAccount({ ctx: actorOf(c), input: c.req.valid('json') }), 201))
    .openapi(importRoute, async (c) => {
      const rows = parseStaffCsv(c.req.valid('json').csv);
      return c.json({ items: await importStaffAccounts({ ctx: actorOf(c), input: { rows } }) }, 201);
    })
    .openapi(updateRoute, async (c) => {
      const { id } = c.req.valid('param');
      await updateStaffAccount({ ctx: actorOf(c), input: { userId: id, patch: c.req.valid('json') } });
      return c.json(await accountById(actorOf(c), id), 200);
    })
    .openapi(disableRoute, async (c) => c.json(await setAccountDisabled({ ctx: actorOf(c), input: { userId: c.req.valid('param').id, disabled: true } }), 200))
    .openapi(enableRoute, async (c) => c.json(await setAccountDisabled({ ctx: actorOf(c), input: { userId: c.req.valid('param').id, disabled: false } }), 200))
    .openapi(resetRoute, async (c) => c.json(await resetPassword({ ctx: actorOf(c), input: { userId: c.req.valid('param').id } }), 200))
    .openapi(endSessionsRoute, async (c) => c.json(await endSessions({ ctx: actorOf(c), input: { userId: c.req.valid('param').id } }), 200));
}
