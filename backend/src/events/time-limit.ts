import type { Appeal } from '../appeals/schema.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * How long the responsible unit has (时限), by urgency: 特急 2 hours, 紧急 24 hours, 一般 5 days.
 * Calendar time for now; the linkage-center work replaces this one rule with working-day calendars.
 */
export const TIME_LIMIT_MS: Record<Appeal['urgency'], number> = {
  emergency: 2 * HOUR_MS,
  urgent: 24 * HOUR_MS,
  normal: 5 * 24 * HOUR_MS,
};

/** The time limit of an event of this urgency created at `from`. */
export function timeLimitFor(urgency: Appeal['urgency'], from: Date): Date {
  return new Date(from.getTime() + TIME_LIMIT_MS[urgency]);
}
