import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, intakeRowCounts, sessionCookie, startTestHotline, submitWebAppeal } from '../../testing/hotline.ts';

const kinds = await testDatabaseKinds();

/** A 1×1 PNG: a real image for upload tests. */
const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
const INSIDE = { latitude: 30.235, longitude: 120.135 };

function multipart(fields: Record<string, string>, files: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> }[] = []) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const f of files) form.append('photos', new File([f.bytes], f.name, { type: f.type }));
  return form;
}

describe.each(kinds)('citizen web intake on %s', (kind) => {
  let hotline: TestHotline;
  beforeAll(async () => {
    hotline = await startTestHotline(kind);
  });
  afterAll(() => hotline?.close());

  const post = (body: BodyInit, headers: Record<string, string> = {}) => hotline.request('/api/public/appeals', { method: 'POST', body, headers });

  it('files an appeal from the JSON form and answers with a case number', async () => {
    const { res, body, cookie } = await submitWebAppeal(hotline, {
      text: '青禾路和松林路口红绿灯坏了',
      name: '王先生',
      phone: '138 0013 8000',
      address: '青禾路与松林路交叉口',
      ...INSIDE,
    });
    expect(res.status).toBe(201);
    expect(body.caseNumber).toMatch(/^\d{14}$/);
    expect(cookie).toMatch(/^hotline_citizen=/);
    const agent = await hotline.loginAs('agent1');
    const page = await (await hotline.request('/api/appeals?status=pending&pageSize=100', { cookie: agent })).json();
    const filed = page.items.find((a: { caseNumber: string }) => a.caseNumber === body.caseNumber);
    expect(filed).toMatchObject({ channel: 'web', address: '青禾路与松林路交叉口', gridCode: 'QH-02-02-04', gridName: '翠峰社区第4网格' });
    const detail = await (await hotline.request(`/api/appeals/${filed.id}`, { cookie: agent })).json();
    expect(detail.contact.name).toBe('王先生');
    expect(detail.contact.identities).toContainEqual({ kind: 'phone', value: '13800138000' });
    expect(detail.gridPath.map((u: { name: string }) => u.name)).toEqual(['青禾区', '西山街道', '翠峰社区', '翠峰社区第4网格']);
  });

  it('answers a repeated submission id with the same case number and files nothing new', async () => {
    const form = { text: '重复提交测试', clientSubmissionId: `submission-${kind}-1` };
    const first = await submitWebAppeal(hotline, form);
    const before = await intakeRowCounts(hotline);
    const again = await submitWebAppeal(hotline, form, first.cookie);
    expect(again.res.status).toBe(200);
    expect(again.body.caseNumber).toBe(first.body.caseNumber);
    expect(await intakeRowCounts(hotline)).toEqual(before);
  });

  it('keeps photos sent as multipart, for staff eyes only', async () => {
    const res = await post(
      multipart({ text: '路面塌陷，见照片', latitude: String(INSIDE.latitude), longitude: String(INSIDE.longitude) }, [
        { name: 'hole.png', type: 'image/png', bytes: PNG },
      ]),
    );
    expect(res.status).toBe(201);
    const { caseNumber } = await res.json();
    const agent = await hotline.loginAs('agent2');
    const page = await (await hotline.request('/api/appeals?pageSize=100', { cookie: agent })).json();
    const appeal = page.items.find((a: { caseNumber: string }) => a.caseNumber === caseNumber);
    expect(appeal.gridCode).not.toBeNull();
    const detail = await (await hotline.request(`/api/appeals/${appeal.id}`, { cookie: agent })).json();
    const [photo] = detail.messages[0].attachments;
    expect(photo).toMatchObject({ contentType: 'image/png', fileName: 'hole.png', byteSize: PNG.length });
    const image = await hotline.request(photo.href, { cookie: agent });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await hotline.request(photo.href)).status).toBe(401);
  });

  describe('refuses bad input with a clear 4xx and writes nothing', () => {
    const cases: [string, () => Promise<Response>, number, string][] = [
      ['empty text', () => post(JSON.stringify({ text: '   ' }), { 'content-type': 'application/json' }), 400, 'invalid_request'],
      ['text over 4,000 characters', () => post(JSON.stringify({ text: '坑'.repeat(4001) }), { 'content-type': 'application/json' }), 400, 'invalid_request'],
      [
        'a latitude out of range',
        () => post(JSON.stringify({ text: '坑', latitude: 91, longitude: 120.1 }), { 'content-type': 'application/json' }),
        400,
        'invalid_request',
      ],
      ['a coordinate that is not a number', () => post(multipart({ text: '坑', latitude: 'north', longitude: '120.1' })), 400, 'invalid_request'],
      ['half a point', () => post(JSON.stringify({ text: '坑', latitude: 30.23 }), { 'content-type': 'application/json' }), 400, 'invalid_request'],
      [
        'a point outside the territory',
        () => post(JSON.stringify({ text: '坑', latitude: 39.9, longitude: 116.4 }), { 'content-type': 'application/json' }),
        400,
        'invalid_request',
      ],
      [
        'a photo that is not an image',
        () => post(multipart({ text: '坑' }, [{ name: 'notes.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4') }])),
        415,
        'unsupported_media_type',
      ],
      [
        'a photo over 10 MB',
        () => post(multipart({ text: '坑' }, [{ name: 'big.jpg', type: 'image/jpeg', bytes: new Uint8Array(10 * 1024 * 1024 + 1) }])),
        413,
        'payload_too_large',
      ],
      [
        'more than four photos',
        () =>
          post(
            multipart(
              { text: '坑' },
              Array.from({ length: 5 }, (_, i) => ({ name: `${i}.png`, type: 'image/png', bytes: PNG })),
            ),
          ),
        400,
        'invalid_request',
      ],
      ['malformed JSON', () => post('{"text": "坑"', { 'content-type': 'application/json' }), 400, 'invalid_request'],
      ['a body that is not JSON or a form', () => post('text=坑', { 'content-type': 'text/plain' }), 415, 'unsupported_media_type'],
      [
        'a JSON body over 1 MB on the chat',
        () =>
          hotline.request('/api/public/chat/messages', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ text: 'x'.repeat(1_100_000) }),
          }),
        413,
        'payload_too_large',
      ],
      [
        'an empty chat line',
        () =>
          hotline.request('/api/public/chat/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '' }) }),
        400,
        'invalid_request',
      ],
    ];

    it.each(cases)('%s', async (_name, send, status, code) => {
      const before = await intakeRowCounts(hotline);
      const res = await send();
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(body.error).toMatchObject({ code });
      expect(body.error.message).toEqual(expect.any(String));
      expect(await intakeRowCounts(hotline)).toEqual(before);
    });
  });

  it('lets the citizen look up progress by case number without any personal data', async () => {
    const { body } = await submitWebAppeal(hotline, { text: '我叫李四，电话13900001111，家门口有人乱倒垃圾', name: '李四', phone: '13900001111', ...INSIDE });
    const res = await hotline.request(`/api/public/appeals/${body.caseNumber}`);
    expect(res.status).toBe(200);
    const lookup = await res.json();
    expect(lookup).toMatchObject({ caseNumber: body.caseNumber, status: 'pending', channel: 'web', rejectReason: null });
    expect(lookup.progress).toEqual([{ step: 'received', at: lookup.submittedAt, note: null }]);
    const raw = JSON.stringify(lookup);
    for (const secret of ['李四', '13900001111', '乱倒垃圾', 'contact', 'latitude']) expect(raw).not.toContain(secret);
  });

  it('answers an unknown case number with 404 and a malformed one with 400', async () => {
    const unknown = await hotline.request('/api/public/appeals/19990101000001');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found');
    const malformed = await hotline.request('/api/public/appeals/not-a-case');
    expect(malformed.status).toBe(400);
  });

  it("keeps the visitor's chat to their own session", async () => {
    const mine = await submitWebAppeal(hotline, { text: '我的诉求' });
    const chat = await hotline.request('/api/public/chat/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '补充一下情况' }),
      cookie: mine.cookie,
    });
    expect(chat.status).toBe(201);
    expect((await chat.json()).line).toMatchObject({ direction: 'in', caseNumber: mine.body.caseNumber });
    const own = await (await hotline.request('/api/public/chat', { cookie: mine.cookie })).json();
    expect(own.lines.map((l: { text: string }) => l.text)).toEqual(['我的诉求', '补充一下情况']);
    const stranger = await hotline.request('/api/public/chat');
    expect((await stranger.json()).lines).toEqual([]);
    const other = await submitWebAppeal(hotline, { text: '别人的诉求' });
    const theirs = await (await hotline.request('/api/public/chat', { cookie: other.cookie })).json();
    expect(theirs.lines.map((l: { text: string }) => l.text)).toEqual(['别人的诉求']);
    expect(sessionCookie(chat)).toBe('');
  });
});
