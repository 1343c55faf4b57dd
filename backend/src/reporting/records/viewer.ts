import { type SQL, eq, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../identity/auth/index.ts';
import { QUEUE_ROLES } from '../../identity/auth/index.ts';
import { appeals } from '../../appeals/index.ts';
import { events } from '../../linkage/index.ts';
import { ServiceError } from '../../platform/errors/index.ts';

/** Who is searching, as the search needs to know it. */
export interface Viewer {
  userId: string;
  /** The center (agents, supervisors, admins) reads appeals in full, contacts and 举报 included. */
  seesContacts: boolean;
  /** The center searches the conversation and private notes; a department only what its worklist shows. */
  seesCenterTexts: boolean;
  /** Rows outside it do not exist for this viewer: a handler's department's events. */
  scope: SQL | undefined;
  /** 举报人保密, in SQL: a 举报 or an appeal marked by hand. */
  confidential: SQL;
}

const confidential = sql`(${appeals.appealType} = 'report' or ${appeals.confidential})`;

/** A handler sees the events their department leads or co-handles, and nothing else of the hotline. */
export function viewerOf(ctx: Ctx): Viewer {
  if (ctx.actor.type !== 'user') throw new ServiceError('forbidden', 'Only staff search the records');
  const { user } = ctx.actor;
  if (QUEUE_ROLES.includes(user.role)) return { userId: user.id, seesContacts: true, seesCenterTexts: true, scope: undefined, confidential };
  const code = user.departmentCode ?? '';
  const scope = or(eq(events.leadDepartmentCode, code), sql`${code} = any(${events.coDepartmentCodes})`)!;
  return { userId: user.id, seesContacts: false, seesCenterTexts: false, scope, confidential };
}
