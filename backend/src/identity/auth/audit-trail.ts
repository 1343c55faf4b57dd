import { type SQL, and, count, desc, eq, gte, like, lt, sql } from 'drizzle-orm';
import type { Ctx } from './context.ts';
import { auditLog } from '../../platform/audit/index.ts';
import { ServiceError } from '../../platform/errors/index.ts';
import { users } from './schema.ts';

/** 审计日志's filters; every one is optional. */
export interface AuditFilter {
  /** A staff member's username (their changes only). */
  actor?: string;
  /** An action, or its prefix: `user.` finds every account change. */
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

export interface AuditEntryView {
  id: number;
  at: string;
  actorType: 'user' | 'contact' | 'system';
  actorId: string | null;
  /** The staff member's username and name, for a user actor. */
  actorUsername: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** A LIKE pattern that matches `prefix` literally, then anything. */
const prefixPattern = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditions(filter: AuditFilter): SQL | undefined {
  return and(
    filter.actor ? eq(users.username, filter.actor) : undefined,
    filter.action ? like(auditLog.action, prefixPattern(filter.action)) : undefined,
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.from ? gte(auditLog.at, new Date(filter.from)) : undefined,
    filter.to ? lt(auditLog.at, new Date(filter.to)) : undefined,
  );
}

/** Audit rows carry the actor's id as text (a contact's too): a user actor is joined to their account by it. */
const actorJoin = and(eq(auditLog.actorType, 'user'), sql`${auditLog.actorId} = ${users.id}::text`);

/** Audit entries, newest first, with who acted named. */
async function entries(ctx: Ctx, filter: AuditFilter, limit: number, offset: number): Promise<AuditEntryView[]> {
  const rows = await ctx.db
    .select({ entry: auditLog, actorUsername: users.username, actorName: users.displayName })
    .from(auditLog)
    .leftJoin(users, actorJoin)
    .where(conditions(filter))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  return rows.map(({ entry, actorUsername, actorName }) => ({ ...entry, at: entry.at.toISOString(), actorUsername, actorName }));
}

async function total(ctx: Ctx, filter: AuditFilter): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(auditLog).leftJoin(users, actorJoin).where(conditions(filter));
  return Number(row?.n ?? 0);
}

/** One page of the audit log under the filter, and how many entries match in all. */
export async function auditPage({ ctx, input }: { ctx: Ctx; input: AuditFilter & { page: number; pageSize: number } }) {
  const [items, matching] = await Promise.all([entries(ctx, input, input.pageSize, (input.page - 1) * input.pageSize), total(ctx, input)]);
  return { items, total: matching, page: input.page, pageSize: input.pageSize };
}

/** The most one export holds: a bigger one is refused, so a spreadsheet never silently lacks rows. */
export const AUDIT_EXPORT_LIMIT = 50_000;

/** Every entry under the filter, for the CSV export; more than `AUDIT_EXPORT_LIMIT` is a 400 asking for a narrower filter. */
export async function auditExport({ ctx, input }: { ctx: Ctx; input: AuditFilter }): Promise<AuditEntryView[]> {
  const items = await entries(ctx, input, AUDIT_EXPORT_LIMIT + 1, 0);
  if (items.length > AUDIT_EXPORT_LIMIT) {
    throw new ServiceError('invalid_request', `from: more than ${AUDIT_EXPORT_LIMIT} entries match; narrow the time range or the filter`, [{ path: ['from'] }]);
  }
  return items;
}
