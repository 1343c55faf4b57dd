import type { MiddlewareHandler } from 'hono';
import { ServiceError } from '../../platform/errors/index.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for the cookie-authenticated API (OWASP: verify the origin with standard headers).
 * A browser marks every cross-site write with `Origin` and `Sec-Fetch-Site`; a write whose origin is
 * neither this server's public URL nor the host it was sent to is refused before it touches anything.
 * Clients that send neither header (providers, scripts, tests) carry no ambient browser cookies to abuse.
 */
export function sameOriginWrites(publicUrl: string): MiddlewareHandler {
  const trusted = new URL(publicUrl).origin;
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const sameHost = origin !== undefined && origin !== 'null' && URL.canParse(origin) && new URL(origin).host === c.req.header('host');
    const allowed = origin === undefined ? site !== 'cross-site' : origin === trusted || sameHost;
    if (!allowed)
      throw new ServiceError(
        'forbidden',
        `Cross-site request refused (origin ${origin ?? 'unknown'}); the console and citizen page only accept writes from ${trusted}`,
      );
    return next();
  };
}
