import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { signTwilioRequest } from '@hotline/channels/twilio';
import { encryptMessage, wechatSignature } from '@hotline/channels/wechat';
import { testDatabaseKinds } from '../testing/databases.ts';
import { type TestHotline, intakeRowCounts } from '../testing/hotline.ts';
import { startProviderHotline } from '../testing/provider-hotline.ts';
import { TWILIO, twilioSid } from '../testing/twilio.ts';
import { WECHAT } from '../testing/wechat.ts';

/**
 * Property-based fuzzing of every public parser over HTTP: whatever arrives — unsigned garbage,
 * correctly signed garbage, mangled forms — the hotline never answers 5xx, and a refused request
 * (4xx) writes nothing. The channels workspace fuzzes the pure parsers; this is the whole path.
 */
const kinds = await testDatabaseKinds();
const RUNS = { numRuns: 100 };
const OPEN311_KEY = 'fuzz-open311-key-0123456789';

/** Well-formed Unicode (so a signature over it survives form encoding), with the characters parsers trip over mixed in. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'STOP', ']]>', '<xml>', '&amp;', 'NaN', '-1', '1e309', '99999999999999999999'),
);

/** Usually a well-formed value, sometimes anything: both the accepting and the refusing paths get exercised. */
function mostly<T, U = string>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<U> = anyText as fc.Arbitrary<unknown> as fc.Arbitrary<U>): fc.Arbitrary<T | U> {
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: other });
}

/** A well-formed parameter set with some values replaced by anything, some dropped, and stray ones added. */
function mangled(valid: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<Record<string, string>> {
  const names = Object.keys(valid);
  return fc
    .tuple(
      fc.record(Object.fromEntries(names.map((name) => [name, mostly(valid[name]!)]))),
      fc.subarray(names, { maxLength: 2 }),
      fc.dictionary(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }), anyText, { maxKeys: 2 }),
    )
    .map(([params, dropped, extra]) => {
      const result: Record<string, string> = { ...extra, ...(params as Record<string, string>) };
      for (const name of dropped) delete result[name];
      return result;
    });
}

const PHONES = fc.constantFrom('+8613911112001', '+8613911112002', '+15005550006');

const smsParams = mangled({
  MessageSid: fc.constant(null).map(() => twilioSid('SM')),
  AccountSid: fc.constant(TWILIO.accountSid),
  From: PHONES,
  To: fc.constant(TWILIO.phoneNumber),
  Body: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
  NumMedia: fc.constantFrom('0', '0', '1'),
  MediaUrl0: fc.constant('https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME1'),
  MediaContentType0: fc.constant('image/jpeg'),
  SmsStatus: fc.constant('received'),
});

const smsStatusParams = mangled({
  MessageSid: fc.constant(null).map(() => twilioSid('SM')),
  AccountSid: fc.constant(TWILIO.accountSid),
  MessageStatus: fc.constantFrom('queued', 'sent', 'delivered', 'undelivered', 'failed', 'bogus'),
  ErrorCode: fc.constantFrom('30003', '30005', ''),
});

const voiceParams = mangled({
  CallSid: fc.constant(null).map(() => twilioSid('CA')),
  AccountSid: fc.constant(TWILIO.accountSid),
  From: PHONES,
  To: fc.constant(TWILIO.phoneNumber),
  CallStatus: fc.constantFrom('ringing', 'in-progress', 'completed', 'busy'),
  Digits: fc.constantFrom('1', '2', '0', '#', '20261122000123'),
  SpeechResult: fc.string({ unit: 'grapheme', maxLength: 40 }),
  RecordingUrl: fc.constant('https://api.twilio.com/recordings/RE1'),
  RecordingDuration: fc.constantFrom('0', '12'),
  TranscriptionText: fc.string({ unit: 'grapheme', maxLength: 40 }),
  QueueResult: fc.constantFrom('bridged', 'hangup', 'leave'),
  QueueTime: fc.constantFrom('3', '-1'),
});

