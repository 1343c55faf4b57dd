import type { LocationPrecision, Locator } from './location.ts';

/** One hand-written text and the most precise unit it allows: a grid code, a coarser unit's code, or null (no place). */
export interface LocationCase {
  text: string;
  expected: string | null;
  /** What kind of mention the text makes (building, road-number, community…): the rows of the report. */
  precision: LocationPrecision | 'district' | 'grid';
}

export interface LocationRow {
  precision: string;
  texts: number;
  correct: number;
  /** Placed in a grid that is not the expected one (or a grid invented for a text that allows none). */
  wrongGrid: number;
}

export interface LocationReport {
  rows: LocationRow[];
  total: LocationRow;
  /** The texts resolved wrongly, for reading. */
  misses: { text: string; expected: string | null; got: string | null }[];
}

/** Where a location result lands: its grid, else the unit it names, else nothing. */
export function resolvedCode(locator: Locator, text: string): { code: string | null; grid: boolean } {
  const r = locator.locate(text);
  return { code: r.gridCode ?? r.unitCode ?? null, grid: Boolean(r.gridCode) };
}

/** Accuracy of a locator on a location test set: resolved to the expected unit, and placed in a wrong grid. */
export function evaluateLocations(locator: Locator, cases: readonly LocationCase[]): LocationReport {
  const rows = new Map<string, LocationRow>();
  const total: LocationRow = { precision: 'all', texts: 0, correct: 0, wrongGrid: 0 };
  const misses: LocationReport['misses'] = [];
  for (const c of cases) {
    const row = rows.get(c.precision) ?? { precision: c.precision, texts: 0, correct: 0, wrongGrid: 0 };
    rows.set(c.precision, row);
    const { code, grid } = resolvedCode(locator, c.text);
    const correct = code === c.expected;
    const wrongGrid = grid && !correct;
    for (const r of [row, total]) {
      r.texts++;
      if (correct) r.correct++;
      if (wrongGrid) r.wrongGrid++;
    }
    if (!correct) misses.push({ text: c.text, expected: c.expected, got: code });
  }
  return { rows: [...rows.values()], total, misses };
}

/** The report as a plain-text table. */
export function formatLocationReport({ rows, total }: LocationReport): string {
  const line = (r: LocationRow) =>
    `${r.precision.padEnd(13)} ${String(r.texts).padStart(5)} ${String(r.correct).padStart(7)} ${((100 * r.correct) / Math.max(1, r.texts)).toFixed(1).padStart(7)}% ${String(r.wrongGrid).padStart(10)}`;
  return [
    `${'mention'.padEnd(13)} ${'texts'.padStart(5)} ${'correct'.padStart(7)} ${'accuracy'.padStart(8)} ${'wrong grid'.padStart(10)}`,
    ...rows.map(line),
    line(total),
  ].join('\n');
}
