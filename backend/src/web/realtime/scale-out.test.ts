import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { YUNXI_FILE } from '@hotline/nlp/fixtures';
import { type Socket, io } from 'socket.io-client';
import { and, eq, sql } from 'drizzle-orm';
import { signTwilioRequest } from '@hotline/channels/twilio';
import { type Database, openDatabase } from '../../platform/db/index.ts';
import { createTestPostgresDatabase, testDatabaseKinds } from '../../testing/databases.ts';
import { type ServerProcess, startServerProcess } from '../../testing/server-process.ts';
import { TWILIO, smsParams } from '../../testing/twilio.ts';
import { sessionCookie } from '../../testing/hotline.ts';
import { seedDemoUsers } from '../../demo/index.ts';
import { appeals } from '../../appeals/index.ts';
import { auditLog } from '../../platform/audit/index.ts';
import { users } from '../../identity/auth/index.ts';
import { eventSteps, events } from '../../linkage/index.ts';
import { duplicateSuggestions } from '../../appeals/index.ts';
import type { AgentView } from '../../routing/index.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './protocol.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const kinds = await testDatabaseKinds();
const PASSWORD = 'scale-out-password';
const HOUR = 3600_000;

/**
 * Two backend processes on one PostgreSQL, as behind a load balancer: what one instance hears
 * reaches consoles on the other, presence is shared, and scheduled work and races resolve once.
 */
