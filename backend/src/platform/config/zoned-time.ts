/**
 * The hotline's own clock (HOTLINE_TIMEZONE) whatever the server's zone: case-number days, today's
 * figures, assessment months and working-day time limits all read and build local times here.
 */

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Building an Intl formatter costs far more than using one: one per zone, made once. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** What a wall clock in `timezone` shows at `instant`. */
export function wallClock(instant: Date, timezone: string): WallClock {
  const parts = Object.fromEntries(
    formatterFor(timezone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: instant.getUTCMilliseconds(),
    weekday: WEEKDAYS.indexOf(parts.weekday!),
  };
}

/** The zone's UTC offset at `instant`, in ms. */
function offsetAt(instant: number, timezone: string): number {
  const c = wallClock(new Date(instant), timezone);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second, c.millisecond) - instant;
}

/**
 * The instant when the wall clock in `timezone` shows this local time. Out-of-range fields roll
 * over as in `Date.UTC` (month 13 is January next year, day 32 the next month's first).
 */
export function instantAt(
  local: Pick<WallClock, 'year' | 'month' | 'day'> & Partial<Pick<WallClock, 'hour' | 'minute' | 'second' | 'millisecond'>>,
  timezone: string,
): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0, local.second ?? 0, local.millisecond ?? 0);
  const guess = asUtc - offsetAt(asUtc, timezone);
  // A second pass settles the offset when the first guess crossed a daylight-saving change.
  return new Date(asUtc - offsetAt(guess, timezone));
}
