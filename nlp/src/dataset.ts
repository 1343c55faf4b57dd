import { readFileSync } from 'node:fs';
import type { Example } from './classifier.ts';

/** A problem with an input file, pointing at the line (1-based) when there is one. */
export class DataError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(line ? `${file}:${line}: ${message}` : `${file}: ${message}`);
  }
}

export interface Pair {
  text1: string;
  text2: string;
  label: 0 | 1;
}

function readJsonLines(file: string): { line: number; value: Record<string, unknown> }[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DataError(`cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, file);
  }
  const out: { line: number; value: Record<string, unknown> }[] = [];
  raw
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((text, i) => {
      if (!text.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new DataError('not valid JSON', file, i + 1);
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new DataError('expected a JSON object', file, i + 1);
      out.push({ line: i + 1, value: value as Record<string, unknown> });
    });
  if (!out.length) throw new DataError('no data lines (the file is empty)', file);
  return out;
}

function nonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0;
}

/**
 * The field names a city's exported history uses for each example field (a case system's export
 * says 诉求内容 and 事项分类, a hand-made file text and category): the first present wins.
 */
const FIELD_NAMES = {
  text: ['text', '诉求内容', '内容', '来电内容', '问题描述', '留言详情', '留言内容'],
  category: ['category', '事项分类', '分类', '类别', '一级分类', '问题分类'],
  type: ['type', '诉求类型', '类型'],
} as const;

function field(value: Record<string, unknown>, names: readonly string[]): unknown {
  const name = names.find((n) => value[n] !== undefined && value[n] !== null && value[n] !== '');
  return name === undefined ? undefined : value[name];
}

function toExample(value: Record<string, unknown>, file: string, line: number): Example {
  const [text, category, type] = [field(value, FIELD_NAMES.text), field(value, FIELD_NAMES.category), field(value, FIELD_NAMES.type)];
  if (!nonEmptyString(text)) throw new DataError(`missing or empty "text" (or ${FIELD_NAMES.text.slice(1).join('/')})`, file, line);
  if (!nonEmptyString(category)) throw new DataError(`missing or empty "category" (or ${FIELD_NAMES.category.slice(1).join('/')})`, file, line);
  if (type !== undefined && !nonEmptyString(type)) throw new DataError('"type" must be a non-empty string when given', file, line);
  const ex: Example = { text, category: category.trim() };
  if (nonEmptyString(type)) ex.type = type.trim();
  return ex;
}

/**
 * Labelled examples from JSON Lines (`{"text","category","type"?}`) or, for a `.csv` file, a table
 * with a header row; either may name the fields as a case system's export does (诉求内容, 事项分类,
 * 诉求类型). Labels are whatever the file uses.
 */
export function readExamples(file: string): Example[] {
  const records = /\.csv$/i.test(file) ? readCsv(file) : readJsonLines(file);
  return records.map(({ line, value }) => toExample(value, file, line));
}

/** RFC 4180 CSV (quoted fields with commas, quotes and line breaks), the first row naming the columns. */
function readCsv(file: string): { line: number; value: Record<string, unknown> }[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new DataError(`cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, file);
  }
  const rows = parseCsv(raw, file);
  const [header, ...body] = rows;
  if (!header || !body.length) throw new DataError('no data rows (a header row and at least one row are needed)', file);
  const names = header.cells.map((h) => h.trim());
  return body
    .filter((r) => r.cells.some((c) => c.trim()))
    .map((r) => ({ line: r.line, value: Object.fromEntries(names.map((n, i) => [n, r.cells[i] ?? ''])) }));
}

function parseCsv(raw: string, file: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (quoted) {
      if (ch === '"' && raw[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && raw[i + 1] === '\n') i++;
      rows.push({ line: rowLine, cells: [...cells, cell] });
      [cells, cell] = [[], ''];
      rowLine = ++line;
    } else cell += ch;
  }
  if (quoted) throw new DataError('a quoted field is not closed', file, rowLine);
  if (cell || cells.length) rows.push({ line: rowLine, cells: [...cells, cell] });
  return rows;
}

/** Lines `{"text1","text2","label":0|1}`. */
export function readPairs(file: string): Pair[] {
  return readJsonLines(file).map(({ line, value }) => {
    if (!nonEmptyString(value.text1)) throw new DataError('missing or empty "text1"', file, line);
    if (!nonEmptyString(value.text2)) throw new DataError('missing or empty "text2"', file, line);
    const label = value.label === true ? 1 : value.label === false ? 0 : typeof value.label === 'string' ? Number(value.label) : value.label;
    if (label !== 0 && label !== 1) throw new DataError('"label" must be 0 or 1', file, line);
    return { text1: value.text1, text2: value.text2, label };
  });
}
