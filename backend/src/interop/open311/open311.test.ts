import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, intakeRowCounts, startTestHotline } from '../../testing/hotline.ts';
import { loadConfig } from '../../platform/config/index.ts';
import { appeals } from '../../appeals/index.ts';
import { contactIdentities } from '../../identity/contacts/index.ts';
import { attachments, messages } from '../../messaging/index.ts';
import { Open311Error } from './errors.ts';
import { clientOfApiKey } from './file-request.ts';

const kinds = await testDatabaseKinds();
const API_KEY = 'open311-test-key-0123456789';
const OTHER_KEY = 'another-client-key-abcdef';
const INSIDE = { lat: '30.235', long: '120.135' };
const HOUR = 3600_000;

/**
 * The spec's own example request (https://wiki.open311.org/GeoReport_v2/#post-service-request),
 * byte for byte but for our service code, our key and a point inside our territory.
 */
const SPEC_EXAMPLE =
  `api_key=${API_KEY}&jurisdiction_id=city.gov&service_code=city-appearance&lat=${INSIDE.lat}&long=${INSIDE.long}&address_string=1234+5th+street` +
  '&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john&last_name=smith&phone=111111111' +
  '&description=A+large+sinkhole+is+destroying+the+street&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg' +
  '&attribute[WHISPAWN]=123456&attribute[WHISDORN]=COISL001';

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

describe('who may post service requests', () => {
  it('reads the keys from OPEN311_API_KEYS, comma-separated; unset means nobody', () => {
    expect(loadConfig({}).open311.apiKeys).toEqual([]);
    expect(loadConfig({ OPEN311_API_KEYS: ` ${API_KEY} ,${OTHER_KEY}` }).open311.apiKeys).toEqual([API_KEY, OTHER_KEY]);
    expect(() => loadConfig({ OPEN311_API_KEYS: 'short,keys' })).toThrow(/OPEN311_API_KEYS: must be comma-separated keys of 16 or more/);
  });

  it('refuses every key when none is configured, and names the client by a short hash of its key', () => {
    expect(() => clientOfApiKey([], API_KEY)).toThrow(Open311Error);
    expect(() => clientOfApiKey([], API_KEY)).toThrow(/not enabled/);
    expect(() => clientOfApiKey([API_KEY], undefined)).toThrow(/api_key was not provided/);
    expect(() => clientOfApiKey([API_KEY], 'wrong-key-0000000000')).toThrow(/Invalid api_key/);
    const client = clientOfApiKey([OTHER_KEY, API_KEY], API_KEY);
    expect(client).toMatch(/^[0-9a-f]{12}$/);
    expect(client).not.toBe(clientOfApiKey([OTHER_KEY, API_KEY], OTHER_KEY));
  });
});

