/**
 * Statistics benchmark: the supervisor wall, the charts and the monthly assessment on 1,000,000
 * appeals and 300,000 events (with their steps) on PostgreSQL, requested over HTTP from this
 * separate process as a supervisor would. `npm run bench -- stats [--appeals 1000000] [--events 300000] [--requests 40]`
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../backend/src/platform/db/index.ts';
import { appeals } from '../backend/src/appeals/index.ts';
import { eventSteps, events } from '../backend/src/linkage/index.ts';
import { seedDemoUsers } from '../backend/src/demo/index.ts';
import { createTestPostgresDatabase } from '../backend/src/testing/databases.ts';
import { startServerProcess } from '../backend/src/testing/server-process.ts';
import { type Row, argNumber, emitRows, quantile } from './results.ts';

const APPEALS = argNumber('appeals', 1_000_000);
const EVENTS = argNumber('events', 300_000);
const REQUESTS = argNumber('requests', 40);
const PASSWORD = 'bench-password-1';

/**
 * A year of history, generated inside PostgreSQL: appeals spread over 365 days on every channel and
 * status, a queue of the last two days' undecided ones (today's share is what a wall reads), events for the oldest accepted ones, and each event's
 * dispatch, sign, report and closing steps, so the assessment reads realistic step counts.
 */
async function generateHistory(databaseUrl: string, dataDir: string) {
  const database = await openDatabase({ databaseUrl, dataDir });
  const { db } = database;
  await seedDemoUsers(db, PASSWORD);
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
           '基准历史诉求 ' || g,
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

async function timeRequests(url: string, cookie: string, path: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS + 3; i++) {
    const started = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    if (i >= 3) times.push(performance.now() - started); // the first three warm caches and plans
  }
  return times;
}

async function main() {
  const database = await createTestPostgresDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hotline-bench-'));
  // The server migrates and seeds the reference data; history is generated while it is stopped.
  let server = await startServerProcess({ DATABASE_URL: database.url, DATA_DIR: dataDir });
  await server.stop('SIGTERM');
  try {
    const generating = performance.now();
    const counts = await generateHistory(database.url, dataDir);
    console.log(`generated ${JSON.stringify(counts)} in ${((performance.now() - generating) / 1000).toFixed(0)} s`);
    server = await startServerProcess({ DATABASE_URL: database.url, DATA_DIR: dataDir });
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'supervisor', password: PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const month = new Date().toISOString().slice(0, 7);
    const rows: Row[] = [];
    for (const [name, url] of [
      ['supervisor wall', '/api/stats/wall'],
      ['wall charts', '/api/stats/charts'],
      ['monthly assessment, this month', `/api/assessment?month=${month}`],
      ['monthly assessment CSV, this month', `/api/assessment.csv?month=${month}`],
    ] as const) {
      const times = await timeRequests(server.url, cookie, url);
      const p95 = quantile(times, 0.95);
      console.log(`${name}: p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
      rows.push({
        metric: `${name} (${APPEALS.toLocaleString('en-US')} appeals, ${EVENTS.toLocaleString('en-US')} events), p95 over HTTP`,
        value: Number(p95.toFixed(1)),
        unit: 'ms',
        target: '< 200 ms',
        met: p95 < 200,
      });
    }
    emitRows(rows);
  } finally {
    await server.stop('SIGTERM');
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
