import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidInboundError, inboundMessageSchema } from './types.ts';
import { parseSms, voiceWebhookSchema } from './twilio/index.ts';
import { WechatForbiddenError, decryptMessage, encryptMessage, openWechatPush, parseInbound, wechatSignature } from './wechat/index.ts';
import { parseWebAppeal, parseWebChat, webAppealFormSchema, webChatMessageSchema } from './web/index.ts';

/**
 * Property-based fuzzing of the channel parsers: whatever a provider or a browser sends, a parser
 * either returns a message the shared schema accepts or refuses it with the channel's own error
 * (which the backend answers 400/403/415) — never a TypeError, a ZodError or anything that would
 * become a 500.
 */
const RUNS = { numRuns: 200 };

/** The outcome of a parse: ok, or refused the documented way; any other throw fails the property. */
function refusedProperly(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch (error) {
    if (error instanceof InvalidInboundError || error instanceof WechatForbiddenError) return true;
    throw error;
  }
}

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
/** Text as providers carry it: any Unicode, with the characters parsers trip over mixed in. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('', ' ', '\u0000', 'STOP', '退订', ']]>', '<xml>', '&amp;', 'NaN', '-1', '1e309', '99999999999999999999'),
);

/** Usually a well-formed value, sometimes anything: so that both the accepting and the refusing paths are exercised. */
function mostly<T, U = string>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<U> = anyText as fc.Arbitrary<unknown> as fc.Arbitrary<U>): fc.Arbitrary<T | U> {
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: other });
}

/** Twilio SMS webhook parameters: a well-formed set with any fields replaced, dropped or added. */
const twilioSmsParams = fc
  .tuple(
    fc.record({
      MessageSid: mostly(
        fc.oneof(
          hex(32).map((h) => `SM${h}`),
          hex(32).map((h) => `MM${h}`),
        ),
      ),
      AccountSid: mostly(hex(32).map((h) => `AC${h}`)),
      From: mostly(fc.constantFrom('+8613911110001', '+15005550006', 'whatsapp:+8613911110001')),
      To: mostly(fc.constant('+8657112345')),
      Body: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), anyText),
      NumMedia: mostly(fc.constantFrom('0', '0', '1'), fc.constantFrom('2', '11', '-1', 'x', '')),
      MediaUrl0: mostly(fc.constant('https://api.twilio.com/media/ME1'), fc.constantFrom('', 'not a url')),
      MediaContentType0: mostly(fc.constant('image/jpeg'), fc.constantFrom('', 'text/html')),
    }),
    fc.dictionary(fc.constantFrom('MessageSid', 'AccountSid', 'From', 'To', 'Body', 'NumMedia', 'MediaUrl1', 'Extra'), anyText, { maxKeys: 1 }),
    fc.subarray(['MessageSid', 'From', 'Body', 'MediaUrl0'], { maxLength: 1 }),
  )
  .map(([valid, overrides, dropped]) => {
    const params: Record<string, string> = { ...valid, ...overrides };
    for (const key of dropped) delete params[key];
    return params;
  });

describe('Twilio parsers under fuzzing', () => {
  it('parseSms returns a valid message, or refuses with InvalidInboundError', () => {
    fc.assert(
      fc.property(twilioSmsParams, (params) =>
        refusedProperly(() => {
          expect(inboundMessageSchema.safeParse(parseSms(params, new Date())).success).toBe(true);
        }),
      ),
      RUNS,
    );
  });

  it('parseSms refuses arbitrary parameter sets the documented way', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), anyText), (params) => refusedProperly(() => parseSms(params, new Date()))),
      RUNS,
    );
  });

  it('the voice webhook schema never throws, whatever the parameters', () => {
    const voiceParams = fc.dictionary(
      fc.constantFrom('CallSid', 'AccountSid', 'From', 'To', 'CallStatus', 'Digits', 'Confidence', 'RecordingUrl', 'QueueTime', 'CallDuration'),
      anyText,
    );
    fc.assert(
      fc.property(voiceParams, (params) => typeof voiceWebhookSchema.safeParse(params).success === 'boolean'),
      RUNS,
    );
  });
});

const TOKEN = 'fuzzToken2026';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const APP_ID = 'wx2c2769f8efd9abc2';

/** A WeChat push document: the fields WeChat sends with any values, some dropped, some doubled, or plain garbage. */
const wechatXml = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .tuple(
      fc.record({
        ToUserName: mostly(fc.constant('gh_10f6c3c3ac5a')),
        FromUserName: mostly(fc.constant('oQH7f9a')),
        CreateTime: mostly(fc.constant('1732262400')),
        MsgType: mostly(fc.constantFrom('text', 'text', 'image', 'voice', 'video', 'shortvideo', 'location', 'link', 'event'), fc.constantFrom('file', '')),
        Content: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), anyText),
        MsgId: mostly(fc.constant('23910000000000001')),
        Event: mostly(fc.constantFrom('subscribe', 'CLICK')),
        PicUrl: mostly(fc.constant('http://mmbiz.qpic.cn/x.jpg'), fc.constantFrom('javascript:alert(1)', '')),
        MediaId: mostly(fc.constant('media-id-1')),
        Format: mostly(fc.constant('amr')),
        ThumbMediaId: mostly(fc.constant('thumb-1')),
        Location_X: mostly(fc.constant('30.24'), fc.constantFrom('north', '')),
        Location_Y: mostly(fc.constant('120.14'), fc.constantFrom('Infinity', '')),
        Scale: mostly(fc.constant('15')),
        Label: anyText,
        Title: mostly(fc.constant('标题')),
        Description: anyText,
        Url: mostly(fc.constant('https://example.com'), fc.constantFrom('ftp://x', '')),
      }),
      fc.subarray(['Content', 'MsgId', 'CreateTime', 'FromUserName', 'MediaId', 'Location_X'], { maxLength: 1 }),
      fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    )
    .map(([fields, dropped, doubled]) => {
      const body = Object.entries(fields)
        .filter(([name]) => !dropped.includes(name))
        .map(([name, value]) => `<${name}><![CDATA[${value}]]></${name}>`)
        .join('');
      return `<xml>${body}${doubled ? body : ''}</xml>`;
    }),
);

