import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { type Socket, io } from 'socket.io-client';
import { testDatabaseKinds } from '../testing/databases.ts';
import { type TestHotline, startTestHotline, submitWebAppeal } from '../testing/hotline.ts';
import { appeals } from '../appeals/index.ts';
import { type EventSummary, events } from '../linkage/index.ts';
import { auditLog } from '../platform/audit/index.ts';
import { outbox } from '../platform/outbox/index.ts';
import { queueWebhookSteps } from '../interop/linkage-webhooks/index.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './realtime/index.ts';

/**
 * 举报人保密 (issue 13, item 4): a whistle-blower's contacts, typed any way a Chinese input method
 * allows, never reach the department's handler, the linkage platform or Open311 clients — for a
 * 举报 (as NLP or an agent typed it) and for any appeal the center marked confidential by hand.
 * The center reads every appeal in full; an appeal neither typed 举报 nor marked is shown as written.
 */
const kinds = await testDatabaseKinds();
const HOUR = 3600_000;

/** A 举报 with its contacts in the forms that got past the old mask. */
const REPORT =
  '举报：青禾路88号餐馆夜里把油污倒进雨水井，请打我手机１３９１２３４５６７８或139—1234—5678，座机（0571）8765-4321，微信 lsx_2026，身份证11010119900307123X。';
/** A 投诉 whose citizen asked to stay unnamed; NLP and the agent type it 投诉, the agent marks it by hand. */
const COMPLAINT = '投诉：东湖路12号工地每晚施工到凌晨，我是隔壁业主怕被报复，电话139 1234 5679，邮箱lin.shouxin@example.org。';
const COMPLAINT_ADDRESS = '东湖路12号（业主手机13912345679）';
/** An ordinary 投诉: shown to the department as written. */
const PLAIN = '投诉：湖滨路18号垃圾桶满溢好几天了，联系电话13700001111。';

/** What must never be readable, with spaces, dashes, brackets and full-width forms taken out. */
const SECRETS = ['13912345678', '057187654321', '87654321', '11010119900307123', 'lsx', '13912345679', 'shouxin', 'example'];
const flat = (received: unknown) =>
  (typeof received === 'string' ? received : JSON.stringify(received))
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s.\-—–·/()（）]/g, '');

