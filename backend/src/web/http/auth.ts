import { createMiddleware } from 'hono/factory';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from './router.ts';
import { ServiceError } from '../../platform/errors/index.ts';
import type { Role } from '../../identity/auth/index.ts';
import { SESSION_COOKIE } from '../../identity/auth/index.ts';
import { resolveSession } from '../../identity/auth/index.ts';

/** Reads the staff session cookie, if any; routes decide with `requireRole` whether they need one. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) c.set('user', await resolveSession(c.var.deps.db, token));
  await next();
});

/** 401 without a session, 403 for a role not in the list. */
export function requireRole(...allowed: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.var.user;
    if (!user) throw new ServiceError('unauthenticated', 'Log in first');
    if (!allowed.includes(user.role)) throw new ServiceError('forbidden', `The ${user.role} role may not do this`);
    await next();
  });
}
