import { createRoute, z } from '@hono/zod-openapi';
import { inputDate, inputText } from '@hotline/channels';
import { stringify } from 'csv-stringify/sync';
import { createRouter, errorResponses } from '../http/index.ts';
import { actorOf } from '../http/index.ts';
import { requireRole } from '../http/index.ts';
import { AUDIT_EXPORT_LIMIT, type AuditEntryView, auditExport, auditPage } from '../../identity/auth/index.ts';

const tags = ['admin'];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const filterSchema = z.object({
  actor: inputText().trim().min(1).max(100).optional().openapi({ description: "A staff member's username" }),
  action: inputText().trim().min(1).max(100).optional().openapi({ description: 'An action or its prefix, e.g. user. or appeal.accepted' }),
  entityType: inputText().trim().min(1).max(50).optional(),
  entityId: inputText().trim().min(1).max(100).optional(),
  from: inputDate().optional().openapi({ description: 'From this instant (inclusive)' }),
  to: inputDate().optional().openapi({ description: 'Before this instant' }),
});

const entrySchema = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    actorType: z.enum(['user', 'contact', 'system']),
    actorId: z.string().nullable(),
    actorUsername: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEntry');

const pageSchema = z.object({ items: z.array(entrySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).openapi('AuditPage');
export type AuditPage = z.infer<typeof pageSchema>;

const listRoute = createRoute({
  method: 'get',
  path: '/api/admin/audit',
  tags,
  summary: 'The audit log (审计日志), newest first: who changed what, when, before and after (admins)',
  middleware: [requireRole('admin')],
  request: {
    query: filterSchema.extend({
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: { 200: { description: 'A page of entries', content: json(pageSchema) }, ...errorResponses(400, 401, 403) },
});

const csvRoute = createRoute({
  method: 'get',
  path: '/api/admin/audit.csv',
  tags,
  summary: 'The audit log under the same filters as CSV (UTF-8 with BOM), newest first (admins)',
  description: `At most ${AUDIT_EXPORT_LIMIT} entries: a filter matching more is a 400 naming from.`,
  middleware: [requireRole('admin')],
  request: { query: filterSchema },
  responses: { 200: { description: 'The entries as a spreadsheet', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(400, 401, 403) },
});

const CSV_HEADER = ['时间', '操作人类型', '操作人', '姓名', '操作', '对象类型', '对象', '之前', '之后'];

const cells = (e: AuditEntryView) => [
  e.at,
  e.actorType,
  e.actorUsername ?? e.actorId ?? '',
  e.actorName ?? '',
  e.action,
  e.entityType,
  e.entityId,
  e.before === null ? '' : JSON.stringify(e.before),
  e.after === null ? '' : JSON.stringify(e.after),
];

/** A spreadsheet cell starting with = + - @ would run as a formula in Excel: it is quoted as text. */
const defused = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

function auditCsv(items: AuditEntryView[]): string {
  return `\uFEFF${stringify([CSV_HEADER, ...items.map((e) => cells(e).map(defused))], { record_delimiter: '\r\n' })}`;
}

export function auditRoutes() {
  return createRouter()
    .openapi(listRoute, async (c) => c.json(await auditPage({ ctx: actorOf(c), input: c.req.valid('query') }), 200))
    .openapi(csvRoute, async (c) => {
      const items = await auditExport({ ctx: actorOf(c), input: c.req.valid('query') });
      return c.body(auditCsv(items), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
        'cache-control': 'private, no-store',
      });
    });
}
