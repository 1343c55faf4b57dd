import { and, asc, desc, gte, isNotNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../identity/auth/index.ts';
import { appeals } from '../../appeals/index.ts';
import { periodStart } from './hot.ts';
import type { WallCharts } from './views.ts';

/** How an appeal NLP has not (yet) classified is shown in the category mix. */
export const UNCLASSIFIED = 'unclassified';

const count = sql<number>`count(*)::int`.mapWith(Number);

/**
 * The wall's charts over today's arrivals (since midnight in HOTLINE_TIMEZONE): intake per hour
 * and channel, the category mix, and the grid heat map. Every appeal that arrived counts, whatever
 * became of it (merged duplicates are reports too). Each is one aggregate over the created_at index.
 */
export async function wallCharts({ ctx, input = {} }: { ctx: Ctx; input?: { now?: Date } }): Promise<WallCharts> {
  const today = periodStart(input.now ?? new Date(), 'day', ctx.config.timezone);
  const sinceToday = gte(appeals.createdAt, today);
  // The hour on the hotline's clock, so the chart reads like the hall's wall clock. Grouped by
  // position: the zone is a parameter, and PostgreSQL would not see two parameters as one expression.
  const hour = sql<number>`extract(hour from ${appeals.createdAt} at time zone ${ctx.config.timezone})::int`.mapWith(Number);

  const [byHour, byCategory, gridHeat] = await Promise.all([
    ctx.db
      .select({ hour, channel: appeals.channel, count })
      .from(appeals)
      .where(sinceToday)
      .groupBy(sql`1`, sql`2`),
    ctx.db.select({ categoryCode: appeals.categoryCode, count }).from(appeals).where(sinceToday).groupBy(appeals.categoryCode),
    ctx.db
      .select({ gridCode: sql<string>`${appeals.gridCode}`, count })
      .from(appeals)
      .where(and(sinceToday, isNotNull(appeals.gridCode)))
      .groupBy(appeals.gridCode)
      .orderBy(desc(count), asc(appeals.gridCode)),
  ]);

  const intakeByHour = Array.from({ length: 24 }, (_, h) => ({ hour: h, voice: 0, sms: 0, wechat: 0, web: 0 }));
  for (const row of byHour) intakeByHour[row.hour]![row.channel] += row.count;
  const categoryMix = byCategory
    .map((row) => ({ categoryCode: row.categoryCode ?? UNCLASSIFIED, count: row.count }))
    .sort((a, b) => b.count - a.count || a.categoryCode.localeCompare(b.categoryCode));
  return { intakeByHour, categoryMix, gridHeat };
}
