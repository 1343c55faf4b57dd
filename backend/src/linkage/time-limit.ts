import { and, eq, inArray } from 'drizzle-orm';
import chineseDays from 'chinese-days';
import type { DbOrTx } from '../platform/db/index.ts';
import type { Appeal } from '../appeals/index.ts';
import { type TimeLimitRule, timeLimitRules } from './schema.ts';
import { instantAt, wallClock } from '../platform/config/index.ts';

const HOUR_MS = 60 * 60 * 1000;
/** The yellow warning (临期) is due once this share of the time limit has passed. */
const WARN_SHARE = 0.8;
/** No rule asks for more; a longer search means the calendar data is missing, not a long holiday. */
const MAX_CALENDAR_DAYS_SEARCHED = 3660;

export type TimeLimitUnit = TimeLimitRule['signForUnit'];
export type Urgency = Appeal['urgency'];

/** An event's deadlines from one dispatch: 签收时限, 办结时限 and the yellow line before the latter. */
export interface EventDeadlines {
  signDueAt: Date;
  timeLimitAt: Date;
  warnAt: Date;
}

/** YYYY-MM-DD of a local date (day may run past the month's end and rolls over), as `chinese-days` reads dates. */
function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/**
 * N working days after `from`: the same local time of day on the Nth working day after its local
 * date, by the Chinese public holidays and make-up workdays (调休) of `chinese-days`.
 */
export function addWorkingDays(from: Date, days: number, timezone: string): Date {
  const local = wallClock(from, timezone);
  let day = local.day;
  let left = days;
  for (let searched = 0; left > 0; searched++) {
    if (searched > MAX_CALENDAR_DAYS_SEARCHED)
      throw new Error(`no ${days} working days found after ${isoDate(local.year, local.month, local.day)}: is the holiday calendar current?`);
    day++;
    if (chineseDays.isWorkday(isoDate(local.year, local.month, day))) left--;
  }
  return instantAt({ ...local, day }, timezone);
}

/** `amount` hours or working days after `from`. */
export function addTimeLimit(from: Date, amount: number, unit: TimeLimitUnit, timezone: string): Date {
  return unit === 'hours' ? new Date(from.getTime() + amount * HOUR_MS) : addWorkingDays(from, amount, timezone);
}

/** The yellow line: 80% of the way from the dispatch to the time limit. */
export function warnAtFor(start: Date, timeLimitAt: Date): Date {
  return new Date(start.getTime() + (timeLimitAt.getTime() - start.getTime()) * WARN_SHARE);
}

type RuleAmounts = Pick<TimeLimitRule, 'signForAmount' | 'signForUnit' | 'completionAmount' | 'completionUnit'>;

/**
 * The deadlines of a dispatch at `from` under `rule`. A completion limit the agent chose replaces
 * the rule's; sign-for never falls after completion.
 */
export function deadlinesFor(rule: RuleAmounts, from: Date, timezone: string, chosenTimeLimitAt?: Date): EventDeadlines {
  const timeLimitAt = chosenTimeLimitAt ?? addTimeLimit(from, rule.completionAmount, rule.completionUnit, timezone);
  const signDue = addTimeLimit(from, rule.signForAmount, rule.signForUnit, timezone);
  return {
    signDueAt: signDue.getTime() < timeLimitAt.getTime() ? signDue : timeLimitAt,
    timeLimitAt,
    warnAt: warnAtFor(from, timeLimitAt),
  };
}

/** The rule for this category and urgency: the category's own, else the `*` default. */
export async function timeLimitRuleFor(db: DbOrTx, categoryCode: string | null, urgency: Urgency): Promise<TimeLimitRule> {
  const candidates = categoryCode ? [categoryCode, '*'] : ['*'];
  const rules = await db
    .select()
    .from(timeLimitRules)
    .where(and(eq(timeLimitRules.urgency, urgency), inArray(timeLimitRules.categoryCode, candidates)));
  const rule = rules.find((r) => r.categoryCode === categoryCode) ?? rules.find((r) => r.categoryCode === '*');
  // The defaults are seeded at every start, so only a hand-edited table lacks them.
  if (!rule) throw new Error(`no time-limit rule for ${categoryCode ?? '*'}/${urgency} and no * default`);
  return rule;
}

/** The deadlines of an event of this category and urgency dispatched at `from`, by the stored rules. */
export async function eventDeadlines(
  db: DbOrTx,
  event: { categoryCode: string | null; urgency: Urgency },
  from: Date,
  timezone: string,
  chosenTimeLimitAt?: Date,
): Promise<EventDeadlines> {
  return deadlinesFor(await timeLimitRuleFor(db, event.categoryCode, event.urgency), from, timezone, chosenTimeLimitAt);
}

/** Adds time-limit rules; a rule for a (category, urgency) already there (possibly edited) is kept as it is. */
export async function addTimeLimitRules(db: DbOrTx, rules: Omit<TimeLimitRule, 'id'>[]): Promise<void> {
  if (rules.length)
    await db
      .insert(timeLimitRules)
      .values(rules)
      .onConflictDoNothing({ target: [timeLimitRules.categoryCode, timeLimitRules.urgency] });
}
