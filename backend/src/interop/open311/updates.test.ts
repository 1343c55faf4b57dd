import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, intakeRowCounts, startTestHotline } from '../../testing/hotline.ts';
import { acceptAsEvent, closeEvent, step } from '../../testing/closed-loop.ts';
import { appeals } from '../../appeals/index.ts';
import { contactIdentities } from '../../identity/contacts/index.ts';
import { attachments, messages } from '../../messaging/index.ts';

/**
 * Open311 both ways, the server side (issue 17, items 1–5): the update feed and citizens' follow-ups,
 * the extended statuses, the spec's errors for any path and method, discovery, and requests the
 * spec allows that we used to refuse. Payloads are the spec's and FixMyStreet's own examples.
 */
const kinds = await testDatabaseKinds();
const API_KEY = 'open311-updates-key-0123456789';
const OTHER_KEY = 'open311-other-client-key-987654';
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const HOUR = 3600_000;
/** A 1×1 PNG: the smallest real photo. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe.each(kinds)('Open311 updates, statuses and what the spec allows, on %s', (kind) => {
  let hotline: TestHotline;
  let base: string;

  beforeAll(async () => {
    hotline = await startTestHotline(kind, { env: { OPEN311_API_KEYS: `${API_KEY},${OTHER_KEY}` } });
    base = `${hotline.url}/open311/v2`;
  });
  afterAll(async () => {
    await hotline?.close();
  });

  const get = (path: string) => fetch(`${base}/${path}`);
  const postForm = (path: string, form: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) body.append(key, v);
    return fetch(`${base}/${path}`, { method: 'POST', headers: FORM, body: body.toString() });
  };
  /** Files a request the way the spec's example does, near our district's centre; returns the case number. */
  async function file(form: Record<string, string | string[]> = {}, key = API_KEY) {
    const res = await postForm('requests.json', { api_key: key, service_code: 'city-appearance', lat: '30.235', long: '120.135', ...form });
    expect(res.status, await res.clone().text()).toBe(201);
    const [created] = (await res.json()) as { service_request_id: string }[];
    await hotline.deps.triage.idle();
    return created!.service_request_id;
  }
  const appealOf = async (caseNumber: string) => (await hotline.database.db.select().from(appeals).where(eq(appeals.caseNumber, caseNumber)))[0]!;
  const messagesOf = (appealId: string) => hotline.database.db.select().from(messages).where(eq(messages.appealId, appealId)).orderBy(asc(messages.createdAt));
  type Update = { update_id: string; service_request_id: string; status: string; extended_status: string; description: string; external_status_code: string };
  const updatesOf = async (caseNumber: string, query = '') =>
    ((await (await get(`servicerequestupdates.json${query}`)).json()) as Update[]).filter((u) => u.service_request_id === caseNumber);

  describe('GET servicerequestupdates (item 1)', () => {
    it('tells every step of a request, oldest first, in JSON and XML, with masked words and stable ids', async () => {
      const caseNumber = await file({ description: '东湖路口垃圾桶满溢三天无人清理，请联系13912345678', email: 'feed@example.org' });
      const event = await acceptAsEvent(hotline, (await appealOf(caseNumber)).id);
      await closeEvent(hotline, event, '已清运，处置人电话13800138000');

      const updates = await updatesOf(caseNumber);
      expect(updates.map((u) => [u.external_status_code, u.status, u.extended_status])).toEqual([
        ['dispatch', 'open', 'action_scheduled'],
        ['sign', 'open', 'in_progress'],
        ['report', 'open', 'in_progress'],
        ['verify_pass', 'closed', 'fixed'],
      ]);
      expect(updates[0]!.description).toBe('已派遣至城市管理局，待签收');
      expect(updates[2]!.description).toBe('城市管理局已反馈处置结果，待中心核查：已清运，处置人电话***********');
      expect(updates[3]!.description).toBe('已办结：已清运，处置人电话***********');
      const body = JSON.stringify(updates);
      for (const secret of ['13912345678', '13800138000', 'feed@example.org', '垃圾桶满溢']) expect(body).not.toContain(secret);
      // The same step is the same update on every read.
      expect((await updatesOf(caseNumber)).map((u) => u.update_id)).toEqual(updates.map((u) => u.update_id));

      const xml = await get('servicerequestupdates.xml');
      expect(xml.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      const text = await xml.text();
      expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<service_requests_updates><request_update><update_id>')).toBe(true);
      expect(text).toContain(
        `<update_id>${updates[3]!.update_id}</update_id><service_request_id>${caseNumber}</service_request_id><status>closed</status><extended_status>fixed</extended_status>`,
      );
    });

    it('tells requests that never became events how they ended, and filters by the window of updated_datetime', async () => {
      const rejected = await file({ description: '咨询公交线路' });
      const reject = await hotline.request(`/api/appeals/${(await appealOf(rejected)).id}/reject`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: '请咨询公交公司' }),
        cookie: await hotline.loginAs('agent1'),
      });
      expect(reject.status).toBe(200);
      expect(await updatesOf(rejected)).toEqual([
        expect.objectContaining({ status: 'closed', extended_status: 'not_accepted', external_status_code: 'reject', description: '不予受理：请咨询公交公司' }),
      ]);
      const hourAgo = new Date(Date.now() - HOUR).toISOString();
      expect(await updatesOf(rejected, `?start_date=${hourAgo}`)).toHaveLength(1);
      expect(await updatesOf(rejected, `?end_date=${hourAgo}`)).toHaveLength(0);
      const bad = await get('servicerequestupdates.json?start_date=soon');
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual([{ code: 400, description: expect.stringMatching(/start_date must be a w3 date or datetime/) }]);
    });
  });

  it('answers 304 to If-Modified-Since while nothing newer happened (pollers read cheaply)', async () => {
    const reject = async (caseNumber: string) =>
      hotline.request(`/api/appeals/${(await appealOf(caseNumber)).id}/reject`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: '不属于受理范围' }),
        cookie: await hotline.loginAs('agent1'),
      });
    expect((await reject(await file({ description: '询问天气' }))).status).toBe(200);
    // Last-Modified names whole seconds, so it is given once the newest update's second is over.
    const lastModified = await vi.waitFor(
      async () => {
        const lm = (await get('servicerequestupdates.json')).headers.get('last-modified');
        expect(lm).toBeTruthy();
        return lm!;
      },
      { timeout: 5_000, interval: 200 },
    );
    const unchanged = await fetch(`${base}/servicerequestupdates.json`, { headers: { 'if-modified-since': lastModified } });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');

    const rejected = await file({ description: '询问停车收费' });
    expect((await reject(rejected)).status).toBe(200);
    const changed = await fetch(`${base}/servicerequestupdates.json`, { headers: { 'if-modified-since': lastModified } });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as Update[]).map((u) => u.service_request_id)).toContain(rejected);
  });

  describe('POST servicerequestupdates (item 1)', () => {
    it('adds the citizen’s follow-up to the appeal’s conversation once per update_id, and only to the client’s own requests', async () => {
      const caseNumber = await file({ description: '人行道井盖缺失', email: 'walker@example.org' });
      const appeal = await appealOf(caseNumber);
      // FixMyStreet's update as it posts it.
      const update = {
        api_key: API_KEY,
        service_request_id: caseNumber,
        update_id: 'fms-update-638344',
        updated_datetime: '2026-12-04T20:15:00+08:00',
        status: 'OPEN'.toLowerCase(),
        description: '井盖旁边又有一个小孩差点掉下去，请尽快处理',
        media_url: 'https://fms.example.org/photo/638344.jpeg',
        email: 'walker@example.org',
        first_name: 'Li',
        last_name: 'Wei',
      };
      const res = await postForm('servicerequestupdates.xml', update);
      expect(res.status).toBe(200);
      const xml = await res.text();
      const updateId = /<update_id>([^<]+)<\/update_id>/.exec(xml)?.[1];
      expect(xml).toBe(
        `<?xml version="1.0" encoding="utf-8"?>\n<service_request_updates><request_update><update_id>${updateId}</update_id></request_update></service_request_updates>`,
      );
      const again = await postForm('servicerequestupdates.json', update);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual([{ update_id: updateId }]);

      const thread = await messagesOf(appeal.id);
      expect(thread.map((m) => m.text)).toEqual(['【市容环境】人行道井盖缺失', update.description]);
      const [photo] = await hotline.database.db.select().from(attachments).where(eq(attachments.messageId, thread[1]!.id));
      expect(photo).toMatchObject({ url: update.media_url, contentType: 'image/jpeg' });
      expect((await appealOf(caseNumber)).messageCount).toBe(2);

      const before = await intakeRowCounts(hotline);
      const otherClient = await postForm('servicerequestupdates.json', { ...update, api_key: OTHER_KEY, update_id: 'other-1' });
      expect(otherClient.status).toBe(404);
      expect(await otherClient.json()).toEqual([{ code: 404, description: `service_request_id ${caseNumber} was not found` }]);
      const noKey = await postForm('servicerequestupdates.json', { ...update, api_key: '', update_id: 'nokey-1' });
      expect(noKey.status).toBe(403);
      const noText = await postForm('servicerequestupdates.json', { ...update, description: '', update_id: 'empty-1' });
      expect(noText.status).toBe(400);
      expect(await noText.json()).toEqual([{ code: 400, description: expect.stringMatching(/description was not provided/) }]);
      expect(await intakeRowCounts(hotline)).toEqual(before);
    });
  });

  describe('extended statuses (item 2)', () => {
    it('names a merged request a duplicate, and the case it was merged into', async () => {
      const first = await file({ description: '青禾路88号路灯不亮', email: 'lamp1@example.org' });
      // Worded and placed apart, so NLP leaves the merge to the agent.
      const second = await file({ description: '东湖公园北门长椅断裂', email: 'lamp2@example.org', lat: '30.255', long: '120.155' });
      const [a, b] = [await appealOf(first), await appealOf(second)];
      const merged = await hotline.request(`/api/appeals/${b.id}/merge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ intoId: a.id }),
        cookie: await hotline.loginAs('agent1'),
      });
      expect(merged.status, await merged.clone().text()).toBe(200);
      const [request] = await (await get(`requests/${second}.json`)).json();
      expect(request).toMatchObject({ status: 'closed', extended_status: 'duplicate', merged_into: first, status_notes: `已并入案件 ${first} 一并办理` });
    });

    it('tells a cancelled event apart from a fixed one', async () => {
      const caseNumber = await file({ description: '广场噪音扰民', email: 'noise@example.org' });
      const event = await acceptAsEvent(hotline, (await appealOf(caseNumber)).id);
      await step(hotline, 'supervisor', event.id, { action: 'cancel', note: '重复派遣' });
      const [request] = await (await get(`requests/${caseNumber}.json`)).json();
      expect(request).toMatchObject({ status: 'closed', extended_status: 'no_further_action', status_notes: '已撤销：重复派遣' });
    });
  });

  describe('any path and method, and discovery (item 3)', () => {
    it('answers unknown resources 404 and unsupported methods 405 in the spec’s format', async () => {
      const missing = await get('tickets.json');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await missing.json()).toEqual([{ code: 404, description: expect.stringContaining('/open311/v2/tickets.json is not a resource') }]);
      const missingXml = await get('tickets.xml');
      expect(missingXml.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      expect(await missingXml.text()).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<errors><error><code>404<\/code><description>/);

      const deleted = await fetch(`${base}/requests.xml`, { method: 'DELETE' });
      expect(deleted.status).toBe(405);
      expect(deleted.headers.get('allow')).toBe('GET, POST');
      expect(await deleted.text()).toContain('<code>405</code>');
      const put = await fetch(`${base}/services/city-appearance.json`, { method: 'PUT' });
      expect(put.status).toBe(405);
      expect(put.headers.get('allow')).toBe('GET');
    });

    it('describes itself at discovery.json and discovery.xml', async () => {
      for (const path of [`${hotline.url}/open311/discovery.json`, `${base}/discovery.json`]) {
        const doc = await (await fetch(path)).json();
        expect(doc).toMatchObject({
          changeset: expect.any(String),
          endpoints: [
            {
              specification: 'http://wiki.open311.org/GeoReport_v2',
              url: expect.stringMatching(/\/open311\/v2$/),
              type: 'production',
              formats: ['text/xml', 'application/json'],
            },
          ],
        });
      }
      const xml = await (await get('discovery.xml')).text();
      expect(xml).toMatch(/<discovery><changeset>[^<]+<\/changeset>/);
      expect(xml).toContain('<formats><format>text/xml</format><format>application/json</format></formats>');
    });
  });

  describe('what the spec allows (item 4)', () => {
    it('keeps a 12,000-character description whole', async () => {
      const long = `路面塌陷情况说明：${'东湖路段路面多处开裂下沉。'.repeat(1000)}`.slice(0, 12_000);
      const caseNumber = await file({ description: long });
      expect((await appealOf(caseNumber)).summary).toBe(`【市容环境】${long}`);
      const [request] = await (await get(`requests/${caseNumber}.json`)).json();
      expect(request.description).toBe(long);
    });

    it('takes a phone in any written form: normalised when it reads as a number, else kept as written', async () => {
      const london = await file({ phone: '+44 (0)20 7946 0000', description: '路灯不亮' });
      const ids = await hotline.database.db
        .select({ kind: contactIdentities.kind, value: contactIdentities.value })
        .from(contactIdentities)
        .where(eq(contactIdentities.contactId, (await appealOf(london)).contactId));
      expect(ids).toContainEqual({ kind: 'phone', value: '+442079460000' });
      const words = await file({ phone: 'ext. 12 at the front desk', description: '井盖松动' });
      expect((await appealOf(words)).summary).toBe('【市容环境】井盖松动\n（电话：ext. 12 at the front desk）');
    });

    it('keeps several photos: media_url repeated, and files attached to a multipart post', async () => {
      const byUrl = await file({ description: '两处垃圾堆放', media_url: ['https://cdn.example.org/a.jpg', 'https://cdn.example.org/b.png'] });
      const urls = await hotline.database.db
        .select({ url: attachments.url })
        .from(attachments)
        .innerJoin(messages, eq(messages.id, attachments.messageId))
        .where(eq(messages.appealId, (await appealOf(byUrl)).id));
      expect(urls.map((u) => u.url).sort()).toEqual(['https://cdn.example.org/a.jpg', 'https://cdn.example.org/b.png']);

      const form = new FormData();
      for (const [key, value] of Object.entries({ api_key: API_KEY, service_code: 'city-appearance', address_string: '青禾路12号', description: '附照片' }))
        form.append(key, value);
      form.append('media', new Blob([PNG], { type: 'image/png' }), 'hole.png');
      form.append('media', new Blob([PNG], { type: 'image/png' }), 'hole-2.png');
      const res = await fetch(`${base}/requests.json`, { method: 'POST', body: form });
      expect(res.status, await res.clone().text()).toBe(201);
      const [{ service_request_id }] = await res.json();
      const stored = await hotline.database.db
        .select({ contentType: attachments.contentType, byteSize: attachments.byteSize })
        .from(attachments)
        .innerJoin(messages, eq(messages.id, attachments.messageId))
        .where(and(eq(messages.appealId, (await appealOf(service_request_id)).id)));
      expect(stored).toEqual([
        { contentType: 'image/png', byteSize: PNG.length },
        { contentType: 'image/png', byteSize: PNG.length },
      ]);

      const before = await intakeRowCounts(hotline);
      const notImage = new FormData();
      for (const [key, value] of Object.entries({ api_key: API_KEY, service_code: 'city-appearance', address_string: '青禾路12号' }))
        notImage.append(key, value);
      notImage.append('media', new Blob(['not a photo'], { type: 'image/png' }), 'x.png');
      const refused = await fetch(`${base}/requests.json`, { method: 'POST', body: notImage });
      expect(refused.status).toBe(400);
      expect(await intakeRowCounts(hotline)).toEqual(before);
    });

    it('reads date-only start_date and end_date as whole days in the hotline’s zone', async () => {
      const caseNumber = await file({ description: '日期筛选' });
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      const ids = async (query: string) =>
        ((await (await get(`requests.json?${query}`)).json()) as { service_request_id: string }[]).map((r) => r.service_request_id);
      expect(await ids(`start_date=${today}&end_date=${today}`)).toContain(caseNumber);
      expect(await ids(`start_date=${today.slice(0, 7)}`)).toContain(caseNumber);
      expect(await ids('start_date=2025-01-01&end_date=2025-01-31')).not.toContain(caseNumber);
    });
  });
});