describe.each(kinds)('举报人保密 by type and by hand on %s', (kind) => {
  let hotline: TestHotline;
  const cookies: Record<string, string> = {};
  const ids = { report: '', complaint: '', plain: '' };
  const eventIds = { report: '', complaint: '', plain: '' };
  let handlerSocket: Socket<ServerToClientEvents, ClientToServerEvents>;
  /** Every event:updated the department's handler received. */
  const received: EventSummary[] = [];

  function api(path: string, user: string, init: { method?: string; body?: unknown } = {}) {
    return hotline.request(path, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cookie: cookies[user],
    });
  }
  const mark = (appealId: string, user: string, confidential: boolean, reason?: string) =>
    api(`/api/appeals/${appealId}/confidential`, user, { method: 'PUT', body: { confidential, reason } });

  function expectMasked(what: string, received: unknown) {
    const text = flat(received);
    for (const secret of SECRETS) expect(text, `${what} reveals ${secret}`).not.toContain(secret);
  }

  async function file(text: string, appealType: string, address?: string): Promise<string> {
    const submitted = await submitWebAppeal(hotline, { text, address });
    expect(submitted.res.status).toBe(201);
    await hotline.deps.triage.idle();
    const [appeal] = await hotline.database.db.select().from(appeals).where(eq(appeals.caseNumber, submitted.body.caseNumber!));
    expect((await api(`/api/appeals/${appeal!.id}/classification`, 'agent1', { method: 'PATCH', body: { appealType } })).status).toBe(200);
    return appeal!.id;
  }

  async function accept(appealId: string, address?: string): Promise<string> {
    const form = {
      categoryCode: 'city-appearance',
      urgency: 'normal',
      address,
      leadDepartmentCode: 'urban',
      timeLimitAt: new Date(Date.now() + 48 * HOUR).toISOString(),
    };
    const res = await api(`/api/appeals/${appealId}/accept`, 'agent1', { method: 'POST', body: form });
    expect(res.status, await res.clone().text()).toBe(200);
    const [event] = await hotline.database.db.select({ id: events.id }).from(events).where(eq(events.appealId, appealId));
    return event!.id;
  }

  const handlerView = async (eventId: string) => {
    const res = await api(`/api/events/${eventId}`, 'dept-urban');
    expect(res.status).toBe(200);
    return (await res.json()) as EventSummary & { steps: { action: string; note: string | null }[] };
  };
  const pushOf = (eventId: string, when: (e: EventSummary) => boolean) =>
    new Promise<EventSummary>((resolve) => {
      const listener = (e: EventSummary) => {
        if (e.id !== eventId || !when(e)) return;
        handlerSocket.off('event:updated', listener);
        resolve(e);
      };
      handlerSocket.on('event:updated', listener);
    });

  beforeAll(async () => {
    // The linkage platform is unreachable: the payloads are what matters, stored before any delivery.
    hotline = await startTestHotline(kind, {
      env: { LINKAGE_WEBHOOK_URL: 'http://127.0.0.1:9/hooks', LINKAGE_WEBHOOK_SECRET: 'confidential-test-secret', DELIVERY_BACKOFF_MS: '3600000' },
    });
    for (const user of ['agent1', 'agent2', 'supervisor', 'dept-urban']) cookies[user] = await hotline.loginAs(user);
    ids.report = await file(REPORT, 'report');
    ids.complaint = await file(COMPLAINT, 'complaint', COMPLAINT_ADDRESS);
    ids.plain = await file(PLAIN, 'complaint');
    handlerSocket = io(hotline.url, { transports: ['websocket'], extraHeaders: { cookie: cookies['dept-urban']! }, reconnection: false });
    await new Promise<void>((resolve, reject) => handlerSocket.once('connect', resolve).once('connect_error', reject));
    handlerSocket.on('event:updated', (e) => received.push(e));
  });
  afterAll(async () => {
    handlerSocket?.close();
    await hotline?.close();
  });

  it('shows a 举报 to the department with every contact masked, whatever its digits and separators', async () => {
    eventIds.report = await accept(ids.report);
    const dispatched = await vi.waitFor(
      () => {
        const push = received.find((e) => e.id === eventIds.report);
        if (!push) throw new Error('no event:updated for the dispatch yet');
        return push;
      },
      { timeout: 5_000, interval: 20 },
    );
    expectMasked('the event:updated push of the dispatch', dispatched);
    const list = (await (await api('/api/events', 'dept-urban')).json()) as { items: EventSummary[] };
    const row = list.items.find((e) => e.id === eventIds.report)!;
    expect(row.summary).toContain('油污倒进雨水井');
    expect(row.summary).toContain('请打我手机***********或***—****—****，座机（****）****-****');
    expectMasked('the worklist', list);
    const detail = await handlerView(eventIds.report);
    expect(detail.summary).toContain('青禾路88号');
    expectMasked('the event detail', detail);
  });

  it('marks a 投诉 confidential by hand: audited, pushed to the department masked, and the center still reads it in full', async () => {
    eventIds.complaint = await accept(ids.complaint, COMPLAINT_ADDRESS);
    // Before the mark a 投诉 is shown as written: this is what the mark is for.
    expect((await handlerView(eventIds.complaint)).summary).toContain('139 1234 5679');

    const pushed = pushOf(eventIds.complaint, (e) => !flat(e.summary).includes('13912345679'));
    const res = await mark(ids.complaint, 'agent1', true, '市民要求对其身份保密');
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ id: ids.complaint, confidential: true, appealType: 'complaint' });
    expectMasked('the event:updated push after the mark', await pushed);

    const detail = await handlerView(eventIds.complaint);
    expect(detail.summary).toContain('工地每晚施工到凌晨');
    expect(detail.address).toBe('东湖路12号（业主手机***********）');
    expectMasked('the event detail', detail);
    expectMasked('the worklist', await (await api('/api/events', 'dept-urban')).json());

    const audit = await hotline.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, ids.complaint), eq(auditLog.action, 'appeal.confidential_marked')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: 'user', before: { confidential: false }, after: { confidential: true, reason: '市民要求对其身份保密' } });

    const center = (await (await api(`/api/appeals/${ids.complaint}`, 'agent2')).json()) as { summary: string; confidential: boolean; address: string };
    expect(center).toMatchObject({ confidential: true, summary: COMPLAINT, address: COMPLAINT_ADDRESS });
  });

  it('masks what the center writes to the department in a confidential event, and shows it to the center as written', async () => {
    const note = '请联系举报人核实，手机１３９ １２３４ ５６７９';
    const pushed = pushOf(eventIds.complaint, (e) => e.urgeCount === 1);
    expect((await api(`/api/events/${eventIds.complaint}/steps`, 'supervisor', { method: 'POST', body: { action: 'urge', note } })).status).toBe(200);
    expectMasked('the push of the urge', await pushed);
    const department = await handlerView(eventIds.complaint);
    expect(department.steps.find((s) => s.action === 'urge')!.note).toBe('请联系举报人核实，手机*** **** ****');
    const center = (await (await api(`/api/events/${eventIds.complaint}`, 'supervisor')).json()) as { steps: { action: string; note: string }[] };
    expect(center.steps.find((s) => s.action === 'urge')!.note).toBe(note);
  });

  it('shows an appeal neither typed 举报 nor marked as written', async () => {
    eventIds.plain = await accept(ids.plain);
    expect((await handlerView(eventIds.plain)).summary).toContain('13700001111');
  });

  it('lets an agent mark but not clear; a supervisor clears, audited; a 举报 stays masked whatever the mark', async () => {
    expect((await mark(ids.plain, 'agent1', true)).status).toBe(200);
    expect((await handlerView(eventIds.plain)).summary).toContain('***********');
    // Marking twice changes nothing and records nothing.
    expect((await mark(ids.plain, 'agent2', true)).status).toBe(200);

    const refused = await mark(ids.plain, 'agent1', false, '误标');
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('forbidden');
    expect((await handlerView(eventIds.plain)).summary).not.toContain('13700001111');
    expect((await mark(ids.plain, 'dept-urban', true)).status).toBe(403);

    expect((await mark(ids.plain, 'supervisor', false, '误标')).status).toBe(200);
    expect((await handlerView(eventIds.plain)).summary).toContain('13700001111');
    const actions = await hotline.database.db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.entityId, ids.plain))
      .orderBy(auditLog.id);
    expect(actions.filter((a) => a.action.startsWith('appeal.confidential'))).toEqual([
      { action: 'appeal.confidential_marked', after: { confidential: true, reason: null } },
      { action: 'appeal.confidential_cleared', after: { confidential: false, reason: '误标' } },
    ]);

    expect((await mark(ids.report, 'supervisor', false)).status).toBe(200);
    expectMasked('a 举报 without the mark', await handlerView(eventIds.report));
    expect((await mark(ids.report, 'agent1', false)).status).toBe(403);
  });

  it('sends the linkage platform and Open311 clients the masked texts only', async () => {
    const payloads = await vi.waitFor(
      async () => {
        await queueWebhookSteps(hotline.deps);
        const rows = await hotline.database.db
          .select({ subjectId: outbox.subjectId, payload: outbox.payload })
          .from(outbox)
          .where(eq(outbox.kind, 'linkage-webhook'));
        const confidential = rows.filter((r) => r.subjectId === eventIds.report || r.subjectId === eventIds.complaint);
        // Each dispatch and the urge.
        expect(confidential.length).toBeGreaterThanOrEqual(3);
        return confidential;
      },
      { timeout: 10_000, interval: 50 },
    );
    expectMasked('the webhook payloads', payloads);
    expect(JSON.stringify(payloads)).toContain('请联系举报人核实');

    const [complaint] = await hotline.database.db.select({ caseNumber: appeals.caseNumber }).from(appeals).where(eq(appeals.id, ids.complaint));
    const open311 = await hotline.request(`/open311/v2/requests/${complaint!.caseNumber}.json`);
    expect(open311.status).toBe(200);
    const [request] = (await open311.json()) as { address: string; description: string | null; media_url: string | null }[];
    expect(request!.address).toBe('东湖路12号（业主手机***********）');
    // Of a confidential appeal, Open311 clients get none of the reporter's words.
    expect(request).toMatchObject({ description: null, media_url: null });
  });

  it('masks an accepted appeal for the department as soon as an agent retypes it 举报', async () => {
    expect((await handlerView(eventIds.plain)).summary).toContain('13700001111');
    const pushed = pushOf(eventIds.plain, (e) => !e.summary.includes('13700001111'));
    expect((await api(`/api/appeals/${ids.plain}/classification`, 'agent1', { method: 'PATCH', body: { appealType: 'report' } })).status).toBe(200);
    expect((await pushed).summary).toContain('联系电话***********');
    expect((await handlerView(eventIds.plain)).summary).toContain('联系电话***********');
  });
});
