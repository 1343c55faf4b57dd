export { actorOf } from './actor.ts';
export { authenticate, requireRole, requireSession } from './auth.ts';
export { CITIZEN_COOKIE, citizenSession } from './citizen-session.ts';
export type { AppCtx, AppDeps } from './deps.ts';
export { createRateLimits } from './rate-limit.ts';
export { type AppEnv, createRouter, errorResponses } from './router.ts';
export { sameOriginWrites } from './same-origin.ts';
export { STORED_FILE_POLICY, storedFileHeaders } from './stored-file.ts';
export { commaList } from './query.ts';
