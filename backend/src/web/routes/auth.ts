import { createRoute, z } from '@hono/zod-openapi';
import { inputText } from '@hotline/channels';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createRouter, errorResponses } from '../http/index.ts';
import { requireSession } from '../http/index.ts';
import { SESSION_COOKIE } from '../../identity/auth/index.ts';
import { login, logout } from '../../identity/auth/index.ts';
import { changeOwnPassword, logoutEverywhere } from '../../identity/auth/index.ts';
import { roles } from '../../identity/auth/index.ts';
import { actorOf } from '../http/index.ts';

export const sessionUserSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(roles),
    departmentCode: z.string().nullable(),
    mustChangePassword: z.boolean(),
  })
  .openapi('SessionUser');

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Log in; sets an httpOnly session cookie',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ username: inputText().min(1).max(100), password: inputText().min(1).max(200) }) } },
    },
  },
  responses: {
    200: { description: 'Logged in', content: { 'application/json': { schema: z.object({ user: sessionUserSchema }) } } },
    ...errorResponses(400, 401),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'Log out; revokes the session',
  responses: { 204: { description: 'Logged out' } },
});

const logoutEverywhereRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout-everywhere',
  tags: ['auth'],
  summary: 'Log out on every device (退出所有设备); revokes all of your sessions',
  middleware: [requireSession],
  responses: {
    200: { description: 'Logged out everywhere', content: { 'application/json': { schema: z.object({ revoked: z.number().int() }) } } },
    ...errorResponses(401),
  },
});

const meRoute = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['auth'],
  summary: 'The logged-in user',
  middleware: [requireSession],
  responses: {
    200: { description: 'The user', content: { 'application/json': { schema: z.object({ user: sessionUserSchema }) } } },
    ...errorResponses(401),
  },
});

const changePasswordRoute = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags: ['auth'],
  summary: 'Change your own password (修改密码); required after an admin set or reset it',
  description: 'At least 10 characters, not the username, not the demo password. A wrong current password is a 400 naming currentPassword.',
  middleware: [requireSession],
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ currentPassword: inputText().min(1).max(200), newPassword: inputText().min(1).max(200) }) } },
    },
  },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: z.object({ user: sessionUserSchema }) } } },
    ...errorResponses(400, 401),
  },
});

export function authRoutes() {
  return createRouter()
    .openapi(loginRoute, async (c) => {
      const { token, expiresAt, user } = await login({ ctx: actorOf(c), input: c.req.valid('json') });
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: c.var.deps.config.publicUrl.startsWith('https:'),
        path: '/',
        expires: expiresAt,
      });
      return c.json({ user }, 200);
    })
    .openapi(logoutRoute, async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await logout({ ctx: actorOf(c), input: { token } });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .openapi(logoutEverywhereRoute, async (c) => {
      const result = await logoutEverywhere({ ctx: actorOf(c) });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json(result, 200);
    })
    .openapi(meRoute, (c) => c.json({ user: c.var.user! }, 200))
    .openapi(changePasswordRoute, async (c) => {
      await changeOwnPassword({ ctx: actorOf(c), input: c.req.valid('json') });
      return c.json({ user: { ...c.var.user!, mustChangePassword: false } }, 200);
    });
}
