import type { Role } from './schema.ts';

/** The staff session cookie: a random token, of which the server keeps only the hash. */
export const SESSION_COOKIE = 'hotline_session';

/** The roles that work the pre-acceptance queue. */
export const QUEUE_ROLES: Role[] = ['agent', 'supervisor', 'admin'];

/** Everyone on staff, department handlers included: for reference data (categories, departments) every screen names things with. */
export const STAFF_ROLES: Role[] = [...QUEUE_ROLES, 'handler'];

/** Who appears in the roster, can be given work and can be a transfer target. */
export const ROSTER_ROLES = ['agent', 'supervisor'] as const satisfies Role[];
