import { sql } from 'drizzle-orm';
import { openDatabase } from '../backend/src/platform/db/index.ts';
import { appeals } from '../backend/src/appeals/index.ts';
import { eventSteps, events } from '../backend/src/linkage/index.ts';
import { seedDemoUsers } from '../backend/src/demo/index.ts';

export interface HistorySize {
  appeals: number;
  events: number;
  /** The demo accounts' password. */
  password: string;
}

/** What citizens write in the generated history, written for it: the records suite searches words in them. */
export const SUMMARIES = [
  '小区门口那盏路灯坏了，晚上很黑',
  '楼下广场舞噪音太大影响休息',
  '路边垃圾桶满了没人清运',
  '人行道上的井盖松动了',
  '餐馆油烟直排到居民楼',
  '工地夜间施工声音很吵',
  '公交站台的雨棚漏水',
  '小区绿化带树枝挡住路口',
  '共享单车堆满了盲道',
  '菜市场门口占道经营',
  '河道里漂着很多垃圾',
  '路面坑洼积水严重',
  '咨询社保卡补办需要什么材料',
  '楼道里堆放杂物有消防隐患',
  '建议在学校门口增设斑马线',
  '表扬环卫工人清扫及时',
  '违章停车堵住了消防通道',
  '自来水发黄有异味',
  '小广告贴满了单元门',
  '路口红绿灯时间太短',
];
const PHRASES = sql.raw(`array[${SUMMARIES.map((s) => `'${s}'`).join(', ')}]`);

/**
 * A year of history, generated inside PostgreSQL: appeals spread over 365 days on every channel and
 * status, a queue of the last two days' undecided ones (today's share is what a wall reads), events for the oldest accepted ones, and each event's
 * dispatch, sign, report and closing steps, so the assessment reads realistic step counts.
 */
export async function generateHistory(databaseUrl: string, dataDir: string, size: HistorySize) {
  const { appeals: APPEALS, events: EVENTS } = size;
  const database = await openDatabase({ databaseUrl, dataDir });
  const { db } = database;
  await seedDemoUsers(db, size.password);
  await db.execute(sql`insert into contacts (name) select null from generate_series(1, 1000)`);
  await db.execute(sql`
    insert into contact_identities (contact_id, kind, value)
    select id, 'phone', '+86139' || lpad(row_number() over ()::text, 8, '0') from contacts`);
  await db.execute(sql`
    insert into conversations (contact_id, channel, status, identity_id)
    select i.contact_id, 'sms', 'closed', i.id from contact_identities i`);
  await db.execute(sql`
    with conv as (select id, contact_id, row_number() over () as n from conversations),
    cats as (select array_agg(code order by code) as codes from categories),
    grids as (select array_agg(code order by code) as codes from territory_units where level = 'grid')
    insert into appeals (case_number, status, channel, contact_id, conversation_id, summary, category_code, urgency, grid_code,
                         nlp_processed_at, created_at, updated_at, decided_at, first_response_at)
    select 'B' || lpad(g::text, 9, '0'),
           (case when pending then 'pending' else (array['accepted','accepted','accepted','rejected','answered','merged'])[1 + g % 6] end)::appeal_status,
           (array['voice','sms','wechat','web'])[1 + g % 4]::channel,
           conv.contact_id, conv.id,
           (${PHRASES})[1 + g % ${SUMMARIES.length}] || ' ' || g,
           cats.codes[1 + g % array_length(cats.codes, 1)],
           (array['normal','normal','normal','urgent','emergency'])[1 + g % 5]::urgency,
           grids.codes[1 + g % array_length(grids.codes, 1)],
           t, t, t, case when pending then null else t + interval '3 minutes' end,
           case when pending then null else t + interval '2 minutes' end
    from generate_series(1, ${APPEALS}) g
    cross join lateral (select now() - (g::double precision / ${APPEALS}) * interval '365 days' as t) at
    -- A seventh of the last two days' appeals still wait in the queue; older ones were all decided.
    cross join lateral (select g % 7 = 6 and at.t > now() - interval '2 days' as pending) p
    join conv on conv.n = 1 + g % 1000
    cross join cats cross join grids`);
  await db.execute(sql`
    with depts as (select array_agg(code order by code) as codes from departments)
    insert into events (case_number, appeal_id, status, category_code, urgency, grid_code, lead_department_code,
                        dispatched_at, sign_due_at, time_limit_at, warn_at, signed_at, reported_at, closed_at, result, created_at, updated_at)
    select a.case_number, a.id,
           (array['closed','closed','closed','handling','reported','dispatched'])[1 + (row_number() over ())::int % 6]::event_status,
           a.category_code, a.urgency, a.grid_code, depts.codes[1 + (row_number() over ())::int % array_length(depts.codes, 1)],
           a.decided_at, a.decided_at + interval '1 day', a.decided_at + interval '5 days', a.decided_at + interval '4 days',
           a.decided_at + interval '2 hours', a.decided_at + interval '3 days', a.decided_at + interval '4 days', '已处置', a.decided_at, a.decided_at
    from (select * from appeals where status = 'accepted' order by created_at limit ${EVENTS}) a cross join depts`);
  await db.execute(sql`
    insert into event_steps (event_id, action, from_status, to_status, department_code, created_at, citizens_notified_at, webhook_queued_at)
    select e.id, s.action::event_action, s.from_status::event_status, s.to_status::event_status, e.lead_department_code, s.at, s.at, s.at
    from events e
    cross join lateral (values
      ('dispatch', null, 'dispatched', e.dispatched_at),
      ('sign', 'dispatched', 'handling', e.signed_at),
      ('report', 'handling', 'reported', e.reported_at),
      ('verify_pass', 'reported', 'closed', e.closed_at)) as s(action, from_status, to_status, at)
    where s.at is not null and (s.action <> 'verify_pass' or e.status = 'closed')`);
  await db.execute(
    sql`update appeals set satisfaction = 1 + (abs(hashtext(id::text)) % 5), rated_at = decided_at + interval '5 days' where status = 'accepted' and created_at < now() - interval '10 days'`,
  );
  await db.execute(sql`analyze`);
  const counts = { appeals: await db.$count(appeals), events: await db.$count(events), steps: await db.$count(eventSteps) };
  await database.close();
  return counts;
}
