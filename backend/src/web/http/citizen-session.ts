import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { hashToken } from '../../identity/auth/index.ts';

export const CITIZEN_COOKIE = 'hotline_citizen';
const ONE_YEAR_S = 365 * 24 * 60 * 60;

/**
 * A web visitor's session: a random token in an httpOnly cookie. Only its hash is stored, as the
 * visitor's `web_session` identity; the same cookie lets their browser's socket join its chat room.
 */
export function citizenSession(c: Context, options: { create: boolean; secure: boolean }): string | undefined {
  let token = getCookie(c, CITIZEN_COOKIE);
  if (!token && !options.create) return undefined;
  if (!token) {
    token = randomBytes(24).toString('base64url');
    setCookie(c, CITIZEN_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: options.secure, path: '/', maxAge: ONE_YEAR_S });
  }
  return hashToken(token);
}
