import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { type Socket, io } from 'socket.io-client';
import { PNG } from '@hotline/channels/testing';
import { testDatabaseKinds } from '../testing/databases.ts';
import { type TestHotline, startTestHotline, submitWebAppeal } from '../testing/hotline.ts';
import { appeals } from '../appeals/index.ts';
import { contactIdentities } from '../identity/contacts/index.ts';
import { events } from '../linkage/index.ts';
import { outbox } from '../platform/outbox/index.ts';
import { queueWebhookSteps } from '../interop/linkage-webhooks/index.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './realtime/index.ts';
import type { EventSummary } from '../linkage/index.ts';

const kinds = await testDatabaseKinds();

const HOUR = 3600_000;
const NAME = '林守信';
const PHONE = '13912345678';

/**
 * 举报人保密: for a 举报 (report) appeal the citizen's identity — name, phone, WeChat openid or web
 * session, their other appeals — reaches only the center (agents, supervisors, admins: agents are
 * the first-contact owners who reply to and call back the citizen). The department the event is
 * dispatched to, the linkage platform, Open311 clients and the public lookup never see it.
 */
describe.each(kinds)('whistle-blower confidentiality (举报人保密) on %s', (kind) => {
  let hotline: TestHotline;
  const cookies: Record<string, string> = {};
  let appealId: string;
  let caseNumber: string;
  let earlierCase: string;
  let event: { id: string };
  /** Every trace of who reported it: none may appear in anything a department or outsider receives. */
  let secrets: string[];
  let handlerSocket: Socket<ServerToClientEvents, ClientToServerEvents>;

  beforeAll(async () => {
    // The linkage platform is unreachable here: the payloads are what matters, stored before any delivery.
    hotline = await startTestHotline(kind, {
      env: { LINKAGE_WEBHOOK_URL: 'http://127.0.0.1:9/hooks', LINKAGE_WEBHOOK_SECRET: 'whistleblower-test-secret', DELIVERY_BACKOFF_MS: '3600000' },
    });
    for (const user of ['agent1', 'supervisor', 'dept-urban', 'dept-environment']) cookies[user] = await hotline.loginAs(user);

    // The same citizen wrote before: their history is part of their identity.
    const earlier = await submitWebAppeal(hotline, { text: '小区门口的路灯坏了好几天了', name: NAME, phone: PHONE });
    earlierCase = earlier.body.caseNumber!;
    const report = await submitWebAppeal(
      hotline,
      { text: `举报：青禾路88号的餐馆每天夜里把油污直接倒进雨水井，核实请打我电话${PHONE}`, name: NAME, phone: PHONE, latitude: 30.245, longitude: 120.145 },
      earlier.cookie,
    );
    caseNumber = report.body.caseNumber!;
    await hotline.deps.triage.idle();
    const [appeal] = await hotline.database.db.select().from(appeals).where(eq(appeals.caseNumber, caseNumber));
    appealId = appeal!.id;
    const identities = await hotline.database.db.select().from(contactIdentities).where(eq(contactIdentities.contactId, appeal!.contactId));
    secrets = [NAME, PHONE, PHONE.slice(-8), appeal!.contactId, earlierCase, ...identities.map((i) => i.value)];

    expect((await api(`/api/appeals/${appealId}/classification`, 'agent1', { method: 'PATCH', body: { appealType: 'report' } })).status).toBe(200);
    const accepted = await api(`/api/appeals/${appealId}/accept`, 'agent1', {
      method: 'POST',
      body: { categoryCode: 'city-appearance', urgency: 'normal', leadDepartmentCode: 'urban', timeLimitAt: new Date(Date.now() + 48 * HOUR).toISOString() },
    });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    const [dispatched] = await hotline.database.db.select({ id: events.id }).from(events).where(eq(events.appealId, appealId));
    event = dispatched!;

    handlerSocket = io(hotline.url, { transports: ['websocket'], extraHeaders: { cookie: cookies['dept-urban']! }, reconnection: false });
    await new Promise<void>((resolve, reject) => handlerSocket.once('connect', resolve).once('connect_error', reject));
  });
  afterAll(async () => {
    handlerSocket?.close();
    await hotline?.close();
  });

  function api(path: string, user: string | undefined, init: { method?: string; body?: unknown } = {}) {
    return hotline.request(path, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cookie: user && cookies[user],
    });
  }

  /** `listsEveryCase`: a listing of all requests shows the earlier case in its own right; only a link to it would be a leak. */
  function expectNoIdentity(what: string, received: unknown, { listsEveryCase = false } = {}) {
    const text = typeof received === 'string' ? received : JSON.stringify(received);
    for (const secret of secrets) if (!(listsEveryCase && secret === earlierCase)) expect(text, `${what} reveals ${secret}`).not.toContain(secret);
  }

  it('shows the center who reported it (the data these specs look for is really there)', async () => {
    for (const user of ['agent1', 'supervisor']) {
      const detail = (await (await api(`/api/appeals/${appealId}`, user)).json()) as {
        appealType: string;
        summary: string;
        contact: { name: string; identities: { value: string }[] };
        contactHistory: { caseNumber: string }[];
      };
      expect(detail.appealType).toBe('report');
      expect(detail.contact.name).toBe(NAME);
      expect(detail.contact.identities.map((i) => i.value)).toContain(PHONE);
      expect(detail.contactHistory.map((h) => h.caseNumber)).toContain(earlierCase);
      expect(detail.summary).toContain(PHONE);
    }
  });

  it('keeps the department handler to the matter: worklist, event detail and appeal', async () => {
    const list = (await (await api('/api/events', 'dept-urban')).json()) as { items: EventSummary[] };
    expect(list.items.map((e) => e.caseNumber)).toContain(caseNumber);
    expectNoIdentity('the worklist', list);

    const detailRes = await api(`/api/events/${event.id}`, 'dept-urban');
    expect(detailRes.status).toBe(200);
    const detail = (await detailRes.json()) as { reporters: unknown[]; summary: string };
    expect(detail.reporters).toEqual([]);
    expect(detail.summary).toContain('油污');
    expect(detail.summary).toContain('电话***********');
    expectNoIdentity('the event detail', detail);

    // The appeal itself, its attachments and the citizen's conversation are the center's.
    expect((await api(`/api/appeals/${appealId}`, 'dept-urban')).status).toBe(403);
    expect((await api('/api/appeals?status=accepted', 'dept-urban')).status).toBe(403);
  });

  it('pushes the department event:updated without the reporter', async () => {
    const pushed = new Promise<EventSummary>((resolve) => handlerSocket.on('event:updated', (e) => e.id === event.id && e.urgeCount === 1 && resolve(e)));
    expect((await api(`/api/events/${event.id}/steps`, 'supervisor', { method: 'POST', body: { action: 'urge', note: '请尽快处置' } })).status).toBe(200);
    expectNoIdentity('event:updated', await pushed);
  });

  it('tells the handler’s own steps and report photos nothing of the reporter', async () => {
    const form = new FormData();
    form.set('action', 'report');
    form.set('note', '已现场查处，责令整改');
    // A whole PNG: a file is kept only if its bytes are an image from start to end.
    form.append('photos', new File([new Uint8Array(PNG)], 'site.png', { type: 'image/png' }));
    expect((await api(`/api/events/${event.id}/steps`, 'dept-urban', { method: 'POST', body: { action: 'sign' } })).status).toBe(200);
    const reported = await hotline.request(`/api/events/${event.id}/steps`, { method: 'POST', body: form, cookie: cookies['dept-urban'] });
    expect(reported.status, await reported.clone().text()).toBe(200);
    const detail = (await (await api(`/api/events/${event.id}`, 'dept-urban')).json()) as { steps: { photos: { href: string }[] }[] };
    expectNoIdentity('the event after the report', detail);
    const photo = detail.steps.flatMap((s) => s.photos)[0]!;
    const bytes = await api(photo.href, 'dept-urban');
    expect(bytes.status).toBe(200);
    expect(bytes.headers.get('content-type')).toBe('image/png');
    // Another department learns nothing at all, not even that the event exists.
    expect((await api(`/api/events/${event.id}`, 'dept-environment')).status).toBe(404);
    expect((await api(photo.href, 'dept-environment')).status).toBe(404);
  });

  it('shows the department that a 回访 happened, not what the citizen said nor which appeal rated', async () => {
    expect((await api(`/api/events/${event.id}/steps`, 'agent1', { method: 'POST', body: { action: 'verify_pass' } })).status).toBe(200);
    const callback = { action: 'callback', appealId, satisfaction: 2, note: `${NAME}先生电话回访：油污仍在，留电话 ${PHONE}` };
    expect((await api(`/api/events/${event.id}/steps`, 'agent1', { method: 'POST', body: callback })).status).toBe(200);

    type Detail = { steps: { action: string; note: string | null; detail: string | null }[] };
    const center = (await (await api(`/api/events/${event.id}`, 'supervisor')).json()) as Detail;
    expect(center.steps.at(-1)).toMatchObject({ action: 'callback', note: callback.note, detail: appealId });

    const department = (await (await api(`/api/events/${event.id}`, 'dept-urban')).json()) as Detail;
    expect(department.steps.at(-1)).toMatchObject({ action: 'callback', note: null, detail: null });
    expectNoIdentity('the closed event with its 回访', department);
  });

  it('sends the linkage platform the matter only, in every webhook payload', async () => {
    // The queueing job also runs on its own; a step waits for the citizens' notice first, which comes shortly.
    const payloads = await vi.waitFor(
      async () => {
        await queueWebhookSteps(hotline.deps);
        const rows = await hotline.database.db.select({ payload: outbox.payload }).from(outbox).where(eq(outbox.subjectId, event.id));
        expect(rows.length).toBeGreaterThanOrEqual(6);
        return rows;
      },
      { timeout: 10_000, interval: 50 },
    );
    expectNoIdentity('the webhook payloads', payloads);
  });

  it('answers Open311 clients and the public lookup without the reporter', async () => {
    for (const path of [
      `/open311/v2/requests/${caseNumber}.json`,
      `/open311/v2/requests/${caseNumber}.xml`,
      '/open311/v2/requests.json',
      '/open311/v2/requests.xml',
    ]) {
      const res = await hotline.request(path);
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).toContain(caseNumber);
      expectNoIdentity(path, body, { listsEveryCase: !path.includes(caseNumber) });
    }
    const lookup = await hotline.request(`/api/public/appeals/${caseNumber}`);
    expect(lookup.status).toBe(200);
    expectNoIdentity('the public lookup', await lookup.text());
  });
});
