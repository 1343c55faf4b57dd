/**
 * Assessment months (考核月) on the hotline's clock: a month starts at local midnight on its first
 * day in HOTLINE_TIMEZONE, so a step at 00:30 Beijing time on 1 November counts for November even
 * though it is still 31 October in UTC.
 */

/** `YYYY-MM`, as the API takes and names months. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

function wallClock(instant: number, timezone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  return parts;
}

/** The zone's UTC offset at `instant`, in ms (whole seconds: the offset never has milliseconds). */
function offsetAt(instant: number, timezone: string): number {
  const c = wallClock(instant, timezone);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant of local midnight on the first of the month (`monthIndex` may be 12: January next year). */
function startOfMonth(year: number, monthIndex: number, timezone: string): Date {
  const asUtc = Date.UTC(year, monthIndex, 1);
  const guess = asUtc - offsetAt(asUtc, timezone);
  // A second pass settles the offset when the first guess fell on the other side of a daylight-saving change.
  return new Date(asUtc - offsetAt(guess, timezone));
}

/** The month `at` falls in on the hotline's clock, as `YYYY-MM`. */
export function monthOf(at: Date, timezone: string): string {
  const { year, month } = wallClock(at.getTime(), timezone);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The month's half-open range [from, to) as instants. */
export function monthRange(month: string, timezone: string): { from: Date; to: Date } {
  if (!MONTH_PATTERN.test(month)) throw new Error(`not a YYYY-MM month: ${month}`);
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return { from: startOfMonth(year, monthNumber - 1, timezone), to: startOfMonth(year, monthNumber, timezone) };
}
