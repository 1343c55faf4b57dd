import { type SQL, and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.ts';
import { ServiceError } from '../../platform/errors/index.ts';
import { users } from '../../identity/auth/index.ts';
import { contactIdentities, contacts } from '../../identity/contacts/index.ts';
import { appeals, isReporterConfidential } from '../../appeals/index.ts';
import { OPEN_STATUSES, dueOf, events, reporterSafe } from '../../linkage/index.ts';
import { type recordSorts, reporterCount } from './filters.ts';
import type { Viewer } from './viewer.ts';
import type { RecordRow } from './views.ts';

export type RecordSort = (typeof recordSorts)[number];

const openStatuses = sql.join(
  OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);
/** An open event's completion limit; appeals with nothing open come after every one of them. */
const timeLeft = sql`coalesce(case when ${events.status} in (${openStatuses}) then ${events.timeLimitAt} end, 'infinity'::timestamptz)`;

/**
 * Each order's keys, last one unique: a page ends on a row's keys and the next starts after them
 * (keyset pages: no OFFSET, so page 500 costs what page 1 does). Keys travel as PostgreSQL's own
 * text, so a timestamp keeps its microseconds.
 */
const SORTS: Record<RecordSort, { keys: { expr: SQL; cast: string; pattern: RegExp }[]; direction: 'asc' | 'desc' }> = {
  received: { direction: 'desc', keys: [timestampKey(sql`${appeals.createdAt}`), idKey()] },
  urgency: {
    direction: 'desc',
    keys: [{ expr: sql`${appeals.urgency}`, cast: 'urgency', pattern: /^(normal|urgent|emergency)$/ }, timestampKey(sql`${appeals.createdAt}`), idKey()],
  },
  timeLeft: { direction: 'asc', keys: [timestampKey(timeLeft), idKey()] },
};

function timestampKey(expr: SQL) {
  return { expr, cast: 'timestamptz', pattern: /^(infinity|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d)?)$/ };
}
function idKey() {
  return { expr: sql`${appeals.id}`, cast: 'uuid', pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/ };
}

export function encodeCursor(keys: string[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

/** The rows after the cursor's keys, in the sort's direction; a cursor of another sort or a forged one is a 400. */
function afterCursor(sort: RecordSort, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const { keys, direction } = SORTS[sort];
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== keys.length || !values.every((v, i) => typeof v === 'string' && keys[i]!.pattern.test(v))) {
    throw new ServiceError('invalid_request', 'cursor: not a cursor of this search and sort', { field: 'cursor' });
  }
  const columns = sql.join(
    keys.map((k) => k.expr),
    sql`, `,
  );
  const bound = sql.join(
    keys.map((k, i) => sql`${values[i] as string}::${sql.raw(k.cast)}`),
    sql`, `,
  );
  return direction === 'desc' ? sql`(${columns}) < (${bound})` : sql`(${columns}) > (${bound})`;
}

function selectRows(db: DbOrTx, sort: RecordSort) {
  const sortKeys = sql.join(
    SORTS[sort].keys.map((k) => sql`(${k.expr})::text`),
    sql`, `,
  );
  return db
    .select({
      appeal: appeals,
      event: {
        id: events.id,
        status: events.status,
        leadDepartmentCode: events.leadDepartmentCode,
        signDueAt: events.signDueAt,
        timeLimitAt: events.timeLimitAt,
        warnAt: events.warnAt,
        closedAt: events.closedAt,
        signOverdueRaisedAt: events.signOverdueRaisedAt,
        yellowRaisedAt: events.yellowRaisedAt,
        redRaisedAt: events.redRaisedAt,
      },
      assigneeName: users.displayName,
      reporters: reporterCount,
      keys: sql<string[]>`array[${sortKeys}]`,
    })
    .from(appeals)
    .leftJoin(events, eq(events.appealId, appeals.id))
    .leftJoin(users, eq(users.id, appeals.assigneeId));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectRows>['execute']>>[number];

/** One keyset page of matching rows, and the cursor after it. */
export async function recordPage(db: DbOrTx, where: SQL | undefined, sort: RecordSort, cursor: string | undefined, limit: number) {
  const order = SORTS[sort].keys.map((k) => (SORTS[sort].direction === 'desc' ? desc(k.expr) : asc(k.expr)));
  const rows = await selectRows(db, sort)
    .where(and(where, afterCursor(sort, cursor)))
    .orderBy(...order)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last.keys) : null };
}

export async function countRecords(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(appeals).leftJoin(events, eq(events.appealId, appeals.id)).where(where);
  return Number(row?.n ?? 0);
}

/** The contacts behind a page, for the center: name, phone numbers and openids. */
async function contactsOf(db: DbOrTx, contactIds: string[]): Promise<Map<string, NonNullable<RecordRow['contact']>>> {
  const byId = new Map<string, NonNullable<RecordRow['contact']>>();
  if (!contactIds.length) return byId;
  for (const c of await db.select({ id: contacts.id, name: contacts.name }).from(contacts).where(inArray(contacts.id, contactIds))) {
    byId.set(c.id, { contactId: c.id, name: c.name, phones: [], openids: [] });
  }
  const identities = await db
    .select({ contactId: contactIdentities.contactId, kind: contactIdentities.kind, value: contactIdentities.value })
    .from(contactIdentities)
    .where(and(inArray(contactIdentities.contactId, contactIds), inArray(contactIdentities.kind, ['phone', 'wechat_openid'])));
  for (const i of identities) byId.get(i.contactId)?.[i.kind === 'phone' ? 'phones' : 'openids'].push(i.value);
  return byId;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The rows as the viewer may read them: a department never gets contacts, and a confidential appeal's words masked. */
export async function toRecordRows(db: DbOrTx, rows: Selected[], viewer: Viewer, now: Date): Promise<RecordRow[]> {
  const people = viewer.seesContacts ? await contactsOf(db, [...new Set(rows.map((r) => r.appeal.contactId))]) : new Map();
  return rows.map(({ appeal, event, assigneeName, reporters }) => {
    const masked = !viewer.seesContacts && isReporterConfidential(appeal);
    return {
      appealId: appeal.id,
      caseNumber: appeal.caseNumber,
      channel: appeal.channel,
      status: appeal.status,
      appealType: appeal.appealType,
      confidential: isReporterConfidential(appeal),
      categoryCode: appeal.categoryCode,
      urgency: appeal.urgency,
      summary: reporterSafe(appeal.summary, masked),
      address: reporterSafe(appeal.address, masked),
      gridCode: appeal.gridCode,
      receivedAt: appeal.createdAt.toISOString(),
      decidedAt: iso(appeal.decidedAt),
      assignee: appeal.assigneeId && assigneeName ? { id: appeal.assigneeId, displayName: assigneeName } : null,
      satisfaction: appeal.satisfaction,
      reporterCount: Number(reporters),
      event: event
        ? {
            id: event.id,
            status: event.status,
            leadDepartmentCode: event.leadDepartmentCode,
            timeLimitAt: event.timeLimitAt.toISOString(),
            closedAt: iso(event.closedAt),
            due: dueOf(event, now),
            warnings: (['sign', 'yellow', 'red'] as const).filter(
              (w) => ({ sign: event.signOverdueRaisedAt, yellow: event.yellowRaisedAt, red: event.redRaisedAt })[w] !== null,
            ),
          }
        : null,
      contact: people.get(appeal.contactId) ?? null,
    };
  });
}
