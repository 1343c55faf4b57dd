import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { InvalidInboundError } from '@hotline/channels';
import { ServiceError } from '../../platform/errors/index.ts';
import { formatOfPath, sendErrors } from './format.ts';

/**
 * A GeoReport error: the spec wants 404 for what does not exist, 403 for a missing or wrong
 * api_key, and 400 for anything else a client got wrong; a method a resource does not take is
 * 405 with the methods it does (`Allow`).
 */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 405,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
    this.name = 'Open311Error';
  }
}

function asOpen311(error: unknown): Open311Error | undefined {
  if (error instanceof Open311Error) return error;
  // Validation (the router's zod hook) and the shared verbs speak ServiceError.
  if (error instanceof ServiceError) {
    const status = error.code === 'not_found' ? 404 : error.code === 'forbidden' ? 403 : error.status < 500 ? 400 : undefined;
    return status ? new Open311Error(status, error.message) : undefined;
  }
  // A photo that is not an image, or too large.
  if (error instanceof InvalidInboundError) return new Open311Error(400, error.message);
  // Hono's own refusals: a malformed JSON body, an unsupported media type.
  if (error instanceof HTTPException && error.status < 500) return new Open311Error(400, error.message || 'Bad request');
  return undefined;
}

/** The Open311 routes' error handler: the spec's `errors` body in the format the path asked for, never our own JSON envelope. */
export function handleOpen311Error(error: unknown, c: Context) {
  const format = formatOfPath(c.req.path);
  const known = asOpen311(error);
  if (known) return sendErrors(c, format, known.status, [known.description], known.headers);
  console.error(`[${c.get('requestId') ?? '-'}] ${c.req.method} ${c.req.path} failed:`, error);
  return sendErrors(c, format, 500, ['Internal server error']);
}
