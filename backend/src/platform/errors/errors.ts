import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { InvalidInboundError } from '@hotline/channels';
import { z } from '@hono/zod-openapi';
import type { ErrorReason } from './codes.ts';

const statusOf = {
  invalid_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof statusOf;

/** A failure a service expects and a client can act on; `onError` turns it into a 4xx. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** What exactly went wrong, for the console's translated message (see `ERROR_REASONS`). */
    readonly reason?: ErrorReason,
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
      /** One of `ERROR_REASONS`, when the failure has a more precise name than its code. */
      reason: z.string().optional().openapi({ example: 'capacity_full' }),
      message: z.string(),
      requestId: z.string().optional(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

const reasonToCode = { invalid: 'invalid_request', too_large: 'payload_too_large', unsupported_media_type: 'unsupported_media_type' } as const;

/** Socket errors and PostgreSQL's connection-exception / shutdown codes (classes 08 and 57P). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const UNREACHABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i;

/**
 * Whether the database is unreachable rather than the request wrong: drizzle wraps the driver's
 * error as the `cause` of a "Failed query", so the whole chain is searched.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if ((typeof code === 'string' && UNREACHABLE_CODES.has(code)) || UNREACHABLE_MESSAGE.test(current.message)) return true;
  }
  return false;
}

/** How long a client (a provider's retry, the console) should wait before trying again during an outage. */
const RETRY_AFTER_SECONDS = 5;

function toServiceError(error: unknown): ServiceError | undefined {
  if (error instanceof ServiceError) return error;
  if (isDatabaseUnreachable(error)) return new ServiceError('unavailable', 'The database is unavailable right now; retry shortly');
  if (error instanceof InvalidInboundError) return new ServiceError(reasonToCode[error.reason], error.message);
  if (error instanceof z.ZodError) {
    return new ServiceError('invalid_request', describeZodError(error), error.issues);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const code =
      error.status === 413
        ? 'payload_too_large'
        : error.status === 415
          ? 'unsupported_media_type'
          : error.status === 401
            ? 'unauthenticated'
            : 'invalid_request';
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
    // 503 tells providers (Twilio, WeChat) to retry the webhook, and when.
    if (known.status === 503) c.header('retry-after', String(RETRY_AFTER_SECONDS));
    return c.json({ error: { code: known.code, reason: known.reason, message: known.message, requestId, details: known.details } }, known.status);
  }
  console.error(`[${requestId ?? '-'}] ${c.req.method} ${c.req.path} failed:`, error);
  return c.json({ error: { code: 'internal', message: 'Internal server error', requestId } }, 500);
}
