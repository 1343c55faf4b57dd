import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, startTestHotline, submitWebAppeal } from '../../testing/hotline.ts';
import { acceptAsEvent, appealByCase, closeEvent } from '../../testing/closed-loop.ts';
import { startFakeProvider } from '../../testing/fake-provider.ts';
import { auditLog } from '../../platform/audit/index.ts';
import { dispatchOutbox, outbox } from '../../platform/outbox/index.ts';
import { eventSteps, events } from '../../linkage/index.ts';
import { open311Requests, queueOpen311Dispatches } from './dispatch.ts';
import { pollOpen311Departments } from './poll.ts';
import { open311Dispatches } from './schema.ts';

/**
 * Departments that run their own case system (issue 17, item 6), tested against a second hotline
 * acting as the department: two servers on loopback, each on a database of its own. The center
 * (A) files the event in the department's system (B) through its outbox; B's update feed becomes
 * A's steps. A fake Open311 server shows failures and retries.
 */
const kinds = await testDatabaseKinds();
const DEPARTMENT_KEY = 'water-bureau-open311-key-000111';
const POINT = { latitude: 30.235, longitude: 120.135 };

describe.each(kinds)('a department with its own Open311 system, on %s', (kind) => {
  let center: TestHotline;
  let department: TestHotline;
  let admin: string;

  beforeAll(async () => {
    // Long backoff: retries are driven by the test, never by the clock.
    department = await startTestHotline(kind, { env: { OPEN311_API_KEYS: DEPARTMENT_KEY } });
    center = await startTestHotline(kind, { env: { DELIVERY_BACKOFF_MS: '3600000' } });
    admin = await center.loginAs('admin');
    // Two whole hotlines start here.
  }, 180_000);
  afterAll(async () => {
    await center?.close();
    await department?.close();
  });

  const settingsOf = (code: string, init: RequestInit = {}) =>
    center.request(`/api/admin/departments/${code}/open311`, { ...init, cookie: admin, headers: { 'content-type': 'application/json', ...init.headers } });
  const putSettings = (code: string, body: unknown) => settingsOf(code, { method: 'PUT', body: JSON.stringify(body) });
  /** The center's event for a fresh appeal, dispatched to `lead`. */
  async function dispatchedEvent(text: string, lead: string) {
    const { body } = await submitWebAppeal(center, { text, ...POINT, address: '青禾路88号' });
    await center.deps.triage.idle();
    return acceptAsEvent(center, (await appealByCase(center, body.caseNumber!)).id, lead);
  }
  const stepsOf = async (eventId: string) =>
    center.database.db.select().from(eventSteps).where(eq(eventSteps.eventId, eventId)).orderBy(asc(eventSteps.createdAt));

  it('lets admins only mark a department external, audited, with the key shown as a hint', async () => {
    const settings = {
      enabled: true,
      baseUrl: `${department.url}/open311/v2/`,
      apiKey: DEPARTMENT_KEY,
      serviceCodes: { 'city-appearance': 'city-appearance' },
    };
    const agent = await center.loginAs('agent1');
    const refused = await center.request('/api/admin/departments/water/open311', {
      method: 'PUT',
      cookie: agent,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(settings),
    });
    expect(refused.status).toBe(403);
    expect((await putSettings('nowhere', settings)).status).toBe(404);
    const bad = await putSettings('water', { ...settings, baseUrl: 'ftp://cases.example.org' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/baseUrl/);

    const res = await putSettings('water', settings);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({
      departmentCode: 'water',
      configured: true,
      enabled: true,
      baseUrl: `${department.url}/open311/v2`,
      apiKeyHint: '…0111',
      serviceCodes: { 'city-appearance': 'city-appearance' },
      pollIntervalSeconds: 300,
    });
    const [entry] = await center.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'department.open311_set'), eq(auditLog.entityId, 'water')));
    expect(JSON.stringify(entry!.after)).not.toContain(DEPARTMENT_KEY);
  });

  it('files a dispatched event in the department’s system and reads its updates back as 签收 and 处置反馈', async () => {
    const event = await dispatchedEvent('青禾路88号门口自来水管爆裂，水流满街，联系电话13912345678', 'water');
    // The job posts it at once after the step; running it again sends nothing twice.
    await vi.waitFor(
      async () => {
        const [dispatch] = await center.database.db.select().from(open311Dispatches).where(eq(open311Dispatches.eventId, event.id));
        expect(dispatch?.serviceRequestId).toBeTruthy();
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(await queueOpen311Dispatches(center.deps)).toEqual([]);
    const [dispatch] = await center.database.db.select().from(open311Dispatches).where(eq(open311Dispatches.eventId, event.id));

    // At the department: one appeal in its queue, our case number and words, no citizen's contact.
    const theirs = await appealByCase(department, dispatch!.serviceRequestId!);
    expect(theirs.summary).toBe(`【市容环境】【12345 案件 ${event.caseNumber}】青禾路88号门口自来水管爆裂，水流满街，联系电话13912345678`);
    expect(theirs.latitude).toBe(POINT.latitude);

    // The department handles it in its own system…
    await department.deps.triage.idle();
    const theirEvent = await acceptAsEvent(department, theirs.id, 'urban');
    await closeEvent(department, theirEvent, '已关阀抢修，管道更换完毕');

    // …and the center reads it back: signed for, then reported, with the department's notes. (Polls
    // are run "later" than the clock so the background job, polling now, never makes them not due.)
    expect(await pollOpen311Departments(center.deps, new Date(Date.now() + 400_000))).toContain('water');
    const steps = await stepsOf(event.id);
    expect(steps.map((s) => [s.action, s.toStatus, s.departmentCode])).toEqual([
      ['dispatch', 'dispatched', 'water'],
      ['sign', 'handling', 'water'],
      ['report', 'reported', 'water'],
    ]);
    expect(steps[2]!.note).toBe('已办结：已关阀抢修，管道更换完毕');
    const [after] = await center.database.db.select().from(events).where(eq(events.id, event.id));
    expect(after).toMatchObject({ status: 'reported', result: '已办结：已关阀抢修，管道更换完毕' });

    // Read again (its interval not yet passed, then forced): nothing is taken twice.
    expect(await pollOpen311Departments(center.deps)).toEqual([]);
    expect(await pollOpen311Departments(center.deps, new Date(Date.now() + 800_000))).toContain('water');
    expect(await stepsOf(event.id)).toHaveLength(3);
    expect(await (await settingsOf('water')).json()).toMatchObject({
      lastPollError: null,
      recentDispatches: [expect.objectContaining({ eventId: event.id, serviceRequestId: dispatch!.serviceRequestId, status: 'delivered' })],
    });
  });

  it('retries a failed post through the outbox and shows failures to admins', async () => {
    let failing = true;
    const fake = await startFakeProvider([
      (req) =>
        req.method === 'POST' && req.url === '/v2/requests.json'
          ? failing
            ? { status: 503, json: [{ code: 503, description: 'down for maintenance' }] }
            : { status: 201, json: [{ service_request_id: 'GX-7' }] }
          : undefined,
      (req) => (req.method === 'GET' && req.url.startsWith('/v2/servicerequestupdates.json') ? { json: [] } : undefined),
    ]);
    try {
      expect(
        (
          await putSettings('greening', {
            enabled: true,
            baseUrl: `${fake.url}/v2`,
            apiKey: 'greening-key-0000',
            jurisdictionId: 'qinghe.example.gov',
            serviceCodes: { 'city-appearance': 'TREE-01' },
          })
        ).status,
      ).toBe(200);
      const event = await dispatchedEvent('西山公园门口大树倒伏压住路面', 'greening');
      const posts = () => fake.requests.filter((r) => r.method === 'POST');
      await vi.waitFor(() => expect(posts()).toHaveLength(1), { timeout: 10_000, interval: 50 });
      const posted = posts()[0]!.form!;
      expect(Object.fromEntries(posted)).toMatchObject({
        api_key: 'greening-key-0000',
        jurisdiction_id: 'qinghe.example.gov',
        service_code: 'TREE-01',
        lat: String(POINT.latitude),
        long: String(POINT.longitude),
        description: `【12345 案件 ${event.caseNumber}】西山公园门口大树倒伏压住路面`,
      });
      await vi.waitFor(async () => {
        const view = await (await settingsOf('greening')).json();
        expect(view.recentDispatches[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('HTTP 503') });
      });

      // The outbox's retry (made due now, as the backoff would) delivers it, once.
      failing = false;
      await center.database.db.update(outbox).set({ nextAttemptAt: new Date() }).where(eq(outbox.subjectId, event.id));
      await dispatchOutbox(center.deps, [open311Requests]);
      await vi.waitFor(async () => {
        const [dispatch] = await center.database.db.select().from(open311Dispatches).where(eq(open311Dispatches.eventId, event.id));
        expect(dispatch!.serviceRequestId).toBe('GX-7');
      });
      expect(posts()).toHaveLength(2);

      fake.routes.unshift((req) => (req.method === 'GET' ? { status: 500, json: { message: 'feed broken' } } : undefined));
      await pollOpen311Departments(center.deps, new Date(Date.now() + 3600_000));
      expect(await (await settingsOf('greening')).json()).toMatchObject({ lastPollError: expect.stringContaining('HTTP 500') });
    } finally {
      await fake.close();
    }
  });
});
