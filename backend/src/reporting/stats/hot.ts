import { and, gte, like, lt, ne } from 'drizzle-orm';
import type { Ctx } from '../../identity/auth/index.ts';
import { appeals } from '../../appeals/index.ts';
import type { HotReport } from './views.ts';
import { type Locator, hotIssues, hotTerms } from '@hotline/nlp';
import { instantAt, wallClock } from '../../platform/config/index.ts';

const HOT_TERMS = 30;

/** Midnight today, or midnight on Monday of this week, in the hotline's zone. */
export function periodStart(now: Date, period: 'day' | 'week', timezone: string): Date {
  const c = wallClock(now, timezone);
  return instantAt({ year: c.year, month: c.month, day: c.day - (period === 'week' ? c.weekday : 0) }, timezone);
}

const PERIOD_MS = { day: 86_400_000, week: 7 * 86_400_000 } as const;

/** Appeals of one stretch of time, for the whole district or one street; rejected ones do not count. */
function appealsBetween(from: Date, to: Date | undefined, streetCode: string | undefined) {
  return and(
    gte(appeals.createdAt, from),
    to ? lt(appeals.createdAt, to) : undefined,
    ne(appeals.status, 'rejected'),
    streetCode ? like(appeals.gridCode, `${streetCode}-%`) : undefined,
  );
}

/**
 * 热词分析 and 热点问题: the most mentioned words and the clusters of reports about one matter,
 * over today or this week, for the whole district or one street. Rejected appeals do not count.
 * Each word's trend compares with the same stretch of the period before (yesterday up to this
 * time, last week up to this weekday and time).
 */
export async function hotReport({
  ctx,
  input,
}: {
  ctx: Ctx & { locator: Locator };
  input: { period: 'day' | 'week'; streetCode?: string; now?: Date };
}): Promise<HotReport> {
  const now = input.now ?? new Date();
  const from = periodStart(now, input.period, ctx.config.timezone);
  const before = (d: Date) => new Date(d.getTime() - PERIOD_MS[input.period]);
  const previous = await ctx.db
    .select({ text: appeals.summary })
    .from(appeals)
    .where(appealsBetween(before(from), before(now), input.streetCode));
  const rows = await ctx.db
    .select({
      id: appeals.id,
      caseNumber: appeals.caseNumber,
      text: appeals.summary,
      at: appeals.createdAt,
      latitude: appeals.latitude,
      longitude: appeals.longitude,
      gridCode: appeals.gridCode,
      category: appeals.categoryCode,
      urgency: appeals.urgency,
    })
    .from(appeals)
    .where(appealsBetween(from, undefined, input.streetCode));
  const caseNumbers = new Map(rows.map((r) => [r.id, r.caseNumber]));
  const groups = hotIssues(
    rows.map((r) => ({
      id: r.id,
      text: r.text,
      at: r.at,
      point: r.latitude !== null && r.longitude !== null ? { latitude: r.latitude, longitude: r.longitude } : undefined,
      gridCode: r.gridCode ?? undefined,
      category: r.category ?? undefined,
      emergency: r.urgency === 'emergency',
    })),
    { locator: ctx.locator, period: input.period, timeZone: ctx.config.timezone },
  );
  return {
    period: input.period,
    from: from.toISOString(),
    streetCode: input.streetCode ?? null,
    appeals: rows.length,
    terms: hotTerms(
      rows.map((r) => r.text),
      { locator: ctx.locator, top: HOT_TERMS, previous: previous.map((r) => r.text) },
    ).map((t) => ({ ...t, previousDocs: t.previousDocs ?? 0, trend: t.trend ?? 'new' })),
    issues: groups
      .flatMap((g) =>
        g.clusters.map((c) => ({
          period: g.period,
          street: g.street,
          size: c.size,
          terms: c.terms,
          category: c.category ?? null,
          emergency: c.emergency,
          caseNumbers: c.ids.map((id) => caseNumbers.get(id)!),
          first: new Date(c.first).toISOString(),
          last: new Date(c.last).toISOString(),
        })),
      )
      .sort((a, b) => b.size - a.size),
  };
}
