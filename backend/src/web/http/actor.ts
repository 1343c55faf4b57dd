import type { Context } from 'hono';
import type { Actor } from '../../identity/auth/index.ts';
import type { AppCtx } from './deps.ts';
import type { AppEnv } from './router.ts';

/** The verb context for a request: the logged-in staff member, or the system for anonymous requests. */
export function actorOf(c: Context<AppEnv>, actor?: Actor): AppCtx {
  return { ...c.var.deps, actor: actor ?? (c.var.user ? { type: 'user', user: c.var.user } : { type: 'system' }) };
}
