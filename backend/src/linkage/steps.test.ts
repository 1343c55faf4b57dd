import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { type Socket, io } from 'socket.io-client';
import { testDatabaseKinds } from '../testing/databases.ts';
import { type TestHotline, startTestHotline, submitWebAppeal } from '../testing/hotline.ts';
import { insertTriagedAppeals } from '../testing/staff.ts';
import { auditLog } from '../platform/audit/index.ts';
import { appeals } from '../appeals/index.ts';
import { users } from '../identity/auth/index.ts';
import type { DomainEventMap } from '../platform/domain-events/index.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../web/realtime/index.ts';
import { eventExtensions, eventSteps, events, timeLimitRules } from './schema.ts';
import { seedReferenceData } from '../demo/index.ts';
import type { EventDetail, EventSummary } from './views.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const kinds = await testDatabaseKinds();
const HOUR = 3600_000;
/** A 1×1 PNG: a real image for the report photo. */
const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

describe.each(kinds)('the event lifecycle over HTTP on %s', (kind) => {
  let hotline: TestHotline;
  let agent: string;
  let supervisor: string;
  let environment: string;
  let urban: string;
  let water: string;
  const ids: Record<string, string> = {};
  const sockets: Client[] = [];
  const changes: DomainEventMap['event.changed'][] = [];

  beforeAll(async () => {
    hotline = await startTestHotline(kind);
    [agent, supervisor, environment, urban, water] = (await Promise.all(
      ['agent1', 'supervisor', 'dept-environment', 'dept-urban', 'dept-water'].map((u) => hotline.loginAs(u)),
    )) as [string, string, string, string, string];
    for (const u of await hotline.database.db.select({ id: users.id, username: users.username }).from(users)) ids[u.username] = u.id;
    hotline.deps.domainEvents.on('event.changed', (change) => void changes.push(change));
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await hotline?.close();
  });

  const db = () => hotline.database.db;
  const post = (path: string, body: unknown, cookie: string) =>
    hotline.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), cookie });
  const step = (id: string, body: Record<string, unknown>, cookie: string) => post(`/api/events/${id}/steps`, body, cookie);
  const detail = async (id: string, cookie = agent): Promise<EventDetail> => (await hotline.request(`/api/events/${id}`, { cookie })).json();
  const list = async (query: string, cookie = agent) =>
    (await hotline.request(`/api/events?${query}`, { cookie })).json() as Promise<{ items: EventSummary[]; total: number; page: number; pageSize: number }>;
  const stepsOf = (id: string) => db().$count(eventSteps, eq(eventSteps.eventId, id));
  const auditOf = (id: string) => db().$count(auditLog, eq(auditLog.entityId, id));

  /** Accepts a fresh appeal as an event led by `lead`, with the draft's time limit (the rules'). */
  async function newEvent(
    spec: { categoryCode?: string; lead?: string; co?: string[]; urgency?: 'normal' | 'urgent' | 'emergency'; draftOnly?: boolean } = {},
  ) {
    const categoryCode = spec.categoryCode ?? 'pollution';
    const [appeal] = await insertTriagedAppeals(hotline, [{ channel: 'web', categoryCode, urgency: spec.urgency ?? 'normal', address: '青禾路1号' }]);
    const draft = await (await hotline.request(`/api/appeals/${appeal!.id}/event-draft`, { cookie: agent })).json();
    const form = { ...draft, leadDepartmentCode: spec.lead ?? draft.leadDepartmentCode, coDepartmentCodes: spec.co ?? [] };
    const res = spec.draftOnly
      ? await hotline.request(`/api/appeals/${appeal!.id}/accept`, { method: 'POST', cookie: agent })
      : await post(`/api/appeals/${appeal!.id}/accept`, form, agent);
    expect(res.status).toBe(200);
    const [event] = await db().select().from(events).where(eq(events.appealId, appeal!.id));
    return { id: event!.id, appeal: appeal!, event: event! };
  }

  function connect(cookie: string): Promise<Client> {
    const socket: Client = io(hotline.url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    sockets.push(socket);
    return new Promise((resolve, reject) => socket.once('connect', () => resolve(socket)).once('connect_error', reject));
  }

  it('dispatches on acceptance with the rules’ limits, a dispatch step and event.changed', async () => {
    const before = changes.length;
    const { id, event } = await newEvent({ categoryCode: 'pollution', urgency: 'urgent', draftOnly: true });
    // 紧急: sign within 2 h, complete within 24 h, yellow at 80%.
    expect(event.signDueAt.getTime() - event.dispatchedAt.getTime()).toBe(2 * HOUR);
    expect(event.timeLimitAt.getTime() - event.dispatchedAt.getTime()).toBe(24 * HOUR);
    expect(event.warnAt.getTime() - event.dispatchedAt.getTime()).toBe(Math.trunc(0.8 * 24 * HOUR));
    const shown = await detail(id);
    expect(shown).toMatchObject({ status: 'dispatched', leadDepartmentCode: 'environment', due: 'ok', reporterCount: 1, extensionPending: false });
    expect(shown.steps).toEqual([
      expect.objectContaining({
        action: 'dispatch',
        fromStatus: null,
        toStatus: 'dispatched',
        departmentCode: 'environment',
        actor: { id: ids.agent1, displayName: '坐席 李娜' },
      }),
    ]);
    expect(changes.slice(before).map((c) => [c.event.id, c.step.action])).toEqual([[id, 'dispatch']]);
  });

  it('closes the loop: sign → report with a photo → verify_fail → report → verify_pass', async () => {
    const { id } = await newEvent();
    const before = changes.length;
    expect((await detail(id, environment)).actions).toEqual(['sign', 'request_extension', 'return']);

    const signed = await step(id, { action: 'sign' }, environment);
    expect(signed.status).toBe(200);
    expect(await signed.json()).toMatchObject({ status: 'handling', signedAt: expect.any(String), actions: ['report', 'request_extension', 'return'] });

    const form = new FormData();
    form.append('action', 'report');
    form.append('note', '已清理排污口，附现场照片');
    form.append('photos', new File([PNG], 'site.png', { type: 'image/png' }));
    const reported = await hotline.request(`/api/events/${id}/steps`, { method: 'POST', body: form, cookie: environment });
    expect(reported.status).toBe(200);
    const afterReport: EventDetail = await reported.json();
    expect(afterReport).toMatchObject({ status: 'reported', result: '已清理排污口，附现场照片', reportedAt: expect.any(String), actions: [] });
    const [photo] = afterReport.steps.at(-1)!.photos;
    expect(photo).toEqual({ id: expect.any(String), contentType: 'image/png', href: `/api/events/${id}/photos/${photo!.id}` });
    const image = await hotline.request(photo!.href, { cookie: agent });
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
    expect((await hotline.request(photo!.href, { cookie: water })).status).toBe(404);

    expect((await detail(id)).actions).toEqual(['verify_pass', 'verify_fail']);
    expect(await (await step(id, { action: 'verify_fail', note: '现场仍有异味，请继续处置' }, agent)).json()).toMatchObject({ status: 'handling' });
    expect(await (await step(id, { action: 'report', note: '已封堵并复查' }, environment)).json()).toMatchObject({
      status: 'reported',
      result: '已封堵并复查',
    });
    const closed: EventDetail = await (await step(id, { action: 'verify_pass' }, agent)).json();
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String), due: 'ok' });

    expect(closed.steps.map((s) => [s.action, s.fromStatus, s.toStatus, s.departmentCode, s.actor?.id])).toEqual([
      ['dispatch', null, 'dispatched', 'environment', ids.agent1],
      ['sign', 'dispatched', 'handling', 'environment', ids['dept-environment']],
      ['report', 'handling', 'reported', 'environment', ids['dept-environment']],
      ['verify_fail', 'reported', 'handling', 'environment', ids.agent1],
      ['report', 'handling', 'reported', 'environment', ids['dept-environment']],
      ['verify_pass', 'reported', 'closed', 'environment', ids.agent1],
    ]);
    expect(closed.steps[3]!.note).toBe('现场仍有异味，请继续处置');
    const audited = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(audited.map((a) => a.action).sort()).toEqual(
      ['event.created', 'event.report', 'event.report', 'event.sign', 'event.verify_fail', 'event.verify_pass'].sort(),
    );
    expect(changes.slice(before).map((c) => c.step.action)).toEqual(['sign', 'report', 'verify_fail', 'report', 'verify_pass']);
    expect(changes.at(-1)!.event).toMatchObject({ id, status: 'closed' });
  });

  it('refuses report photos that are not images, and photos on any other step', async () => {
    const { id } = await newEvent();
    await step(id, { action: 'sign' }, environment);
    const form = new FormData();
    form.append('action', 'report');
    form.append('note', '见附件');
    form.append('photos', new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    const written = await stepsOf(id);
    expect((await hotline.request(`/api/events/${id}/steps`, { method: 'POST', body: form, cookie: environment })).status).toBe(415);
    const tooMany = new FormData();
    tooMany.append('action', 'report');
    tooMany.append('note', '见附件');
    for (let i = 0; i < 5; i++) tooMany.append('photos', new File([PNG], `${i}.png`, { type: 'image/png' }));
    expect((await hotline.request(`/api/events/${id}/steps`, { method: 'POST', body: tooMany, cookie: environment })).status).toBe(400);
    const notReport = new FormData();
    notReport.append('action', 'return');
    notReport.append('note', '不归我们');
    expect((await hotline.request(`/api/events/${id}/steps`, { method: 'POST', body: notReport, cookie: environment })).status).toBe(400);
    expect(await stepsOf(id)).toBe(written);
    expect((await detail(id)).status).toBe('handling');
  });

  it('returns a misrouted event; the center re-dispatches it to another department with fresh limits', async () => {
    const { id, event } = await newEvent();
    await step(id, { action: 'sign' }, environment);
    const returned = await step(id, { action: 'return', note: '属市容问题，非我局职责' }, environment);
    expect(await returned.json()).toMatchObject({ status: 'returned', actions: [] });
    expect((await hotline.request(`/api/events/${id}`, { cookie: urban })).status).toBe(404);
    expect((await detail(id)).actions).toEqual(['redispatch']);
    expect((await detail(id, supervisor)).actions).toEqual(['redispatch', 'cancel']);

    const written = [await stepsOf(id), await auditOf(id)];
    const bad = await step(id, { action: 'redispatch', leadDepartmentCode: 'urban', coDepartmentCodes: ['mars'] }, agent);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/unknown department mars/);
    expect([await stepsOf(id), await auditOf(id)]).toEqual(written);

    const redispatched: EventDetail = await (
      await step(id, { action: 'redispatch', leadDepartmentCode: 'urban', coDepartmentCodes: ['enforcement', 'urban'], note: '改派城管' }, agent)
    ).json();
    expect(redispatched).toMatchObject({ status: 'dispatched', leadDepartmentCode: 'urban', coDepartmentCodes: ['enforcement'], signedAt: null });
    expect(Date.parse(redispatched.dispatchedAt)).toBeGreaterThan(event.dispatchedAt.getTime());
    expect(Date.parse(redispatched.timeLimitAt)).toBeGreaterThan(event.timeLimitAt.getTime());
    expect(redispatched.steps.at(-1)).toMatchObject({
      action: 'redispatch',
      fromStatus: 'returned',
      toStatus: 'dispatched',
      departmentCode: 'urban',
      detail: 'environment',
      note: '改派城管',
    });
    expect(redispatched.steps.find((s) => s.action === 'return')).toMatchObject({ departmentCode: 'environment', note: '属市容问题，非我局职责' });

    // The old department loses it; the new one can sign for it.
    expect((await hotline.request(`/api/events/${id}`, { cookie: environment })).status).toBe(404);
    expect((await list('pageSize=100', environment)).items.map((e) => e.id)).not.toContain(id);
    expect((await step(id, { action: 'sign' }, environment)).status).toBe(404);
    expect(await (await step(id, { action: 'sign' }, urban)).json()).toMatchObject({ status: 'handling' });
  });

  it('moves the time limit when the center approves an extension; one request at a time; agents cannot decide', async () => {
    const { id, event } = await newEvent();
    const earlier = new Date(event.timeLimitAt.getTime() - HOUR).toISOString();
    expect((await step(id, { action: 'request_extension', note: '需第三方检测', timeLimitAt: earlier }, environment)).status).toBe(400);
    const later = new Date(event.timeLimitAt.getTime() + 72 * HOUR);
    const requested = await step(id, { action: 'request_extension', note: '需第三方检测', timeLimitAt: later.toISOString() }, environment);
    expect(await requested.json()).toMatchObject({
      status: 'dispatched',
      extensionPending: true,
      extensions: [{ status: 'pending', reason: '需第三方检测', departmentCode: 'environment' }],
    });
    expect((await detail(id, environment)).actions).toEqual(['sign', 'return']);

    const written = [await stepsOf(id), await auditOf(id)];
    const second = await step(id, { action: 'request_extension', note: '再延', timeLimitAt: new Date(later.getTime() + HOUR).toISOString() }, environment);
    expect(second.status).toBe(409);
    expect((await step(id, { action: 'approve_extension' }, agent)).status).toBe(403);
    expect([await stepsOf(id), await auditOf(id)]).toEqual(written);

    await db().update(events).set({ yellowRaisedAt: new Date(), redRaisedAt: new Date() }).where(eq(events.id, id));
    expect((await detail(id, supervisor)).actions).toContain('approve_extension');
    const approved: EventDetail = await (await step(id, { action: 'approve_extension', note: '同意' }, supervisor)).json();
    expect(approved).toMatchObject({
      timeLimitAt: later.toISOString(),
      extensionPending: false,
      extensions: [{ status: 'approved', decisionNote: '同意', decidedAt: expect.any(String) }],
    });
    expect(Date.parse(approved.warnAt)).toBe(Math.trunc(event.dispatchedAt.getTime() + 0.8 * (later.getTime() - event.dispatchedAt.getTime())));
    const [row] = await db().select().from(events).where(eq(events.id, id));
    expect(row).toMatchObject({ yellowRaisedAt: null, redRaisedAt: null });
    expect(approved.steps.at(-1)).toMatchObject({ action: 'approve_extension', departmentCode: 'environment', actor: { id: ids.supervisor } });

    expect((await step(id, { action: 'deny_extension', note: '不同意' }, supervisor)).status).toBe(409);
    await step(id, { action: 'request_extension', note: '还需时间', timeLimitAt: new Date(later.getTime() + HOUR).toISOString() }, environment);
    expect(await (await step(id, { action: 'deny_extension', note: '不同意' }, supervisor)).json()).toMatchObject({
      timeLimitAt: later.toISOString(),
      extensions: [{ status: 'approved' }, { status: 'denied' }],
    });
    expect(await db().$count(eventExtensions, and(eq(eventExtensions.eventId, id), eq(eventExtensions.status, 'pending')))).toBe(0);
  });

  it('refuses an illegal transition with 409 naming the current state, writing nothing', async () => {
    const { id } = await newEvent();
    const written = [await stepsOf(id), await auditOf(id)];
    const res = await step(id, { action: 'report', note: '未签收就反馈' }, environment);
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'conflict', details: { status: 'dispatched' } });
    expect(body.error.message).toMatch(/dispatched/);
    expect((await step(id, { action: 'verify_pass' }, agent)).status).toBe(409);
    expect((await step(id, { action: 'reopen', note: '重办' }, agent)).status).toBe(409);
    expect([await stepsOf(id), await auditOf(id)]).toEqual(written);
    expect((await detail(id)).status).toBe('dispatched');
  });

  it('hides the event from another department (404, as on GET), refuses roles the table does not name (403); co-departments see but do not act', async () => {
    const { id } = await newEvent({ co: ['water'] });
    const written = [await stepsOf(id), await auditOf(id)];
    // Another department cannot tell the event from one that does not exist, whichever step it tries.
    const { error: missing } = await (await step('00000000-0000-4000-8000-000000000000', { action: 'sign' }, urban)).json();
    for (const action of [{ action: 'sign' }, { action: 'report', note: '已处置' }, { action: 'return', note: '非我局职责' }] as const) {
      const res = await step(id, action, urban);
      expect(res.status).toBe(404);
      expect((await res.json()).error).toMatchObject({ code: missing.code, message: missing.message });
    }
    expect((await step(id, { action: 'sign' }, water)).status).toBe(403);
    expect((await step(id, { action: 'sign' }, agent)).status).toBe(403);
    expect((await step(id, { action: 'cancel', note: '误派' }, agent)).status).toBe(403);
    expect((await step(id, { action: 'urge' }, environment)).status).toBe(403);
    expect([await stepsOf(id), await auditOf(id)]).toEqual(written);
    expect(await detail(id, water)).toMatchObject({ id, actions: [] });
    expect((await hotline.request(`/api/events/${id}`, { cookie: urban })).status).toBe(404);
    expect((await step('00000000-0000-4000-8000-000000000000', { action: 'sign' }, environment)).status).toBe(404);
    expect((await hotline.request(`/api/events/${id}/steps`, { method: 'POST', cookie: environment })).status).toBe(415);
    expect((await hotline.request(`/api/events/${id}`)).status).toBe(401);
  });

  it('urges, supervises and cancels, each recorded', async () => {
    const { id } = await newEvent();
    await step(id, { action: 'urge', note: '请尽快' }, agent);
    const urged: EventDetail = await (await step(id, { action: 'urge' }, agent)).json();
    expect(urged).toMatchObject({ urgeCount: 2, supervised: false });
    expect(await (await step(id, { action: 'supervise', note: '领导督办' }, supervisor)).json()).toMatchObject({ supervised: true, status: 'dispatched' });
    const cancelled: EventDetail = await (await step(id, { action: 'cancel', note: '重复派单' }, supervisor)).json();
    expect(cancelled).toMatchObject({ status: 'cancelled', actions: [] });
    expect(cancelled.steps.map((s) => s.action)).toEqual(['dispatch', 'urge', 'urge', 'supervise', 'cancel']);
  });

  it('reopens only after an unsatisfied rating since closure; the phone callback records it', async () => {
    const { id, appeal } = await newEvent();
    const [duplicate, stranger] = await insertTriagedAppeals(hotline, [{ channel: 'sms' }, { channel: 'sms' }]);
    await db().update(appeals).set({ status: 'merged', duplicateOfId: appeal.id }).where(eq(appeals.id, duplicate!.id));
    await step(id, { action: 'sign' }, environment);
    await step(id, { action: 'report', note: '已处理' }, environment);
    await step(id, { action: 'verify_pass' }, agent);
    // The closure notice opens each reporter's survey (followup's job); a phone callback comes after it.
    await vi.waitFor(async () => {
      const [closure] = await db()
        .select()
        .from(eventSteps)
        .where(and(eq(eventSteps.eventId, id), eq(eventSteps.action, 'verify_pass')));
      expect(closure!.citizensNotifiedAt).not.toBeNull();
    });

    const closed = await detail(id);
    expect(closed.reporterCount).toBe(2);
    expect(closed.reporters.map((r) => r.appealId).sort()).toEqual([appeal.id, duplicate!.id].sort());
    expect(closed.reporters.find((r) => r.appealId === appeal.id)).toEqual({
      appealId: appeal.id,
      caseNumber: appeal.caseNumber,
      channel: 'web',
      surveyAskedAt: expect.any(String),
      satisfaction: null,
      ratedVia: null,
    });
    expect(closed.actions).toEqual(['callback']);
    expect((await detail(id, environment)).reporters).toEqual([]);

    expect((await step(id, { action: 'reopen', note: '市民不满意' }, agent)).status).toBe(409);
    expect((await step(id, { action: 'callback', appealId: stranger!.id, satisfaction: 1 }, agent)).status).toBe(400);
    expect((await step(id, { action: 'callback', appealId: appeal.id, satisfaction: 4 }, environment)).status).toBe(403);
    await step(id, { action: 'callback', appealId: appeal.id, satisfaction: 4, note: '电话回访：满意' }, agent);
    expect((await step(id, { action: 'reopen', note: '市民不满意' }, agent)).status).toBe(409);

    const rated: EventDetail = await (
      await step(id, { action: 'callback', appealId: duplicate!.id, satisfaction: 2, note: '电话回访：仍有噪音' }, agent)
    ).json();
    expect(rated.reporters.map((r) => [r.appealId, r.satisfaction, r.ratedVia]).sort()).toEqual(
      [
        [appeal.id, 4, 'phone'],
        [duplicate!.id, 2, 'phone'],
      ].sort(),
    );
    expect(rated.steps.at(-1)).toMatchObject({ action: 'callback', fromStatus: 'closed', toStatus: 'closed', detail: duplicate!.id });
    expect(rated.actions).toEqual(['reopen', 'callback']);

    const reopened: EventDetail = await (await step(id, { action: 'reopen', note: '市民不满意，重新办理' }, agent)).json();
    expect(reopened).toMatchObject({ status: 'dispatched', leadDepartmentCode: 'environment', closedAt: null, signedAt: null, reportedAt: null });
    expect(Date.parse(reopened.dispatchedAt)).toBeGreaterThan(Date.parse(closed.closedAt!));
    expect(await (await step(id, { action: 'sign' }, environment)).json()).toMatchObject({ status: 'handling' });
    const callbacks = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'event.callback')));
    expect(callbacks.map((a) => [a.actorId, (a.after as { appealId: string }).appealId, (a.after as { satisfaction: number }).satisfaction]).sort()).toEqual(
      [
        [ids.agent1, appeal.id, 4],
        [ids.agent1, duplicate!.id, 2],
      ].sort(),
    );
  });

  it('lists the worklist by status, department, case number and due state, paginated; handlers see only theirs', async () => {
    const mine = [
      await newEvent({ categoryCode: 'greening-facilities' }),
      await newEvent({ categoryCode: 'greening-facilities' }),
      await newEvent({ categoryCode: 'greening-facilities' }),
    ];
    const coHandled = await newEvent({ categoryCode: 'food-drug-safety', co: ['greening'] });
    const others = await newEvent({ categoryCode: 'food-drug-safety' });
    const greening = await hotline.loginAs('dept-greening');
    const greeningIds = [...mine, coHandled].map((e) => e.id);

    const all = await list('pageSize=100', greening);
    expect(all.total).toBe(4);
    expect(all.items.map((e) => e.id).sort()).toEqual([...greeningIds].sort());
    expect(all.items.map((e) => e.id)).not.toContain(others.id);
    expect((await hotline.request(`/api/events/${others.id}`, { cookie: greening })).status).toBe(404);

    const first = await list('pageSize=3&page=1', greening);
    const second = await list('pageSize=3&page=2', greening);
    expect([first.items.length, second.items.length, first.total, second.page]).toEqual([3, 1, 4, 2]);
    expect(new Set([...first.items, ...second.items].map((e) => e.id)).size).toBe(4);

    await step(mine[0]!.id, { action: 'sign' }, greening);
    expect((await list('status=handling', greening)).items.map((e) => e.id)).toEqual([mine[0]!.id]);
    expect((await list('status=dispatched,handling&pageSize=100', greening)).total).toBe(4);
    expect((await list('status=closed', greening)).total).toBe(0);
    expect((await hotline.request('/api/events?status=open', { cookie: greening })).status).toBe(400);
    expect((await hotline.request('/api/events?pageSize=101', { cookie: greening })).status).toBe(400);

    expect((await list(`q=${mine[1]!.event.caseNumber}`)).items.map((e) => e.id)).toEqual([mine[1]!.id]);
    expect((await list(`department=market&pageSize=100`)).items.map((e) => e.id)).toEqual(expect.arrayContaining([coHandled.id, others.id]));
    expect((await list(`department=greening&pageSize=100`)).total).toBe(4);
    expect((await list('pageSize=100')).total).toBeGreaterThan(4);

    // Overdue: unsigned past the sign-for limit, or past the completion limit; soon: past the yellow line.
    const past = new Date(Date.now() - HOUR);
    await db().update(events).set({ signDueAt: past }).where(eq(events.id, mine[1]!.id));
    await db().update(events).set({ warnAt: past }).where(eq(events.id, mine[2]!.id));
    await db().update(events).set({ signDueAt: past }).where(eq(events.id, mine[0]!.id)); // signed: sign-for no longer counts
    expect((await list('due=overdue', greening)).items.map((e) => [e.id, e.due])).toEqual([[mine[1]!.id, 'overdue']]);
    expect((await list('due=soon', greening)).items.map((e) => [e.id, e.due])).toEqual([[mine[2]!.id, 'soon']]);
    // 临期·超期 in one list, nearest limit first.
    expect((await list('due=overdue,soon', greening)).items.map((e) => e.id).sort()).toEqual([mine[1]!.id, mine[2]!.id].sort());
    expect((await hotline.request('/api/events?due=late', { cookie: greening })).status).toBe(400);
    expect((await detail(mine[0]!.id)).due).toBe('ok');
  });

  it('lists the events with an extension request waiting (延期待批), and those without', async () => {
    const { id, event } = await newEvent();
    const later = new Date(event.timeLimitAt.getTime() + 48 * HOUR).toISOString();
    expect((await step(id, { action: 'request_extension', note: '等待配件', timeLimitAt: later }, environment)).status).toBe(200);
    const all = await list('pageSize=100');
    const waiting = await list('extensionPending=true&pageSize=100');
    const none = await list('extensionPending=false&pageSize=100');
    expect(waiting.items.every((e) => e.extensionPending)).toBe(true);
    expect(none.items.every((e) => !e.extensionPending)).toBe(true);
    expect(waiting.total + none.total).toBe(all.total);
    expect(waiting.items.map((e) => e.id)).toContain(id);
  });

  it('counts the worklist tabs in one request, as the lists count them, for whoever asks', async () => {
    for (const cookie of [agent, environment]) {
      const counts = await (await hotline.request('/api/events/counts', { cookie })).json();
      const total = async (query: string) => (await list(`${query}&pageSize=1`, cookie)).total;
      for (const status of ['dispatched', 'handling', 'reported', 'returned', 'closed', 'cancelled'])
        expect(counts.byStatus[status]).toBe(await total(`status=${status}`));
      expect(counts.extensionPending).toBe(await total('status=dispatched,handling&extensionPending=true'));
      expect(counts.soon).toBe(await total('due=soon'));
      expect(counts.overdue).toBe(await total('due=overdue'));
      expect(counts.total).toBe(await total('page=1'));
    }
    expect((await hotline.request('/api/events/counts')).status).toBe(401);
  });

  it('pushes event:updated to the center and the event’s departments only; handlers get no appeal events', async () => {
    const staff = await connect(agent);
    const lead = await connect(environment);
    const outsider = await connect(water);
    const heard: string[] = [];
    outsider.on('event:updated', (e) => void heard.push(`event ${e.caseNumber}`));
    outsider.on('appeal:new', () => void heard.push('appeal:new'));
    lead.on('appeal:new', () => void heard.push('appeal:new to a handler'));
    lead.on('appeal:updated', () => void heard.push('appeal:updated to a handler'));

    const { id } = await newEvent();
    const toStaff = new Promise<EventSummary>((resolve) => staff.on('event:updated', (e) => e.id === id && e.status === 'handling' && resolve(e)));
    const toLead = new Promise<EventSummary>((resolve) => lead.on('event:updated', (e) => e.id === id && e.status === 'handling' && resolve(e)));
    await step(id, { action: 'sign' }, environment);
    expect(await toStaff).toMatchObject({ id, status: 'handling', leadDepartmentCode: 'environment' });
    expect(await toLead).toMatchObject({ id, status: 'handling' });

    // A citizen's new appeal reaches the center, never a department socket.
    const arrived = new Promise<void>((resolve) => staff.on('appeal:new', (a) => a.summary === '事件推送测试' && resolve()));
    await submitWebAppeal(hotline, { text: '事件推送测试' });
    await arrived;
    // Then one more event change, so anything sent to the outsider before it has arrived by now.
    const lastForLead = new Promise<void>((resolve) => lead.on('event:updated', (e) => e.id === id && e.urgeCount === 1 && resolve()));
    await step(id, { action: 'urge' }, agent);
    await lastForLead;
    expect(heard).toEqual([]);
  });

  it('shows the time-limit rules to the center only', async () => {
    const res = await hotline.request('/api/time-limit-rules', { cookie: agent });
    const { rules } = await res.json();
    expect(rules[0]).toMatchObject({ categoryCode: '*' });
    expect(rules).toContainEqual({
      categoryCode: '*',
      urgency: 'normal',
      signForAmount: 1,
      signForUnit: 'working_days',
      completionAmount: 5,
      completionUnit: 'working_days',
    });
    expect(rules).toContainEqual({
      categoryCode: 'pollution',
      urgency: 'normal',
      signForAmount: 1,
      signForUnit: 'working_days',
      completionAmount: 3,
      completionUnit: 'working_days',
    });
    expect((await hotline.request('/api/time-limit-rules', { cookie: environment })).status).toBe(403);

    // Seeding again (every start) adds nothing and keeps a rule the center edited.
    await db()
      .update(timeLimitRules)
      .set({ completionAmount: 4 })
      .where(and(eq(timeLimitRules.categoryCode, 'pollution'), eq(timeLimitRules.urgency, 'normal')));
    await seedReferenceData(db());
    const again = (await (await hotline.request('/api/time-limit-rules', { cookie: agent })).json()).rules;
    expect(again).toHaveLength(rules.length);
    expect(again).toContainEqual(expect.objectContaining({ categoryCode: 'pollution', urgency: 'normal', completionAmount: 4 }));
    await db()
      .update(timeLimitRules)
      .set({ completionAmount: 3 })
      .where(and(eq(timeLimitRules.categoryCode, 'pollution'), eq(timeLimitRules.urgency, 'normal')));
  });

  it('documents the event routes in the OpenAPI document', async () => {
    const doc = await (await hotline.request('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/events', '/api/events/{id}', '/api/events/{id}/steps', '/api/events/{id}/photos/{photoId}', '/api/time-limit-rules']),
    );
    expect(Object.keys(doc.paths['/api/events/{id}/steps'].post.requestBody.content)).toEqual(['application/json', 'multipart/form-data']);
  });
});
