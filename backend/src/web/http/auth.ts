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

/**
 * 401 without a session, 403 for a role not in the list, and 403 `password_change_required` while
 * the user still has to replace a password an admin set.
 */
export function requireRole(...allowed: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.var.user;
    if (!user) throw new ServiceError('unauthenticated', 'Log in first');
    if (user.mustChangePassword) throw new ServiceError('password_change_required', 'Change your password first');
    if (!allowed.includes(user.role)) throw new ServiceError('forbidden', `The ${user.role} role may not do this`);
    await next();
  });
}

/** Any logged-in user, even one who must change their password first: who am I, change my password, log out everywhere. */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.user) throw new ServiceError('unauthenticated', 'Log in first');
  await next();
});
