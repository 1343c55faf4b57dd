import type { Ctx } from '../../identity/auth/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { type RecordFilters, recordConditions } from './filters.ts';
import { type RecordSort, countRecords, recordPage, toRecordRows } from './rows.ts';
import { viewerOf } from './viewer.ts';
import type { RecordPage, RecordRow } from './views.ts';

export interface RecordSearch extends RecordFilters {
  sort: RecordSort;
  cursor?: string;
  limit: number;
}

/**
 * Every search that hands out citizens' contacts is audited — who searched, for what, and whose
 * contacts came back — so a look-up of someone's number is on the record like any change.
 */
export async function auditContactsRead(
  ctx: Ctx,
  action: 'records.searched' | 'records.exported',
  filters: RecordFilters,
  rows: Pick<RecordRow, 'caseNumber' | 'contact'>[],
) {
  const shown = rows.filter((r) => r.contact);
  if (!shown.length) return;
  await recordAudit(ctx.db, ctx.actor, {
    action,
    entityType: 'records',
    entityId: action,
    after: { filters, caseNumbers: shown.map((r) => r.caseNumber), contactIds: [...new Set(shown.map((r) => r.contact!.contactId))] },
  });
}

/** 综合查询: one page of appeals and their events matching the filters, with the count over all pages. */
export async function searchRecords({ ctx, input }: { ctx: Ctx; input: RecordSearch }): Promise<RecordPage> {
  const viewer = viewerOf(ctx);
  const { sort, cursor, limit, ...filters } = input;
  const where = recordConditions(filters, viewer, ctx.territory);
  const [page, total] = await Promise.all([recordPage(ctx.db, where, sort, cursor, limit), countRecords(ctx.db, where)]);
  const items = await toRecordRows(ctx.db, page.rows, viewer, new Date());
  await auditContactsRead(ctx, 'records.searched', filters, items);
  return { items, total, nextCursor: page.nextCursor };
}
