import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { InvalidInboundError } from '@hotline/channels';
import { z } from '@hono/zod-openapi';

const statusOf = {
  invalid_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof statusOf;

/** A failure a service expects and a client can act on; `onError` turns it into a 4xx. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  get status(): ContentfulStatusCode {
    return statusOf[this.code];
  }
}

export const notFound = (what: string) => new ServiceError('not_found', `${what} was not found`);

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string(),
      requestId: z.string().optional(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

const reasonToCode = { invalid: 'invalid_request', too_large: 'payload_too_large', unsupported_media_type: 'unsupported_media_type' } as const;

function toServiceError(error: unknown): ServiceError | undefined {
  if (error instanceof ServiceError) return error;
  if (error instanceof InvalidInboundError) return new ServiceError(reasonToCode[error.reason], error.message);
  if (error instanceof z.ZodError) {
    return new ServiceError('invalid_request', describeZodError(error), error.issues);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const code =
      error.status === 413 ? 'payload_too_large' : error.status === 415 ? 'unsupported_media_type' : error.status === 401 ? 'unauthenticated' : 'invalid_request';
    return new ServiceError(code, error.message || 'Bad request');
  }
  return undefined;
}

export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** The one error mapper: `{ "error": { "code", "message", "requestId" } }`; only 5xx are logged as failures. */
export function handleError(error: unknown, c: Context) {
  const requestId = c.get('requestId') as string | undefined;
  const known = toServiceError(error);
  if (known) {
    return c.json({ error: { code: known.code, message: known.message, requestId, details: known.details } }, known.status);
  }
  console.error(`[${requestId ?? '-'}] ${c.req.method} ${c.req.path} failed:`, error);
  return c.json({ error: { code: 'internal', message: 'Internal server error', requestId } }, 500);
}
