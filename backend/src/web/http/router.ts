import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from './deps.ts';
import type { SessionUser } from '../../identity/auth/index.ts';
import { ServiceError, describeZodError, errorBodySchema } from '../../platform/errors/index.ts';

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    /** Set by `authenticate` when the request carries a valid staff session. */
    user?: SessionUser;
  };
}

/** Every domain's routes are built on this, so validation failures all become the same 400. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ServiceError('invalid_request', describeZodError(result.error), result.error.issues);
    },
  });
}

export const errorResponses = (...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415)[]) =>
  Object.fromEntries(
    statuses.map((status) => [status, { description: errorDescriptions[status], content: { 'application/json': { schema: errorBodySchema } } }]),
  );

const errorDescriptions = {
  400: 'Invalid request',
  401: 'Not logged in',
  403: 'Not allowed for this role',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Payload too large',
  415: 'Unsupported media type',
} as const;
