import { instantAt, wallClock } from '../../platform/config/index.ts';

/**
 * Assessment months (考核月) on the hotline's clock: a month starts at local midnight on its first
 * day in HOTLINE_TIMEZONE, so a step at 00:30 Beijing time on 1 November counts for November even
 * though it is still 31 October in UTC.
 */

/** `YYYY-MM`, as the API takes and names months. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month `at` falls in on the hotline's clock, as `YYYY-MM`. */
export function monthOf(at: Date, timezone: string): string {
  const { year, month } = wallClock(at, timezone);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The month's half-open range [from, to) as instants. */
export function monthRange(month: string, timezone: string): { from: Date; to: Date } {
  if (!MONTH_PATTERN.test(month)) throw new Error(`not a YYYY-MM month: ${month}`);
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  // Month 13 rolls over to January of the next year.
  return { from: instantAt({ year, month: monthNumber, day: 1 }, timezone), to: instantAt({ year, month: monthNumber + 1, day: 1 }, timezone) };
}