describe.skipIf(!kinds.includes('postgres'))('two instances on one PostgreSQL', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let database: Database;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    const server = await createTestPostgresDatabase();
    cleanups.push(server.drop);
    const env = {
      DATABASE_URL: server.url,
      TWILIO_ACCOUNT_SID: TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: TWILIO.authToken,
      TWILIO_PHONE_NUMBER: TWILIO.phoneNumber,
      TWILIO_API_BASE: 'http://127.0.0.1:9', // replies to citizens are not the point here
      PUBLIC_URL: TWILIO.publicUrl,
      EVENT_WARNINGS_EVERY_MS: '200',
      RATE_LIMIT_LOOKUP_PER_MINUTE: '4', // small, to show both instances count one budget
    };
    // Started together on an empty database: migrations and seeding must not collide.
    const started = await Promise.allSettled([startServerProcess(env), startServerProcess(env)]);
    for (const s of started) if (s.status === 'fulfilled') cleanups.push(() => s.value.stop());
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    [a, b] = started.map((s) => (s as PromiseFulfilledResult<ServerProcess>).value) as [ServerProcess, ServerProcess];
    database = await openDatabase({ databaseUrl: server.url, dataDir: 'unused' });
    cleanups.push(() => database.close());
    await seedDemoUsers(database.db, PASSWORD);
  }, 120_000);
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  async function login(instance: ServerProcess, username: string): Promise<string> {
    const res = await fetch(`${instance.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    return sessionCookie(res);
  }

  function connect(instance: ServerProcess, cookie: string): Promise<Client> {
    const socket: Client = io(instance.url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    cleanups.push(async () => socket.disconnect());
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  /** A citizen's text as Twilio posts it to one instance; returns the case number it was answered with. */
  async function text(instance: ServerProcess, phone: string, body: string): Promise<string> {
    const params = smsParams(phone, body);
    const res = await fetch(`${instance.url}/channels/twilio/sms`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signTwilioRequest(TWILIO.authToken, `${TWILIO.publicUrl}/channels/twilio/sms`, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(200);
    const caseNumber = /案件流水号 (\d{14,})/.exec(await res.text())?.[1];
    expect(caseNumber, 'a case number in the TwiML reply').toBeDefined();
    return caseNumber!;
  }

  async function appealId(caseNumber: string): Promise<string> {
    const [row] = await database.db.select({ id: appeals.id }).from(appeals).where(eq(appeals.caseNumber, caseNumber));
    return row!.id;
  }

  const post = (instance: ServerProcess, path: string, cookie: string, body: unknown = {}) =>
    fetch(`${instance.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });

  it('pushes appeal:new to an agent on B when the SMS arrives at A, and A sees the agent online', async () => {
    const agent = await connect(b, await login(b, 'agent1'));
    const arrival = new Promise<Parameters<ServerToClientEvents['appeal:new']>[0]>((resolve) =>
      agent.on('appeal:new', (appeal) => appeal.summary.includes('跨实例推送') && resolve(appeal)),
    );
    const caseNumber = await text(a, '+8613900000001', '跨实例推送：小区门口路灯不亮');
    expect(await arrival).toMatchObject({ caseNumber, channel: 'sms', status: 'pending' });

    // Routing on A must count the agent whose console is open on B.
    const supervisorOnA = await login(a, 'supervisor');
    await vi.waitFor(
      async () => {
        const { agents } = (await (await fetch(`${a.url}/api/agents`, { headers: { cookie: supervisorOnA } })).json()) as { agents: AgentView[] };
        expect(agents.find((x) => x.username === 'agent1')).toMatchObject({ online: true, status: 'available' });
      },
      { timeout: 10_000, interval: 100 },
    );
    // NLP triaged it once, on the instance that stored it.
    const id = await appealId(caseNumber);
    await vi.waitFor(async () => expect(await database.db.$count(auditLog, and(eq(auditLog.entityId, id), eq(auditLog.action, 'appeal.classified')))).toBe(1), {
      timeout: 10_000,
    });
  });

  it('raises a due sign-for warning once although both instances run the warnings job', async () => {
    const id = await appealId(await text(a, '+8613900000002', '跨实例预警：人行道井盖缺失'));
    const accepted = await post(a, `/api/appeals/${id}/accept`, await login(a, 'agent2'), {
      categoryCode: 'city-appearance',
      urgency: 'normal',
      leadDepartmentCode: 'urban',
      timeLimitAt: new Date(Date.now() + 72 * HOUR).toISOString(),
    });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    const [event] = await database.db.select().from(events).where(eq(events.appealId, id));
    expect(event).toMatchObject({ status: 'dispatched' });
    const warnings = () =>
      database.db
        .select({ detail: eventSteps.detail })
        .from(eventSteps)
        .where(and(eq(eventSteps.eventId, event!.id), eq(eventSteps.action, 'warn')));

    // The department has let the sign-for limit pass (the time limit itself is days away).
    await database.db
      .update(events)
      .set({ signDueAt: sql`now() - interval '1 minute'` })
      .where(eq(events.id, event!.id));
    await vi.waitFor(async () => expect(await warnings()).toHaveLength(1), { timeout: 10_000, interval: 50 });
    // Each instance runs the job every 200 ms: let both sweep many more times over the raised warning.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await warnings()).toEqual([{ detail: 'sign_overdue' }]);
  });

  it('finds a duplicate on B of an appeal triaged on A', async () => {
    const report = '跨实例查重：幸福路12号门前下水道井盖破损，车辆经过很危险';
    const first = await appealId(await text(a, '+8613900000004', report));
    await vi.waitFor(
      async () => expect(await database.db.$count(auditLog, and(eq(auditLog.entityId, first), eq(auditLog.action, 'appeal.classified')))).toBe(1),
      {
        timeout: 10_000,
      },
    );
    // B indexes it when A's notice arrives (one NOTIFY); give that a moment.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const second = await appealId(await text(b, '+8613900000005', report));
    await vi.waitFor(
      async () =>
        expect(
          await database.db
            .select({ candidateId: duplicateSuggestions.candidateId })
            .from(duplicateSuggestions)
            .where(eq(duplicateSuggestions.appealId, second)),
        ).toContainEqual({ candidateId: first }),
      { timeout: 10_000, interval: 100 },
    );
  });

  it('lets exactly one of two agents on different instances claim an appeal', async () => {
    const id = await appealId(await text(b, '+8613900000003', '跨实例领取：垃圾桶满了没人清运'));
    const [onA, onB] = await Promise.all([login(a, 'agent2'), login(b, 'agent3')]);
    const answers = await Promise.all([post(a, `/api/appeals/${id}/claim`, onA), post(b, `/api/appeals/${id}/claim`, onB)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const [holder] = await database.db
      .select({ username: users.username })
      .from(appeals)
      .innerJoin(users, eq(users.id, appeals.assigneeId))
      .where(eq(appeals.id, id));
    expect(holder?.username).toBe(answers[0]!.status === 200 ? 'agent2' : 'agent3');
  });

  it("counts a client's public rate limit once across both instances", async () => {
    const lookup = (instance: ServerProcess) => fetch(`${instance.url}/api/public/appeals/20260101999999`);
    const answers = [];
    for (const instance of [a, b, a, b]) answers.push((await lookup(instance)).status);
    expect(answers).toEqual([404, 404, 404, 404]);
    const refused = await lookup(b);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await lookup(a)).status).toBe(429);
  });

  it('ends the socket on B of a session logged out on A, at once, and A sees the agent offline', async () => {
    const cookie = await login(a, 'agent3');
    const agent = await connect(b, cookie);
    const supervisorOnA = await login(a, 'supervisor');
    const onlineOnA = async () => {
      const { agents } = (await (await fetch(`${a.url}/api/agents`, { headers: { cookie: supervisorOnA } })).json()) as { agents: AgentView[] };
      return agents.find((x) => x.username === 'agent3')?.online;
    };
    await vi.waitFor(async () => expect(await onlineOnA()).toBe(true), { timeout: 10_000, interval: 100 });
    expect((await post(a, '/api/auth/logout', cookie)).status).toBe(204);
    // One notification from A to B, well before the periodic check (SOCKET_SESSION_CHECK_MS, 30 s here) would.
    await vi.waitFor(() => expect(agent.connected).toBe(false), { timeout: 3_000, interval: 20 });
    await vi.waitFor(async () => expect(await onlineOnA()).toBe(false), { timeout: 10_000, interval: 100 });
  });

  // Last: it replaces the demo territory for both instances.
  it('reads appeals on B against a territory imported on A, without a restart', async () => {
    const admin = await login(a, 'admin');
    const put = await fetch(`${a.url}/api/admin/territory`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: readFileSync(YUNXI_FILE, 'utf8'),
    });
    expect(put.status).toBe(200);
    const districtOnB = async () => {
      const map = (await (await fetch(`${b.url}/api/public/territory`)).json()) as { features: { properties: { code: string; level: string } }[] };
      return map.features.find((f) => f.properties.level === 'district')?.properties.code;
    };
    await vi.waitFor(async () => expect(await districtOnB()).toBe('YX'), { timeout: 10_000, interval: 100 });
    const id = await appealId(await text(b, '+8613900000031', '丹桂苑3号楼的电梯坏了一周了，老人上不去'));
    await vi.waitFor(
      async () => expect((await database.db.select({ gridCode: appeals.gridCode }).from(appeals).where(eq(appeals.id, id)))[0]?.gridCode).toBe('YX-GY-01-03'),
      {
        timeout: 10_000,
        interval: 100,
      },
    );
  });
});
