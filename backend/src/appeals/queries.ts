import { and, asc, count, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../identity/auth/index.ts';
import type { DbOrTx } from '../platform/db/index.ts';
import { users } from '../identity/auth/index.ts';
import { contactIdentities, contacts } from '../identity/contacts/index.ts';
import { messagesOfAppeal } from '../messaging/index.ts';
import { notFound } from '../platform/errors/index.ts';
import type { Territory } from '../reference/territory/index.ts';
import { type Appeal, type AppealStatus, appeals, duplicateSuggestions } from './schema.ts';
import type { AppealPage, AppealRecord, AppealSummary, ContactHistoryItem, DuplicateView } from './views.ts';
import { notesOfAppeal } from './notes.ts';

const CONTACT_HISTORY_LIMIT = 20;

const assignees = alias(users, 'assignee');

/**
 * A suggestion is live while one of the two appeals still waits and neither left the matter
 * (merged, rejected, answered): only then can an agent act on it. The queue card, the appeal
 * header and the panel count the same live suggestions (`isLiveSuggestion` is the panel's twin).
 */
export const MERGEABLE_STATUSES: readonly AppealStatus[] = ['pending', 'accepted'];
const mergeableList = sql.join(
  MERGEABLE_STATUSES.map((status) => sql`${status}`),
  sql`, `,
);
export function isLiveSuggestion(decision: string, status: AppealStatus, otherStatus: AppealStatus): boolean {
  return (
    decision === 'suggest' &&
    MERGEABLE_STATUSES.includes(status) &&
    MERGEABLE_STATUSES.includes(otherStatus) &&
    (status === 'pending' || otherStatus === 'pending')
  );
}

/** Counted per row in the queue: live suggestions from either side (the first report sees the later ones too), and citizens behind the matter. */
const duplicateSuggestionCount = sql<number>`(case when ${appeals.status} in (${mergeableList}) then (select count(*)::int from ${duplicateSuggestions} join ${appeals} as other_side on other_side.id = (case when ${duplicateSuggestions.appealId} = ${appeals.id} then ${duplicateSuggestions.candidateId} else ${duplicateSuggestions.appealId} end) where (${duplicateSuggestions.appealId} = ${appeals.id} or ${duplicateSuggestions.candidateId} = ${appeals.id}) and ${duplicateSuggestions.decision} = 'suggest' and other_side.status in (${mergeableList}) and (${appeals.status} = 'pending' or other_side.status = 'pending')) else 0 end)`;
const reporterCount = sql<number>`(1 + (select count(*)::int from ${appeals} as merged_into where merged_into.duplicate_of_id = ${appeals.id}))`;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export interface AppealCounts {
  duplicateSuggestions: number;
  reporterCount: number;
}

export function toAppealSummary(
  appeal: Appeal,
  assignee: { id: string; displayName: string } | null,
  territory: Territory,
  counts: AppealCounts,
): AppealSummary {
  const { contactId: _c, conversationId: _v, assigneeId: _a, classification: _n, nlpProcessedAt: _p, ...fields } = appeal;
  const grid = appeal.gridCode ? territory.ancestry(appeal.gridCode).at(-1) : undefined;
  return {
    ...fields,
    summary: appeal.summary.length > 200 ? `${appeal.summary.slice(0, 200)}…` : appeal.summary,
    gridName: grid?.name ?? null,
    gridNameEn: grid?.nameEn ?? null,
    assignee,
    ...counts,
    createdAt: iso(appeal.createdAt),
    updatedAt: iso(appeal.updatedAt),
    decidedAt: isoOrNull(appeal.decidedAt),
    assignedAt: isoOrNull(appeal.assignedAt),
    firstResponseAt: isoOrNull(appeal.firstResponseAt),
  };
}

function selectAppeals(db: DbOrTx) {
  return db
    .select({ appeal: appeals, assigneeId: assignees.id, assigneeName: assignees.displayName, duplicateSuggestions: duplicateSuggestionCount, reporterCount })
    .from(appeals)
    .leftJoin(assignees, eq(assignees.id, appeals.assigneeId));
}

type AppealRow = { appeal: Appeal; assigneeId: string | null; assigneeName: string | null } & AppealCounts;
const summaryOf = (row: AppealRow, territory: Territory) =>
  toAppealSummary(row.appeal, row.assigneeId ? { id: row.assigneeId, displayName: row.assigneeName! } : null, territory, {
    duplicateSuggestions: Number(row.duplicateSuggestions),
    reporterCount: Number(row.reporterCount),
  });

/**
 * The queue. Pending appeals come most urgent first, then oldest first (first come, first served);
 * decided ones newest first.
 */
export async function listAppeals({ ctx, input }: { ctx: Ctx; input: { status: AppealStatus; page: number; pageSize: number } }): Promise<AppealPage> {
  const where = eq(appeals.status, input.status);
  const order = input.status === 'pending' ? [desc(appeals.urgency), asc(appeals.createdAt)] : [desc(appeals.createdAt)];
  const [rows, [total]] = await Promise.all([
    selectAppeals(ctx.db)
      .where(where)
      .orderBy(...order, asc(appeals.caseNumber))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ n: count() }).from(appeals).where(where),
  ]);
  return { items: rows.map((r) => summaryOf(r, ctx.territory)), total: total!.n, page: input.page, pageSize: input.pageSize };
}

export async function loadAppealSummary(ctx: Ctx, appealId: string): Promise<AppealSummary> {
  const [summary] = await loadAppealSummaries(ctx, [appealId]);
  if (summary instanceof Error) throw summary;
  return summary!;
}