const VOICE_PATHS = ['', '/menu', '/report', '/lookup', '/wait', '/queue-result', '/recorded', '/transcription', '/status'].map(
  (p) => `/channels/twilio/voice${p}`,
);

/** A WeChat push document: the documented fields with any values, some missing, or not XML at all. */
const wechatXml = fc.oneof(
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 120 }) },
  {
    weight: 4,
    arbitrary: mangled({
      ToUserName: fc.constant(WECHAT.account),
      FromUserName: fc.constantFrom('oQHfuzz0001', 'oQHfuzz0002'),
      CreateTime: fc.constant(String(Math.floor(Date.now() / 1000))),
      MsgType: fc.constantFrom('text', 'text', 'image', 'voice', 'location', 'link', 'event'),
      Content: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
      MsgId: fc.bigInt({ min: 10n ** 16n, max: 10n ** 17n }).map(String),
      Event: fc.constantFrom('subscribe', 'unsubscribe', 'CLICK'),
      PicUrl: fc.constant('http://mmbiz.qpic.cn/fuzz.jpg'),
      MediaId: fc.constant('media-fuzz'),
      Location_X: fc.constant('30.245'),
      Location_Y: fc.constant('120.145'),
      Url: fc.constant('https://example.com/a'),
      Title: fc.constant('标题'),
    }).map(
      (fields) =>
        `<xml>${Object.entries(fields)
          .map(([name, value]) => (/^[A-Za-z_][\w-]*$/.test(name) ? `<${name}><![CDATA[${value}]]></${name}>` : value))
          .join('')}</xml>`,
    ),
  },
);

/** What a browser, or anyone with curl, can put into the citizen page's JSON body. */
const webForm = fc.oneof(
  { weight: 1, arbitrary: fc.anything() },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        text: mostly(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), fc.oneof(anyText, fc.integer(), fc.constant('字'.repeat(5001)))),
        name: mostly(fc.string({ maxLength: 20 }), fc.oneof(anyText, fc.integer())),
        phone: mostly(fc.constantFrom('13800138000', '+86 138-0013-8000', '')),
        address: mostly(fc.string({ unit: 'grapheme', maxLength: 40 })),
        latitude: mostly(fc.double({ min: 30.2, max: 30.3, noNaN: true }), fc.oneof(fc.double(), anyText)),
        longitude: mostly(fc.double({ min: 120.1, max: 120.2, noNaN: true }), fc.oneof(fc.double(), anyText)),
        clientSubmissionId: mostly(fc.uuid()),
      },
      { requiredKeys: [] },
    ),
  },
);