describe('WeChat parsers under fuzzing', () => {
  it('parseInbound returns a valid message or event, or refuses with InvalidInboundError', () => {
    fc.assert(
      fc.property(wechatXml, (xml) =>
        refusedProperly(() => {
          const parsed = parseInbound(xml);
          if (parsed.kind === 'message') expect(inboundMessageSchema.safeParse(parsed.inbound).success).toBe(true);
        }),
      ),
      // The XML parser once threw a plain Error (a 500) on an element it refuses by name.
      {
        ...RUNS,
        examples: [['<xml><__proto__>x</__proto__><MsgType>text</MsgType></xml>'], ['<xml><constructor><prototype>1</prototype></constructor></xml>']],
      },
    );
  });

  it('a plaintext push with a bad signature is refused as forbidden, whatever the body', () => {
    const query = fc.record({
      signature: fc.option(anyText, { nil: undefined }),
      timestamp: fc.option(anyText, { nil: undefined }),
      nonce: fc.option(anyText, { nil: undefined }),
    });
    fc.assert(
      fc.property(query, wechatXml, (q, body) => {
        fc.pre(q.signature !== wechatSignature(TOKEN, q.timestamp ?? '', q.nonce ?? ''));
        expect(() => openWechatPush({ token: TOKEN, query: q, body, acceptPlaintext: true, maxClockSkewSeconds: 300 })).toThrow(WechatForbiddenError);
      }),
      RUNS,
    );
  });

  it('safe mode opens any correctly signed envelope or refuses it the documented way', () => {
    const envelope = fc.oneof(
      fc.base64String({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 96 }).map((bytes) => Buffer.from(bytes).toString('base64')),
      fc.tuple(wechatXml, fc.constantFrom(APP_ID, 'wxanotheraccount00')).map(([xml, appId]) => encryptMessage({ aesKey: AES_KEY, appId, xml })),
    );
    fc.assert(
      fc.property(envelope, anyText, (encrypted, nonce) => {
        const timestamp = '1732262400';
        const query = { encrypt_type: 'aes', timestamp, nonce, msg_signature: wechatSignature(TOKEN, timestamp, nonce, encrypted) };
        const body = `<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
        const open = { safeMode: { aesKey: AES_KEY, appId: APP_ID }, acceptPlaintext: false, maxClockSkewSeconds: 300, now: Number(timestamp) * 1000 };
        return refusedProperly(() => parseInbound(openWechatPush({ token: TOKEN, query, body, ...open })));
      }),
      RUNS,
    );
  });

  it('safe mode gives back exactly what was sealed for this account', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        (xml) => decryptMessage({ aesKey: AES_KEY, appId: APP_ID, encrypted: encryptMessage({ aesKey: AES_KEY, appId: APP_ID, xml }) }) === xml,
      ),
      RUNS,
    );
  });
});

/** What a browser (or anyone with curl) can put in the citizen page's JSON body. */
const formJson = fc.oneof(
  fc.anything(),
  fc.record(
    {
      text: mostly(fc.string({ minLength: 1, maxLength: 80 })),
      name: mostly(fc.string({ maxLength: 20 }), fc.oneof(anyText, fc.integer())),
      phone: mostly(fc.constantFrom('13800138000', '+86 138-0013-8000', ''), fc.oneof(anyText, fc.constant('0'.repeat(20)))),
      address: mostly(fc.string({ maxLength: 40 })),
      latitude: mostly(fc.double({ min: -90, max: 90, noNaN: true }), fc.oneof(fc.double(), anyText)),
      longitude: mostly(fc.double({ min: -180, max: 180, noNaN: true }), fc.oneof(fc.double(), anyText)),
      clientSubmissionId: mostly(fc.string({ minLength: 8, maxLength: 40 })),
    },
    { requiredKeys: ['text'] },
  ),
);

describe('the web form under fuzzing', () => {
  const meta = { sessionHash: 'fuzz-session', submissionId: 'fuzz-0001', receivedAt: new Date(), attachments: [] };

  it('whatever the form schema accepts becomes a valid inbound message (no 500 after validation)', () => {
    fc.assert(
      fc.property(formJson, (body) => {
        const form = webAppealFormSchema.safeParse(body);
        if (form.success) expect(inboundMessageSchema.safeParse(parseWebAppeal(form.data, meta)).success).toBe(true);
      }),
      // A NUL once passed the form and failed the shared schema (PostgreSQL text cannot hold it).
      { ...RUNS, examples: [[{ text: '\u0000' }], [{ text: '路灯\u0000坏了', clientSubmissionId: '\u0000'.repeat(8) }]] },
    );
  });

  it('whatever the chat schema accepts becomes a valid inbound message', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.record({ text: mostly(fc.string({ minLength: 1, maxLength: 80 })), clientMessageId: anyText }, { requiredKeys: ['text'] })),
        (body) => {
          const chat = webChatMessageSchema.safeParse(body);
          if (chat.success) parseWebChat(chat.data, { sessionHash: 'fuzz-session', messageId: 'm-1', receivedAt: new Date() });
        },
      ),
      RUNS,
    );
  });
});