/** Several appeals' summaries in one query, in the order asked; a missing one is a not-found error in its place. */
export async function loadAppealSummaries(ctx: Ctx, appealIds: readonly string[]): Promise<(AppealSummary | Error)[]> {
  const rows = await selectAppeals(ctx.db).where(inArray(appeals.id, [...appealIds]));
  const found = new Map(rows.map((row) => [row.appeal.id, summaryOf(row, ctx.territory)]));
  return appealIds.map((id) => found.get(id) ?? notFound('Appeal'));
}

/** One appeal as an agent works it (the console's detail adds its calls and event). */
export async function getAppealRecord({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<AppealRecord> {
  const [row] = await selectAppeals(ctx.db).where(eq(appeals.id, input.id));
  if (!row) throw notFound('Appeal');
  const { appeal } = row;
  const [[contact], identities, thread, duplicates, mergedReporters, notes, history] = await Promise.all([
    ctx.db.select().from(contacts).where(eq(contacts.id, appeal.contactId)),
    ctx.db
      .select({ kind: contactIdentities.kind, value: contactIdentities.value })
      .from(contactIdentities)
      .where(eq(contactIdentities.contactId, appeal.contactId))
      .orderBy(asc(contactIdentities.createdAt)),
    messagesOfAppeal(ctx.db, appeal.id),
    duplicatesOf(ctx, appeal),
    ctx.db
      .select({ id: appeals.id, caseNumber: appeals.caseNumber, channel: appeals.channel, createdAt: appeals.createdAt })
      .from(appeals)
      .where(eq(appeals.duplicateOfId, appeal.id))
      .orderBy(asc(appeals.createdAt)),
    notesOfAppeal(ctx.db, appeal.id),
    contactHistoryOf(ctx.db, appeal),
  ]);
  return {
    ...summaryOf(row, ctx.territory),
    summary: appeal.summary,
    contact: { id: contact!.id, name: contact!.name, identities },
    gridPath: appeal.gridCode ? ctx.territory.ancestry(appeal.gridCode).map((u) => ({ code: u.code, name: u.name, nameEn: u.nameEn, level: u.level })) : [],
    messages: thread,
    classification: appeal.classification ?? null,
    duplicates,
    mergedReporters: mergedReporters.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    notes,
    contactHistory: history,
  };
}

/** The citizen's other appeals on every channel, newest first: what they reported before. */
async function contactHistoryOf(db: DbOrTx, appeal: Appeal): Promise<ContactHistoryItem[]> {
  const rows = await db
    .select({
      id: appeals.id,
      caseNumber: appeals.caseNumber,
      channel: appeals.channel,
      status: appeals.status,
      summary: appeals.summary,
      createdAt: appeals.createdAt,
    })
    .from(appeals)
    .where(and(eq(appeals.contactId, appeal.contactId), ne(appeals.id, appeal.id)))
    .orderBy(desc(appeals.createdAt), desc(appeals.caseNumber))
    .limit(CONTACT_HISTORY_LIMIT);
  return rows.map((r) => ({ ...r, summary: r.summary.length > 200 ? `${r.summary.slice(0, 200)}…` : r.summary, createdAt: iso(r.createdAt) }));
}

/**
 * The appeal's live duplicate suggestions (see `MERGEABLE_STATUSES`), best first, each with the
 * other appeal's summary: found when either of the two arrived, so the first report lists the later ones too.
 */
async function duplicatesOf(ctx: Ctx, appeal: Appeal): Promise<DuplicateView[]> {
  const appealId = appeal.id;
  const rows = await ctx.db
    .select({ suggestion: duplicateSuggestions })
    .from(duplicateSuggestions)
    .where(and(or(eq(duplicateSuggestions.appealId, appealId), eq(duplicateSuggestions.candidateId, appealId)), eq(duplicateSuggestions.decision, 'suggest')))
    .orderBy(desc(duplicateSuggestions.score));
  if (!rows.length) return [];
  const otherId = (s: typeof duplicateSuggestions.$inferSelect) => (s.appealId === appealId ? s.candidateId : s.appealId);
  const others = await selectAppeals(ctx.db).where(
    and(
      inArray(
        appeals.id,
        rows.map((r) => otherId(r.suggestion)),
      ),
      inArray(appeals.status, [...MERGEABLE_STATUSES]),
    ),
  );
  return rows.flatMap(({ suggestion }) => {
    const other = others.find((o) => o.appeal.id === otherId(suggestion));
    return other && isLiveSuggestion(suggestion.decision, appeal.status, other.appeal.status)
      ? [
          {
            appeal: summaryOf(other, ctx.territory),
            score: suggestion.score,
            decision: suggestion.decision,
            evidence: suggestion.evidence as DuplicateView['evidence'],
          },
        ]
      : [];
  });
}

/** The appeals suggested as duplicates of this one, from either side: their counts change when it is settled. */
export async function duplicatePartnerIds(db: DbOrTx, appealId: string): Promise<string[]> {
  const rows = await db
    .select({ appealId: duplicateSuggestions.appealId, candidateId: duplicateSuggestions.candidateId })
    .from(duplicateSuggestions)
    .where(and(or(eq(duplicateSuggestions.appealId, appealId), eq(duplicateSuggestions.candidateId, appealId)), eq(duplicateSuggestions.decision, 'suggest')));
  return [...new Set(rows.map((r) => (r.appealId === appealId ? r.candidateId : r.appealId)))];
}