describe.each(kinds)('Open311 GeoReport v2 on %s', (kind) => {
  let hotline: TestHotline;
  let agent: string;
  let base: string;

  beforeAll(async () => {
    hotline = await startTestHotline(kind, { env: { OPEN311_API_KEYS: `${OTHER_KEY}, ${API_KEY}` } });
    agent = await hotline.loginAs('agent1');
    base = `${hotline.url}/open311/v2`;
  });
  afterAll(async () => {
    await hotline?.close();
  });

  /** A plain client over HTTP, as any Open311 app would call us. */
  const get = (path: string) => fetch(`${base}/${path}`);
  const postForm = (path: string, body: string) => fetch(`${base}/${path}`, { method: 'POST', headers: FORM, body });
  const staff = (path: string, init: RequestInit = {}) =>
    hotline.request(path, { ...init, cookie: agent, headers: { 'content-type': 'application/json', ...init.headers } });
  async function fileExample(overrides: Record<string, string> = {}) {
    const form = new URLSearchParams(SPEC_EXAMPLE);
    for (const [key, value] of Object.entries(overrides)) form.set(key, value);
    const res = await postForm('requests.json', form.toString());
    expect(res.status).toBe(201);
    const [created] = (await res.json()) as { service_request_id: string }[];
    await hotline.deps.triage.idle();
    return created!.service_request_id;
  }
  const appealOf = async (caseNumber: string) => (await hotline.database.db.select().from(appeals).where(eq(appeals.caseNumber, caseNumber)))[0]!;

  it('is described in the OpenAPI document, both formats of each resource', async () => {
    const doc = await (await hotline.request('/api/openapi.json')).json();
    for (const path of ['services', 'requests']) {
      for (const format of ['json', 'xml']) expect(doc.paths).toHaveProperty([`/open311/v2/${path}.${format}`]);
      expect(doc.paths).toHaveProperty([`/open311/v2/${path}/{file}`]);
    }
    expect(Object.keys(doc.paths['/open311/v2/requests.json'])).toEqual(expect.arrayContaining(['get', 'post']));
  });

  describe('services', () => {
    it('lists our matter categories as services, in JSON and in XML', async () => {
      const res = await get('services.json');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const services = await res.json();
      expect(services.length).toBeGreaterThan(5);
      expect(services).toContainEqual({
        service_code: 'city-appearance',
        service_name: '市容环境',
        description: '市容环境（事件类，综合执法）· City appearance and environment',
        metadata: false,
        type: 'realtime',
        keywords: 'City appearance and environment, enforcement, 综合执法',
        group: '综合执法',
      });

      const xml = await get('services.xml');
      expect(xml.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      const text = await xml.text();
      expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>')).toBe(true);
      expect(text).toContain(
        '<service><service_code>city-appearance</service_code><service_name>市容环境</service_name><description>市容环境（事件类，综合执法）· City appearance and environment</description>' +
          '<metadata>false</metadata><type>realtime</type><keywords>City appearance and environment, enforcement, 综合执法</keywords><group>综合执法</group></service>',
      );
      expect(text.match(/<service>/g)).toHaveLength(services.length);
      expect(text.endsWith('</services>')).toBe(true);
    });

    it('defines a service as taking no extra attributes; an unknown one is a 404 in the spec’s error format', async () => {
      expect(await (await get('services/city-appearance.json')).json()).toEqual({ service_code: 'city-appearance', attributes: [] });
      expect(await (await get('services/city-appearance.xml')).text()).toBe(
        '<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>city-appearance</service_code><attributes></attributes></service_definition>',
      );

      const missing = await get('services/potholes.json');
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual([{ code: 404, description: 'service_code potholes was not found' }]);
      const missingXml = await get('services/potholes.xml');
      expect(missingXml.status).toBe(404);
      expect(await missingXml.text()).toBe(
        '<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>404</code><description>service_code potholes was not found</description></error></errors>',
      );
      expect((await get('services/city-appearance.csv')).status).toBe(400);
    });
  });

  describe('filing a request', () => {
    it('refuses bad input with the spec’s errors (403 for the key, 404 for the service, 400 otherwise) and writes nothing', async () => {
      const before = await intakeRowCounts(hotline);
      const without = (key: string) => {
        const form = new URLSearchParams(SPEC_EXAMPLE);
        form.delete(key);
        return form.toString();
      };
      const cases: [string, string, string, number, RegExp][] = [
        ['no api_key', 'requests.json', without('api_key'), 403, /api_key was not provided/],
        ['a wrong api_key', 'requests.json', SPEC_EXAMPLE.replace(API_KEY, 'not-a-configured-key-000'), 403, /Invalid api_key/],
        ['no service_code', 'requests.json', without('service_code'), 400, /service_code was not provided/],
        [
          'an unknown service_code',
          'requests.json',
          SPEC_EXAMPLE.replace('service_code=city-appearance', 'service_code=001'),
          404,
          /service_code 001 was not found/,
        ],
        [
          'no location',
          'requests.json',
          without('lat')
            .replace(/&long=[^&]*/, '')
            .replace(/&address_string=[^&]*/, ''),
          400,
          /a location was not provided/,
        ],
        ['half a point', 'requests.json', without('long').replace(/&address_string=[^&]*/, ''), 400, /lat and long go together/],
        [
          'a point outside the territory',
          'requests.json',
          SPEC_EXAMPLE.replace(`lat=${INSIDE.lat}&long=${INSIDE.long}`, 'lat=37.76524078&long=-122.4212043'),
          400,
          /outside the area/,
        ],
        ['a malformed email', 'requests.json', SPEC_EXAMPLE.replace('smit333%40sfgov.edu', 'not-an-email'), 400, /email/],
        // The spec sets no limit; ours keeps 20,000 characters whole.
        ['a description over 20,000 characters', 'requests.json', `${without('description')}&description=${'x'.repeat(20_001)}`, 400, /description/],
      ];
      for (const [, path, body, status, description] of cases) {
        const res = await postForm(path, body);
        expect(res.status).toBe(status);
        const [error] = await res.json();
        expect(error.code).toBe(status);
        expect(error.description).toMatch(description);
      }
      const xml = await postForm('requests.xml', without('api_key'));
      expect(xml.status).toBe(403);
      expect(await xml.text()).toBe(
        '<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>403</code><description>api_key was not provided</description></error></errors>',
      );
      const plain = await fetch(`${base}/requests.json`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: SPEC_EXAMPLE });
      expect(plain.status).toBe(400);
      const malformed = await fetch(`${base}/requests.json?api_key=${API_KEY}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"service_code":',
      });
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toEqual([{ code: 400, description: expect.any(String) }]);
      expect(await intakeRowCounts(hotline)).toEqual(before);
    });

    it('turns the spec’s example into an appeal waiting in the pre-acceptance queue, tracked by its case number until the agent rejects it', async () => {
      const res = await postForm('requests.json', SPEC_EXAMPLE);
      expect(res.status).toBe(201);
      const body = await res.json();
      expect(body).toEqual([
        { service_request_id: expect.stringMatching(/^\d{14,}$/), service_notice: expect.stringContaining('预受理'), account_id: '123456' },
      ]);
      const caseNumber: string = body[0].service_request_id;
      await hotline.deps.triage.idle();

      // The agent's queue: a pending web appeal, the service named at the head of the text.
      const queue = await (await staff('/api/appeals?status=pending&pageSize=100')).json();
      const queued = queue.items.find((a: { caseNumber: string }) => a.caseNumber === caseNumber);
      expect(queued).toMatchObject({
        status: 'pending',
        channel: 'web',
        summary: '【市容环境】A large sinkhole is destroying the street',
        address: '1234 5th street',
        latitude: 30.235,
        longitude: 120.135,
        gridCode: expect.any(String),
      });

      // Known by a namespaced web identity (never a browser session) plus the phone given; the photo kept by URL.
      const appeal = await appealOf(caseNumber);
      const identities = await hotline.database.db.select().from(contactIdentities).where(eq(contactIdentities.contactId, appeal.contactId));
      expect(identities.map((i) => [i.kind, i.value]).sort()).toEqual([
        ['phone', '111111111'],
        ['web_session', `open311:${clientOfApiKey([API_KEY], API_KEY)}:email:smit333@sfgov.edu`],
      ]);
      const [photo] = await hotline.database.db
        .select({ url: attachments.url, contentType: attachments.contentType })
        .from(attachments)
        .innerJoin(messages, eq(messages.id, attachments.messageId))
        .where(eq(messages.appealId, appeal.id));
      expect(photo).toEqual({ url: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg', contentType: 'image/jpeg' });

      const open = await get(`requests/${caseNumber}.json`);
      expect(open.status).toBe(200);
      const openText = await open.text();
      expect(JSON.parse(openText)).toEqual([
        {
          service_request_id: caseNumber,
          status: 'open',
          extended_status: 'open',
          merged_into: null,
          status_notes: '待受理',
          description: 'A large sinkhole is destroying the street',
          service_name: '市容环境',
          service_code: 'city-appearance',
          agency_responsible: null,
          service_notice: expect.stringContaining('预受理'),
          requested_datetime: appeal.createdAt.toISOString(),
          updated_datetime: expect.any(String),
          expected_datetime: null,
          address: '1234 5th street',
          lat: 30.235,
          long: 120.135,
          media_url: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg',
        },
      ]);
      // No personal data: not the reporter's name, email, phone or device (their words are the description).
      for (const secret of ['smith', 'john', 'sfgov', '111111111', 'tt222111']) expect(openText).not.toContain(secret);

      const rejected = await staff(`/api/appeals/${appeal.id}/reject`, { method: 'POST', body: JSON.stringify({ reason: '不属于本热线受理范围' }) });
      expect(rejected.status).toBe(200);
      const [closed] = await (await get(`requests/${caseNumber}.json`)).json();
      expect(closed).toMatchObject({ status: 'closed', extended_status: 'not_accepted', status_notes: '不予受理：不属于本热线受理范围', service_notice: null });
      expect(Date.parse(closed.updated_datetime)).toBeGreaterThanOrEqual(Date.parse(closed.requested_datetime));

      const xml = await (await get(`requests/${caseNumber}.xml`)).text();
      expect(xml).toContain(
        `<service_requests><request><service_request_id>${caseNumber}</service_request_id><status>closed</status><extended_status>not_accepted</extended_status><merged_into/><status_notes>不予受理：不属于本热线受理范围</status_notes>`,
      );
      expect(xml).toContain('<agency_responsible/>');
    });

    it('answers in XML when posted to requests.xml, with only an address for the place', async () => {
      const res = await postForm(
        'requests.xml',
        `api_key=${API_KEY}&service_code=street-order&address_string=${encodeURIComponent('青禾路与东湖路口')}&description=${encodeURIComponent('路口有人占道摆摊')}`,
      );
      expect(res.status).toBe(201);
      expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      const xml = await res.text();
      const caseNumber = xml.match(/<service_request_id>(\d+)<\/service_request_id>/)![1]!;
      expect(xml).toMatch(
        /^<\?xml version="1.0" encoding="utf-8"\?>\n<service_requests><request><service_request_id>\d+<\/service_request_id><service_notice>[^<]+<\/service_notice><account_id\/><\/request><\/service_requests>$/,
      );
      await hotline.deps.triage.idle();
      expect(await appealOf(caseNumber)).toMatchObject({
        status: 'pending',
        channel: 'web',
        summary: '【街面秩序】路口有人占道摆摊',
        address: '青禾路与东湖路口',
      });
    });

    it('takes JSON as well, and files a request without a description under the service’s name', async () => {
      const res = await fetch(`${base}/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ api_key: API_KEY, service_code: 'advertising', lat: 30.255, long: 120.155, device_id: 'device-42' }),
      });
      expect(res.status).toBe(201);
      const [{ service_request_id: caseNumber, account_id }] = await res.json();
      expect(account_id).toBeNull();
      await hotline.deps.triage.idle();
      expect(await appealOf(caseNumber)).toMatchObject({ summary: '【宣传广告】', latitude: 30.255 });
    });

    it('shows who handles an accepted request and by when', async () => {
      const caseNumber = await fileExample({ description: '东湖路口的垃圾桶满溢三天无人清理', email: 'other@example.org', lat: '30.2352', long: '120.1352' });
      const appeal = await appealOf(caseNumber);
      const timeLimitAt = new Date(Date.now() + 48 * HOUR).toISOString();
      const accepted = await staff(`/api/appeals/${appeal.id}/accept`, {
        method: 'POST',
        body: JSON.stringify({ categoryCode: 'city-appearance', urgency: 'normal', leadDepartmentCode: 'urban', timeLimitAt }),
      });
      expect(accepted.status).toBe(200);
      const [request] = await (await get(`requests/${caseNumber}.json`)).json();
      expect(request).toMatchObject({
        status: 'open',
        extended_status: 'action_scheduled',
        status_notes: '已派遣至城市管理局，待签收',
        agency_responsible: '城市管理局',
        service_code: 'city-appearance',
        service_notice: null,
      });
      expect(Date.parse(request.expected_datetime)).toBe(Date.parse(timeLimitAt));
    });
  });

  describe('querying requests', () => {
    it('filters by id, service, status and dates, within the spec’s 90-day window', async () => {
      const pending = await fileExample({
        description: '西山公园门口小广告贴满电线杆',
        email: 'filter@example.org',
        service_code: 'advertising',
        lat: '30.2345',
        long: '120.1345',
      });
      const rejected = await fileExample({
        description: '咨询公交线路调整情况',
        email: 'filter2@example.org',
        service_code: 'street-order',
        lat: '30.2348',
        long: '120.1348',
      });
      const appeal = await appealOf(rejected);
      await staff(`/api/appeals/${appeal.id}/reject`, { method: 'POST', body: JSON.stringify({ reason: '请咨询公交公司' }) });

      const ids = async (query: string) =>
        ((await (await get(`requests.json?${query}`)).json()) as { service_request_id: string }[]).map((r) => r.service_request_id);
      expect((await ids(`service_request_id=${pending},${rejected}`)).sort()).toEqual([pending, rejected].sort());
      // The ids override every other filter.
      expect(await ids(`service_request_id=${pending}&status=closed&service_code=emergency`)).toEqual([pending]);
      const open = await ids('status=open');
      expect(open).toContain(pending);
      expect(open).not.toContain(rejected);
      const closed = await ids('status=closed');
      expect(closed).toContain(rejected);
      expect(closed).not.toContain(pending);
      expect((await ids('status=open,closed')).length).toBe((await ids('')).length);
      const advertising = await ids('service_code=advertising');
      expect(advertising).toContain(pending);
      expect(advertising).not.toContain(rejected);
      expect(
        await ids(`start_date=${new Date(Date.now() - 200 * 24 * HOUR).toISOString()}&end_date=${new Date(Date.now() - 120 * 24 * HOUR).toISOString()}`),
      ).toEqual([]);
      expect(await ids(`start_date=${new Date(Date.now() - HOUR).toISOString()}`)).toContain(pending);
      expect(await ids(`end_date=${new Date(Date.now() - HOUR).toISOString()}`)).not.toContain(pending);
      // Empty arguments are the same as absent ones.
      expect((await ids('status=&service_code=&jurisdiction_id=')).length).toBe((await ids('')).length);

      const xml = await (await get(`requests.xml?service_request_id=${pending}`)).text();
      expect(xml).toMatch(
        new RegExp(
          `^<\\?xml version="1.0" encoding="utf-8"\\?>\\n<service_requests><request><service_request_id>${pending}</service_request_id><status>open</status>`,
        ),
      );
    });

    it('refuses bad filters with a 400 and an unknown case with a 404, in the spec’s format', async () => {
      const errorOf = async (path: string, status: number) => {
        const res = await get(path);
        expect(res.status).toBe(status);
        return ((await res.json()) as { code: number; description: string }[])[0]!.description;
      };
      expect(await errorOf('requests.json?status=pending', 400)).toMatch(/status is open or closed/);
      expect(await errorOf('requests.json?start_date=yesterday', 400)).toMatch(/start_date must be a w3 date or datetime/);
      expect(await errorOf('requests.json?start_date=2026-13-01', 400)).toMatch(/start_date must be a w3 date or datetime/);
      expect(await errorOf('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', 400)).toMatch(/more than 90 days/);
      expect(await errorOf('requests.json?start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z', 400)).toMatch(/start_date is after end_date/);
      expect(await errorOf('requests/20990101000001.json', 404)).toBe('service_request_id 20990101000001 was not found');
      const xml = await get('requests/20990101000001.xml');
      expect(xml.status).toBe(404);
      expect(await xml.text()).toContain('<errors><error><code>404</code>');
    });
  });
});
