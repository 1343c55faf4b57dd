import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../identity/auth/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { METRIC_DEFINITIONS, SCORE_WEIGHTS, ranksOf, rate, scoreOf } from './definitions.ts';
import { monthOf, monthRange } from './month.ts';
import type { AssessmentReport, AssessmentRow } from './views.ts';

const tally = z.coerce.number().int();

/** A row of the tallies query; both drivers may hand counts back as strings, hence the coercion. */
const departmentTallySchema = z.object({
  department_code: z.string(),
  name: z.string(),
  name_en: z.string(),
  kind: z.enum(['department', 'sub_center']),
  new: tally,
  signed: tally,
  signed_on_time: tally,
  returns: tally,
  handled: tally,
  closed: tally,
  closed_on_time: tally,
  extensions: tally,
  overdue: tally,
  urges: tally,
  rated: tally,
  satisfied: tally,
});
type DepartmentTally = z.infer<typeof departmentTallySchema>;

/**
 * Every unit's tallies for assignments made in [from, to), in one statement:
 * - `assignments`: each dispatch, re-dispatch or reopening to a unit in the month (found through
 *   the (department_code, action, created_at) index, one range per unit), lasting until the
 *   event's next one (materialized: the end is looked up once per assignment, not per step);
 * - `outcomes`: what happened within each assignment, from the event's own steps (the
 *   (event_id, created_at) index): signed, returned, reported, closed, warnings, requests, urges;
 * - `ratings`: the 回访 ratings of the reporters of the events each unit closed: the event's own
 *   appeal (by key) and the duplicates merged into it, as two lookups rather than one OR join.
 * Units with no assignment come out as zeros.
 */
async function tallies(db: DbOrTx, from: Date, to: Date): Promise<DepartmentTally[]> {
  const result = await db.execute(sql`
    with assignments as materialized (
      select s.id, s.event_id, s.department_code, s.created_at as started_at,
        (select min(n.created_at) from event_steps n
          where n.event_id = s.event_id and n.action in ('dispatch', 'redispatch', 'reopen') and n.created_at > s.created_at) as ended_at
      from departments d
      join event_steps s on s.department_code = d.code
        and s.action in ('dispatch', 'redispatch', 'reopen')
        and s.created_at >= ${from.toISOString()}::timestamptz and s.created_at < ${to.toISOString()}::timestamptz
    ),
    outcomes as (
      select a.id, a.department_code, a.event_id,
        bool_or(s.action = 'sign') as signed,
        bool_or(s.action = 'warn' and s.detail = 'sign_overdue') as signed_late,
        bool_or(s.action = 'return') as returned,
        bool_or(s.action = 'report') as handled,
        bool_or(s.action = 'verify_pass') as closed,
        bool_or(s.action = 'warn' and s.detail = 'red') as overdue,
        count(*) filter (where s.action = 'request_extension') as extensions,
        count(*) filter (where s.action = 'urge') as urges
      from assignments a
      join event_steps s on s.event_id = a.event_id and s.created_at >= a.started_at and (a.ended_at is null or s.created_at < a.ended_at)
      group by a.id, a.department_code, a.event_id
    ),
    closures as (
      select distinct o.department_code, e.appeal_id from outcomes o join events e on e.id = o.event_id where o.closed
    ),
    reporters as (
      select c.department_code, r.id, r.satisfaction from closures c join appeals r on r.id = c.appeal_id
      union all
      select c.department_code, r.id, r.satisfaction from closures c join appeals r on r.duplicate_of_id = c.appeal_id and r.status = 'merged'
    ),
    ratings as (
      select department_code,
        count(distinct id) filter (where satisfaction is not null) as rated,
        count(distinct id) filter (where satisfaction >= 4) as satisfied
      from reporters
      group by department_code
    )
    select d.code as department_code, d.name, d.name_en, d.kind,
      count(o.id)::int as new,
      (count(o.id) filter (where o.signed))::int as signed,
      (count(o.id) filter (where o.signed and not o.signed_late))::int as signed_on_time,
      (count(o.id) filter (where o.returned))::int as returns,
      (count(o.id) filter (where o.handled))::int as handled,
      (count(o.id) filter (where o.closed))::int as closed,
      (count(o.id) filter (where o.closed and not o.overdue))::int as closed_on_time,
      coalesce(sum(o.extensions), 0)::int as extensions,
      (count(o.id) filter (where o.overdue))::int as overdue,
      coalesce(sum(o.urges), 0)::int as urges,
      coalesce(max(r.rated), 0)::int as rated,
      coalesce(max(r.satisfied), 0)::int as satisfied
    from departments d
    left join outcomes o on o.department_code = d.code
    left join ratings r on r.department_code = d.code
    group by d.code, d.name, d.name_en, d.kind
    order by d.kind, d.code
  `);
  return z.object({ rows: z.array(departmentTallySchema) }).parse(result).rows;
}

function rowOf(t: DepartmentTally): Omit<AssessmentRow, 'rank'> {
  const rates = {
    signRate: rate(t.signed, t.new),
    transferRate: rate(t.returns, t.new),
    handlingRate: rate(t.handled, t.new),
    closureRate: rate(t.closed, t.new),
    onTimeRate: rate(t.closed_on_time, t.closed),
    satisfactionRate: rate(t.satisfied, t.rated),
  };
  return {
    departmentCode: t.department_code,
    name: t.name,
    nameEn: t.name_en,
    kind: t.kind,
    new: t.new,
    signed: t.signed,
    signedOnTime: t.signed_on_time,
    returns: t.returns,
    handled: t.handled,
    closed: t.closed,
    closedOnTime: t.closed_on_time,
    rated: t.rated,
    satisfied: t.satisfied,
    extensions: t.extensions,
    overdue: t.overdue,
    urges: t.urges,
    ...rates,
    score: scoreOf(rates),
  };
}

/**
 * 考核: each department's and sub-center's month (default: this month on the hotline's clock),
 * scored and ranked, with the definitions the figures follow.
 */
export async function assessmentReport({ ctx, input }: { ctx: Ctx; input: { month?: string; now?: Date } }): Promise<AssessmentReport> {
  const month = input.month ?? monthOf(input.now ?? new Date(), ctx.config.timezone);
  const { from, to } = monthRange(month, ctx.config.timezone);
  const rows = (await tallies(ctx.db, from, to)).map(rowOf);
  const ranks = ranksOf(rows.map((r) => r.score));
  return {
    month,
    timezone: ctx.config.timezone,
    from: from.toISOString(),
    to: to.toISOString(),
    departments: rows.map((row, i) => ({ ...row, rank: ranks[i]! })),
    definitions: METRIC_DEFINITIONS,
    weights: SCORE_WEIGHTS,
  };
}
