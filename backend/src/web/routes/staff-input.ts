import { z } from '@hono/zod-openapi';
import { channels, inputText } from '@hotline/channels';
import { parse } from 'csv-parse/sync';
import { roles } from '../../identity/auth/index.ts';
import { categories } from '../../reference/taxonomy/index.ts';
import { ServiceError, describeZodError } from '../../platform/errors/index.ts';

const platforms = categories.platform.enumValues;

export const skillsSchema = z
  .object({
    channels: z.array(z.enum(channels)).max(channels.length),
    languages: z.array(inputText().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as zh or en')).max(10),
    platforms: z.array(z.enum(platforms)).max(platforms.length),
  })
  .openapi('AgentSkills');

/** What an admin may set on an account (also each row of a CSV import). */
export const staffFieldsSchema = z.object({
  displayName: inputText().trim().min(1).max(100),
  role: z.enum(roles),
  departmentCode: inputText().trim().min(1).max(50).nullable().default(null),
  chatCapacity: z.number().int().min(0).max(50).nullable().default(null),
  callCapacity: z.number().int().min(0).max(10).nullable().default(null),
  skills: skillsSchema.nullable().default(null),
});

export const usernameSchema = inputText()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{1,49}$/, 'must be 2–50 lower-case letters, digits, . _ or -, starting with a letter or digit');

export const newStaffSchema = staffFieldsSchema.extend({ username: usernameSchema }).openapi('NewStaff');

/** The columns of a staff CSV, in the order of the template; lists within a cell are separated by `;`. */
export const STAFF_CSV_COLUMNS = [
  'username',
  'displayName',
  'role',
  'departmentCode',
  'chatCapacity',
  'callCapacity',
  'channels',
  'languages',
  'platforms',
] as const;

const MAX_IMPORT_ROWS = 500;

const list = (cell: string | undefined) =>
  (cell ?? '')
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);
const numberOrNull = (cell: string | undefined) => (cell?.trim() ? Number(cell) : null);

/** One CSV record as the create route's body: empty cells are "not set", and three empty skill cells are no skills row. */
function rowToInput(record: Record<string, string>) {
  const skills = { channels: list(record.channels), languages: list(record.languages), platforms: list(record.platforms) };
  const anySkill = skills.channels.length + skills.languages.length + skills.platforms.length > 0;
  return {
    username: record.username,
    displayName: record.displayName,
    role: record.role,
    departmentCode: record.departmentCode?.trim() || null,
    chatCapacity: numberOrNull(record.chatCapacity),
    callCapacity: numberOrNull(record.callCapacity),
    skills: anySkill ? skills : null,
  };
}

const invalid = (field: string, message: string) => new ServiceError('invalid_request', `${field}: ${message}`, [{ path: field.split('.'), message }]);

/**
 * Reads a staff CSV (a header row naming the columns, then one account per row, UTF-8, a BOM
 * allowed as Excel writes it). A bad cell is a 400 naming its row and column, e.g. `rows.3.role`.
 */
export function parseStaffCsv(csv: string): z.output<typeof newStaffSchema>[] {
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    throw invalid('csv', error instanceof Error ? error.message : 'is not valid CSV');
  }
  if (!records.length) throw invalid('csv', 'has no account rows');
  if (records.length > MAX_IMPORT_ROWS) throw invalid('csv', `has more than ${MAX_IMPORT_ROWS} rows`);
  const missing = ['username', 'displayName', 'role'].filter((column) => !(column in records[0]!));
  if (missing.length) throw invalid('csv', `the header lacks ${missing.join(', ')}`);
  return records.map((record, i) => {
    const parsed = newStaffSchema.safeParse(rowToInput(record));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalid(`rows.${i + 1}.${issue.path.join('.')}`, describeZodError(new z.ZodError([{ ...issue, path: [] }])));
    }
    return parsed.data;
  });
}