describe.each(kinds)('fuzzing the public parsers over HTTP on %s', (kind) => {
  let hotline: TestHotline;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ hotline, close } = await startProviderHotline(kind, { OPEN311_API_KEYS: OPEN311_KEY }));
  });
  afterAll(() => close?.());

  /**
   * The property every request must hold: no 5xx, and a refusal writes nothing. `expectStatus`
   * narrows what is allowed further (e.g. 403 for anything unsigned).
   */
  async function holds(send: () => Promise<Response>, expectStatus?: (status: number) => void): Promise<void> {
    const before = await intakeRowCounts(hotline);
    const res = await send();
    const body = await res.text();
    expect(res.status, body).toBeLessThan(500);
    expectStatus?.(res.status);
    if (res.status >= 400) expect(await intakeRowCounts(hotline), `${res.status} ${body}`).toEqual(before);
  }

  const form = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const postTwilio = (path: string, params: Record<string, string>, signature?: string) =>
    hotline.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature === undefined ? {} : { 'x-twilio-signature': signature }) },
      body: form(params),
    });
  const signed = (path: string, params: Record<string, string>) => signTwilioRequest(TWILIO.authToken, `${TWILIO.publicUrl}${path}`, params);

  it('Twilio webhooks: unsigned or wrongly signed garbage is 403 and writes nothing', async () => {
    const path = fc.constantFrom('/channels/twilio/sms', '/channels/twilio/sms/status', ...VOICE_PATHS);
    // Whatever fits in a header: a plausible signature, or printable junk.
    const signature = fc.option(fc.oneof(fc.base64String({ minLength: 28, maxLength: 28 }), fc.string({ unit: 'grapheme-ascii', maxLength: 40 })), {
      nil: undefined,
    });
    await fc.assert(
      fc.asyncProperty(path, fc.oneof(smsParams, voiceParams), signature, async (p, params, sig) => {
        fc.pre(sig !== signed(p, params));
        await holds(
          () => postTwilio(p, params, sig),
          (status) => expect(status).toBe(403),
        );
      }),
      RUNS,
    );
  });

  it('Twilio SMS and its status callback: correctly signed garbage is answered 2xx or 4xx, and a refusal writes nothing', async () => {
    const request = fc.oneof(
      smsParams.map((params) => ['/channels/twilio/sms', params] as const),
      smsStatusParams.map((params) => ['/channels/twilio/sms/status', params] as const),
    );
    await fc.assert(
      fc.asyncProperty(request, async ([path, params]) => holds(() => postTwilio(path, params, signed(path, params)))),
      // A NUL (PostgreSQL text cannot hold it) was once a 500.
      {
        ...RUNS,
        examples: [
          [
            [
              '/channels/twilio/sms',
              { MessageSid: twilioSid('SM'), AccountSid: TWILIO.accountSid, From: '+86139\u0000', To: TWILIO.phoneNumber, Body: 'STOP' },
            ],
          ],
          [['/channels/twilio/sms/status', { MessageSid: '\u0000', MessageStatus: 'failed', ErrorCode: '\u0000' }]],
        ],
      },
    );
  });

  it('Twilio voice: correctly signed garbage on every step is answered 2xx or 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...VOICE_PATHS), voiceParams, async (path, params) => holds(() => postTwilio(path, params, signed(path, params)))),
      {
        ...RUNS,
        examples: [
          [
            '/channels/twilio/voice',
            { CallSid: twilioSid('CA'), AccountSid: TWILIO.accountSid, From: '\u0000', To: TWILIO.phoneNumber, CallStatus: 'ringing' },
          ],
        ],
      },
    );
  });

  const postWechat = (query: URLSearchParams, body: string, contentType = 'text/xml') =>
    hotline.request(`/channels/wechat?${query}`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const timestamp = () => String(Math.floor(Date.now() / 1000));

  it('WeChat: an unsigned push is 403 and writes nothing, whatever the body', async () => {
    const query = fc.record({ signature: anyText, timestamp: anyText, nonce: anyText }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(query, wechatXml, async (q, xml) => {
        fc.pre(q.signature !== wechatSignature(WECHAT.token, q.timestamp ?? '', q.nonce ?? ''));
        await holds(
          () => postWechat(new URLSearchParams(q as Record<string, string>), xml),
          (status) => expect(status).toBe(403),
        );
      }),
      RUNS,
    );
  });

  it('WeChat plaintext mode: a correctly signed push of garbage is answered 2xx or 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        wechatXml,
        fc.constantFrom('text/xml', 'application/xml', 'text/plain'),
        fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 10 }),
        async (xml, type, nonce) => {
          const ts = timestamp();
          await holds(() => postWechat(new URLSearchParams({ signature: wechatSignature(WECHAT.token, ts, nonce), timestamp: ts, nonce }), xml, type));
        },
      ),
      // An element the XML parser refuses by name was once a 500.
      { ...RUNS, examples: [[`<xml><__proto__>x</__proto__><ToUserName>${WECHAT.account}</ToUserName></xml>`, 'text/xml', 'abc']] },
    );
  });

  it('WeChat safe mode: a correctly signed envelope of garbage is answered 2xx or 4xx', async () => {
    const encrypted = fc.oneof(
      fc.base64String({ maxLength: 120 }),
      fc
        .tuple(wechatXml, fc.constantFrom(WECHAT.appId, WECHAT.appId, 'wx0000000000000000'))
        .map(([xml, appId]) => encryptMessage({ aesKey: WECHAT.aesKey, appId, xml })),
    );
    await fc.assert(
      fc.asyncProperty(encrypted, fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 10 }), async (ciphertext, nonce) => {
        const ts = timestamp();
        const query = new URLSearchParams({
          signature: wechatSignature(WECHAT.token, ts, nonce),
          timestamp: ts,
          nonce,
          encrypt_type: 'aes',
          msg_signature: wechatSignature(WECHAT.token, ts, nonce, ciphertext),
        });
        await holds(() => postWechat(query, `<xml><ToUserName><![CDATA[${WECHAT.account}]]></ToUserName><Encrypt><![CDATA[${ciphertext}]]></Encrypt></xml>`));
      }),
      RUNS,
    );
  });

  it('Open311: mangled service requests (form or JSON) are answered 2xx or 4xx, and a refusal writes nothing', async () => {
    const request = mangled({
      api_key: fc.constant(OPEN311_KEY),
      service_code: fc.constantFrom('city-appearance', 'street-order', '001'),
      lat: fc.constantFrom('30.235', '30.25', '91'),
      long: fc.constantFrom('120.135', '120.15'),
      address_string: fc.string({ unit: 'grapheme', maxLength: 40 }),
      description: fc.string({ unit: 'grapheme', maxLength: 60 }),
      email: fc.constantFrom('citizen@example.com', 'not-an-email'),
      phone: fc.constantFrom('13800138000', '+86 571 1234 5678'),
      first_name: fc.string({ maxLength: 10 }),
      media_url: fc.constantFrom('https://example.com/p.jpg', 'javascript:alert(1)'),
      device_id: fc.string({ maxLength: 10 }),
    });
    await fc.assert(
      fc.asyncProperty(request, fc.constantFrom('json', 'xml'), fc.boolean(), async (params, format, asJson) =>
        holds(() =>
          hotline.request(`/open311/v2/requests.${format}`, {
            method: 'POST',
            headers: { 'content-type': asJson ? 'application/json' : 'application/x-www-form-urlencoded' },
            body: asJson ? JSON.stringify(params) : form(params),
          }),
        ),
      ),
      RUNS,
    );
  });

  it('the citizen page (JSON): any body is answered 2xx or 4xx, and a refusal writes nothing', async () => {
    const body = fc.oneof(
      { weight: 4, arbitrary: webForm.map((value) => JSON.stringify(value) ?? 'null') },
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) =>
        holds(() => hotline.request('/api/public/appeals', { method: 'POST', headers: { 'content-type': 'application/json' }, body: text })),
      ),
      { ...RUNS, examples: [[JSON.stringify({ text: '\u0000' })], [JSON.stringify({ text: '路灯不亮', clientSubmissionId: '\u0000'.repeat(8) })]] },
    );
  });

  it('the citizen page (multipart with photos): any form is answered 2xx or 4xx, and a refusal writes nothing', async () => {
    const photo = fc.record({
      type: fc.constantFrom('image/jpeg', 'image/png', 'text/html', 'application/pdf', ''),
      name: fc.string({ unit: 'grapheme', maxLength: 20 }),
      bytes: fc.uint8Array({ maxLength: 256 }),
    });
    const fields = fc.dictionary(
      fc.constantFrom('text', 'name', 'phone', 'address', 'latitude', 'longitude', 'clientSubmissionId', 'other'),
      fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), anyText),
    );
    await fc.assert(
      fc.asyncProperty(fields, fc.array(photo, { maxLength: 5 }), async (values, photos) => {
        const body = new FormData();
        for (const [name, value] of Object.entries(values)) body.set(name, value);
        for (const p of photos) body.append('photos', new File([p.bytes], p.name, { type: p.type }));
        await holds(() => hotline.request('/api/public/appeals', { method: 'POST', body }));
      }),
      // A NUL in the text was once a 500: PostgreSQL text cannot hold it.
      {
        ...RUNS,
        examples: [
          [{ text: '\u0000' }, []],
          [{ text: '井盖\u0000丢了', name: '\u0000' }, []],
        ],
      },
    );
  });
});
