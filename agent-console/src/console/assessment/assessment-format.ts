import type { AssessmentReport, AssessmentRow } from '@hotline/backend/api-types';

export type Definition = AssessmentReport['definitions'][number];
type Metric = Definition['metric'];
/** The languages the report's own names and definitions come in. */
export type ReportLanguage = keyof Definition['name'];

export const languageOf = (language: string): ReportLanguage => (language.startsWith('en') ? 'en' : 'zh-CN');
type CountField = { [K in keyof AssessmentRow]: AssessmentRow[K] extends number ? K : never }[keyof AssessmentRow];

/**
 * The table's columns: a rate shows its count over its denominator beneath it (2/4), so a 100% of
 * one event reads differently from a 100% of forty. Counts that only feed a rate are not columns of
 * their own; the definitions list explains them all.
 */
export interface AssessmentColumn {
  metric: Metric;
  /** For a rate: the counted part and the whole. */
  of?: { part: CountField; whole: CountField };
}

export const ASSESSMENT_COLUMNS: AssessmentColumn[] = [
  { metric: 'new' },
  { metric: 'signRate', of: { part: 'signed', whole: 'new' } },
  { metric: 'signedOnTime' },
  { metric: 'transferRate', of: { part: 'returns', whole: 'new' } },
  { metric: 'handlingRate', of: { part: 'handled', whole: 'new' } },
  { metric: 'closureRate', of: { part: 'closed', whole: 'new' } },
  { metric: 'onTimeRate', of: { part: 'closedOnTime', whole: 'closed' } },
  { metric: 'satisfactionRate', of: { part: 'satisfied', whole: 'rated' } },
  { metric: 'extensions' },
  { metric: 'overdue' },
  { metric: 'urges' },
  { metric: 'score' },
];

/** A share as a percentage to one decimal ("66.7%"); an em dash when there was nothing to count. */
export function formatRate(share: number | null, language: string): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** The score to one decimal, or an em dash for a unit with no assignments. */
export function formatScore(score: number | null, language: string): string {
  return score === null ? '—' : new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(score);
}

/** The report's API path: without a month the server picks this month on the hotline's clock. */
export function assessmentPath(month: string | null): string {
  return month ? `/api/assessment?${new URLSearchParams({ month })}` : '/api/assessment';
}

/** The CSV download of a month (the server names the file assessment-YYYY-MM.csv). */
export function assessmentCsvHref(month: string): string {
  return `/api/assessment.csv?${new URLSearchParams({ month })}`;
}

/** The month `delta` months from `month` (YYYY-MM), for the previous/next buttons. */
export function shiftMonth(month: string, delta: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Ranked units first, best first; units without a rank after them in the report's order. */
export function byRank(rows: AssessmentRow[]): AssessmentRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (a.row.rank ?? Infinity) - (b.row.rank ?? Infinity) || a.index - b.index)
    .map(({ row }) => row);
}

/** Whether anything was dispatched to any unit in the month. */
export const hasAssignments = (report: AssessmentReport) => report.departments.some((d) => d.new > 0);
