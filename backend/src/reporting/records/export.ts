import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../identity/auth/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { wallClock } from '../../platform/config/index.ts';
import { categories } from '../../reference/taxonomy/index.ts';
import { departments } from '../../reference/departments/index.ts';
import { type RecordFilters, recordConditions } from './filters.ts';
import { type RecordSort, countRecords, recordPage, toRecordRows } from './rows.ts';
import { viewerOf } from './viewer.ts';
import type { RecordRow } from './views.ts';
import { type ExportNames, exportCells, exportHeader } from './export-columns.ts';

/** Rows fetched per keyset page while exporting: memory stays at one page whatever the export's size. */
const EXPORT_PAGE = 1000;
/** Excel reads a UTF-8 file as the system code page (GBK on Chinese Windows) unless it starts with a BOM. */
const BOM = '\uFEFF';

export interface RecordExport {
  total: number;
  fileName: string;
  /** The file, produced while it is read; cancelling it stops the queries. */
  body: ReadableStream<Uint8Array>;
}

const pad = (n: number) => String(n).padStart(2, '0');

async function namesFor(ctx: Ctx): Promise<ExportNames> {
  const [cats, depts] = await Promise.all([
    ctx.db.select({ code: categories.code, name: categories.name }).from(categories),
    ctx.db.select({ code: departments.code, name: departments.name }).from(departments),
  ]);
  const { timezone } = ctx.config;
  return {
    category: new Map(cats.map((c) => [c.code, c.name])),
    department: new Map(depts.map((d) => [d.code, d.name])),
    place: new Map(ctx.territory.units.map((u) => [u.code, u.name])),
    time(iso) {
      if (!iso) return '';
      const c = wallClock(new Date(iso), timezone);
      return `${c.year}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}`;
    },
  };
}

/** Every matching row, a keyset page at a time, as the viewer may read them. */
async function* allRows(ctx: Ctx, input: RecordFilters & { sort: RecordSort }): AsyncGenerator<RecordRow[]> {
  const viewer = viewerOf(ctx);
  const { sort, ...filters } = input;
  const where = recordConditions(filters, viewer, ctx.territory);
  let cursor: string | undefined;
  for (;;) {
    const page = await recordPage(ctx.db, where, sort, cursor, EXPORT_PAGE);
    yield await toRecordRows(ctx.db, page.rows, viewer, new Date());
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function* csvChunks(pages: AsyncGenerator<RecordRow[]>, names: ExportNames): AsyncGenerator<string> {
  yield `${BOM}${exportHeader().map(csvField).join(',')}\r\n`;
  for await (const rows of pages) yield rows.map((r) => `${exportCells(r, names).map(csvField).join(',')}\r\n`).join('');
}

/** A real .xlsx from exceljs's streaming writer: each row is committed (written out) as soon as it is added. */
function xlsxStream(pages: AsyncGenerator<RecordRow[]>, names: ExportNames): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('综合查询');
  void (async () => {
    sheet.addRow(exportHeader()).commit();
    for await (const rows of pages) {
      if (out.destroyed) return void (await pages.return(undefined));
      for (const row of rows) sheet.addRow(exportCells(row, names)).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

/**
 * `GET /api/records.csv` / `.xlsx`: the search's every row, streamed. An export that hands out
 * contacts is audited once, with its filters and size, before the first row leaves.
 */
export async function exportRecords({ ctx, input }: { ctx: Ctx; input: RecordFilters & { sort: RecordSort; format: 'csv' | 'xlsx' } }): Promise<RecordExport> {
  const { format, ...search } = input;
  const viewer = viewerOf(ctx);
  const { sort, ...filters } = search;
  const total = await countRecords(ctx.db, recordConditions(filters, viewer, ctx.territory));
  if (viewer.seesContacts && total > 0) {
    await recordAudit(ctx.db, ctx.actor, {
      action: 'records.exported',
      entityType: 'records',
      entityId: 'records.exported',
      after: { filters, sort, format, total },
    });
  }
  const names = await namesFor(ctx);
  const pages = allRows(ctx, search);
  const body =
    format === 'csv'
      ? (Readable.toWeb(Readable.from(csvChunks(pages, names), { objectMode: false })) as ReadableStream<Uint8Array>)
      : (Readable.toWeb(xlsxStream(pages, names)) as ReadableStream<Uint8Array>);
  const stamp = names.time(new Date().toISOString()).replace(/[-: ]/g, '');
  return { total, fileName: `records-${stamp}.${format}`, body };
}
