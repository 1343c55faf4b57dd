import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, intakeRowCounts, startTestHotline } from '../../testing/hotline.ts';
import { type FakeProvider, startFakeProvider } from '../../testing/fake-provider.ts';
import { TWILIO, fakeTwilioMessages, postTwilio, smsParams, twilioEnv, twilioSid } from '../../testing/twilio.ts';
import { signTwilioRequest } from '@hotline/channels/twilio';
import { appeals } from '../../appeals/index.ts';
import { messages } from '../../messaging/index.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('Twilio SMS on %s', (kind) => {
  let hotline: TestHotline;
  let twilio: FakeProvider;
  let agent: string;

  beforeAll(async () => {
    twilio = await startFakeProvider([fakeTwilioMessages]);
    hotline = await startTestHotline(kind, { env: twilioEnv(twilio) });
    agent = await hotline.loginAs('agent1');
  });
  afterAll(async () => {
    await hotline?.close();
    await twilio?.close();
  });

  const sms = (from: string, body: string, extra?: Record<string, string>) => postTwilio(hotline, '/channels/twilio/sms', smsParams(from, body, extra));
  const appealByCase = async (caseNumber: string) => (await hotline.database.db.select().from(appeals).where(eq(appeals.caseNumber, caseNumber)))[0]!;
  const caseIn = (twiml: string) => /案件流水号 (\d{14})/.exec(twiml)?.[1];
  const reply = (appealId: string, text: string) =>
    hotline.request(`/api/appeals/${appealId}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      cookie: agent,
    });

  it('files a texted appeal and answers at once with TwiML carrying the case number', async () => {
    const res = await sms('+8613911110001', '青禾路12号门口的下水道堵了，污水漫到路上');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/xml/);
    const twiml = await res.text();
    expect(twiml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Message>【12345】您的诉求已收到，案件流水号 \d{14}/);
    const appeal = await appealByCase(caseIn(twiml)!);
    expect(appeal).toMatchObject({ channel: 'sms', status: 'pending', summary: '青禾路12号门口的下水道堵了，污水漫到路上' });
  });

  it('stores a retried MessageSid once and answers it the same way', async () => {
    const params = smsParams('+8613911110002', '垃圾桶满了没人清', { MessageSid: twilioSid('SM') });
    const first = await (await postTwilio(hotline, '/channels/twilio/sms', params)).text();
    const before = await intakeRowCounts(hotline);
    const retry = await postTwilio(hotline, '/channels/twilio/sms', params);
    expect(await retry.text()).toBe(first);
    expect(await intakeRowCounts(hotline)).toEqual(before);
  });

  it('adds a later text from the same phone to the same open appeal', async () => {
    const first = caseIn(await (await sms('+8613911110003', '公交站的顶棚漏雨')).text());
    const second = caseIn(await (await sms('+8613911110003', '是西山街道松林站')).text());
    expect(second).toBe(first);
    expect((await appealByCase(first!)).messageCount).toBe(2);
  });

  it('keeps MMS media as attachments', async () => {
    const res = await sms('+8613911110004', '', {
      NumMedia: '2',
      MediaUrl0: `https://api.twilio.com/2010-04-01/Accounts/${TWILIO.accountSid}/Messages/MM1/Media/ME1`,
      MediaContentType0: 'image/jpeg',
      MediaUrl1: `https://api.twilio.com/2010-04-01/Accounts/${TWILIO.accountSid}/Messages/MM1/Media/ME2`,
      MediaContentType1: 'image/png',
    });
    const appeal = await appealByCase(caseIn(await res.text())!);
    const detail = await (await hotline.request(`/api/appeals/${appeal.id}`, { cookie: agent })).json();
    expect(detail.messages[0].text).toBe('[彩信图片]');
    expect(detail.messages[0].attachments.map((a: { contentType: string }) => a.contentType)).toEqual(['image/jpeg', 'image/png']);
    const media = await hotline.request(detail.messages[0].attachments[0].href, { cookie: agent });
    expect(media.status).toBe(302);
    expect(media.headers.get('location')).toContain('/Media/ME');
  });

  it("sends an agent's reply through Twilio's REST API and records its delivery states", async () => {
    const appeal = await appealByCase(caseIn(await (await sms('+8613911110005', '路灯白天也亮着，浪费电')).text())!);
    const res = await reply(appeal.id, '您好，已通知路灯管理所处理。');
    expect(res.status).toBe(201);
    const sent = await res.json();
    const call = await twilio.waitFor((r) => r.form?.get('Body') === '您好，已通知路灯管理所处理。');
    expect(call.url).toBe(`/2010-04-01/Accounts/${TWILIO.accountSid}/Messages.json`);
    expect(call.headers.authorization).toBe(`Basic ${Buffer.from(`${TWILIO.accountSid}:${TWILIO.authToken}`).toString('base64')}`);
    expect(Object.fromEntries(call.form!)).toMatchObject({
      To: '+8613911110005',
      From: TWILIO.phoneNumber,
      StatusCallback: `${TWILIO.publicUrl}/channels/twilio/sms/status`,
    });
    expect(sent.deliveryStatus).toBe('sent');

    const [stored] = await hotline.database.db.select().from(messages).where(eq(messages.id, sent.id));
    const status = (MessageStatus: string, extra: Record<string, string> = {}) =>
      postTwilio(hotline, '/channels/twilio/sms/status', { AccountSid: TWILIO.accountSid, MessageSid: stored!.providerMessageId!, MessageStatus, ...extra });
    expect((await status('delivered')).status).toBe(204);
    expect((await status('sent')).status).toBe(204);
    const [after] = await hotline.database.db.select().from(messages).where(eq(messages.id, sent.id));
    expect(after!.deliveryStatus).toBe('delivered');
  });

  it('records a failed delivery with its error code', async () => {
    const appeal = await appealByCase(caseIn(await (await sms('+8613911110006', '小区门禁坏了')).text())!);
    const sent = await (await reply(appeal.id, '收到')).json();
    const [stored] = await hotline.database.db.select().from(messages).where(eq(messages.id, sent.id));
    await postTwilio(hotline, '/channels/twilio/sms/status', {
      AccountSid: TWILIO.accountSid,
      MessageSid: stored!.providerMessageId!,
      MessageStatus: 'undelivered',
      ErrorCode: '30003',
    });
    const detail = await (await hotline.request(`/api/appeals/${appeal.id}`, { cookie: agent })).json();
    expect(detail.messages.at(-1)).toMatchObject({ deliveryStatus: 'undelivered', deliveryError: 'Twilio error 30003' });
  });

  it('honours STOP: an opted-out number gets no further SMS, until START', async () => {
    const phone = '+8613911110007';
    const appeal = await appealByCase(caseIn(await (await sms(phone, '楼上漏水')).text())!);
    const stop = await (await sms(phone, 'STOP')).text();
    expect(stop).toContain('您已退订');
    expect(await (await sms(phone, '还在漏水')).text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');

    const before = twilio.requests.length;
    const blocked = await (await reply(appeal.id, '我们会联系物业')).json();
    expect(blocked).toMatchObject({ deliveryStatus: 'failed', deliveryError: expect.stringContaining('opted out') });
    expect(twilio.requests.length).toBe(before);

    expect(await (await sms(phone, 'START')).text()).toContain('恢复接收');
    expect((await (await reply(appeal.id, '物业已处理')).json()).deliveryStatus).toBe('sent');
  });

  it('answers HELP (and 退订 / TD) without filing an appeal', async () => {
    const before = await intakeRowCounts(hotline);
    expect(await (await sms('+8613911110008', 'help')).text()).toContain('直接回复短信即可反映问题');
    expect((await intakeRowCounts(hotline)).appeals).toBe(before.appeals);
    expect(await (await sms('+8613911110008', '退订')).text()).toContain('您已退订');
  });

  describe('refuses bad input and stores nothing', () => {
    const cases: [string, () => Promise<Response>, number][] = [
      ['no signature', () => postTwilio(hotline, '/channels/twilio/sms', smsParams('+8613900000000', '坑'), { signature: '' }), 403],
      [
        'a signature made with another token',
        () => postTwilio(hotline, '/channels/twilio/sms', smsParams('+8613900000000', '坑'), { token: 'someone-else' }),
        403,
      ],
      [
        'a body changed after signing',
        () => {
          const params = smsParams('+8613900000000', '坑');
          const signature = signTwilioRequest(TWILIO.authToken, `${TWILIO.publicUrl}/channels/twilio/sms`, params);
          return postTwilio(hotline, '/channels/twilio/sms', { ...params, Body: '改过的' }, { signature });
        },
        403,
      ],
      [
        'a signature over the internal URL instead of PUBLIC_URL',
        () => {
          const params = smsParams('+8613900000000', '坑');
          return postTwilio(hotline, '/channels/twilio/sms', params, {
            signature: signTwilioRequest(TWILIO.authToken, 'http://localhost:3000/channels/twilio/sms', params),
          });
        },
        403,
      ],
      [
        'another Twilio account',
        () => postTwilio(hotline, '/channels/twilio/sms', smsParams('+8613900000000', '坑', { AccountSid: `AC${'b2'.repeat(16)}` })),
        403,
      ],
      [
        'a JSON body',
        () => hotline.request('/channels/twilio/sms', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"Body":"坑"}' }),
        400,
      ],
      ['no MessageSid', () => postTwilio(hotline, '/channels/twilio/sms', { ...smsParams('+8613900000000', '坑'), MessageSid: '' }), 400],
      ['NumMedia without the media', () => postTwilio(hotline, '/channels/twilio/sms', smsParams('+8613900000000', '坑', { NumMedia: '1' })), 400],
      ['a body over 1 MB', () => postTwilio(hotline, '/channels/twilio/sms', smsParams('+8613900000000', 'x'.repeat(1_100_000))), 413],
      [
        'a status callback for an unknown message',
        () => postTwilio(hotline, '/channels/twilio/sms/status', { AccountSid: TWILIO.accountSid, MessageSid: twilioSid('SM'), MessageStatus: 'delivered' }),
        404,
      ],
    ];
    it.each(cases)('%s', async (_name, send, status) => {
      const before = await intakeRowCounts(hotline);
      const res = await send();
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toEqual(expect.any(String));
      expect(await intakeRowCounts(hotline)).toEqual(before);
    });
  });
});

describe('Twilio when it is not configured', () => {
  it('answers 503 rather than accepting unsigned traffic', async () => {
    const hotline = await startTestHotline('pglite');
    try {
      const res = await hotline.request('/channels/twilio/sms', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Body=x',
      });
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe('unavailable');
    } finally {
      await hotline.close();
    }
  });
});
