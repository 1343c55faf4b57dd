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

/** Lines `{"text","category","type"?}`; labels are whatever the file uses. */
export function readExamples(file: string): Example[] {
  return readJsonLines(file).map(({ line, value }) => {
    if (!nonEmptyString(value.text)) throw new DataError('missing or empty "text"', file, line);
    if (!nonEmptyString(value.category)) throw new DataError('missing or empty "category"', file, line);
    if (value.type !== undefined && value.type !== null && !nonEmptyString(value.type))
      throw new DataError('"type" must be a non-empty string when given', file, line);
    const ex: Example = { text: value.text, category: value.category.trim() };
    if (nonEmptyString(value.type)) ex.type = value.type.trim();
    return ex;
  });
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
