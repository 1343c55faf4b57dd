import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptMessage, encryptMessage, verifyMessageSignature, wechatSignature } from '@hotline/channels/wechat';
import { WECHAT, contentOf, eventXml, messageXml, newMsgId, newOpenId, signedQuery, signedQueryAt, textXml } from '../../testing/wechat.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type FakeProvider, startFakeProvider } from '../../testing/fake-provider.ts';
import { type TestHotline, intakeRowCounts, startTestHotline } from '../../testing/hotline.ts';

const kinds = await testDatabaseKinds();

const { token: TOKEN, appId: APP_ID, aesKey: AES_KEY, account: ACCOUNT } = WECHAT;

describe.each(kinds)('the WeChat official account webhook on %s', (kind) => {
  let hotline: TestHotline;
  let fake: FakeProvider;
  let tokensIssued = 0;
  /** Answers for the next customer-service sends, in order; then `ok`. */
  const sendAnswers: object[] = [];

  beforeAll(async () => {
    fake = await startFakeProvider([
      (r) => (r.url.startsWith('/cgi-bin/token?') ? { json: { access_token: `ACCESS-${++tokensIssued}`, expires_in: 7200 } } : undefined),
      (r) => (r.url.startsWith('/cgi-bin/message/custom/send?') ? { json: sendAnswers.shift() ?? { errcode: 0, errmsg: 'ok' } } : undefined),
    ]);
    // Compatible mode (兼容模式): safe-mode pushes, and plaintext ones too, which most specs here post.
    hotline = await startTestHotline(kind, {
      env: {
        WECHAT_TOKEN: TOKEN,
        WECHAT_APPID: APP_ID,
        WECHAT_APPSECRET: 'app-secret-for-tests',
        WECHAT_AES_KEY: AES_KEY,
        WECHAT_COMPATIBLE_MODE: '1',
        WECHAT_API_BASE: fake.url,
      },
    });
  });
  afterAll(async () => {
    await hotline?.close();
    await fake?.close();
  });

  const post = (xml: string, query = signedQuery(), headers: Record<string, string> = { 'content-type': 'text/xml' }) =>
    hotline.request(`/channels/wechat?${query}`, { method: 'POST', headers, body: xml });

  /** Seals a push as WeChat does in safe mode: Encrypt in an envelope, msg_signature over it. */
  function postSafe(xml: string, appId = APP_ID) {
    const encrypted = encryptMessage({ aesKey: AES_KEY, appId, xml });
    const query = signedQuery({ encrypt_type: 'aes' });
    query.set('msg_signature', wechatSignature(TOKEN, query.get('timestamp')!, query.get('nonce')!, encrypted));
    return post(`<xml><ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`, query);
  }

  async function appealByCase(caseNumber: string) {
    const agent = await hotline.loginAs('agent1');
    const page = await (await hotline.request('/api/appeals?status=pending&pageSize=100', { cookie: agent })).json();
    const summary = page.items.find((a: { caseNumber: string }) => a.caseNumber === caseNumber);
    expect(summary, `appeal ${caseNumber} in the queue`).toBeDefined();
    return (await hotline.request(`/api/appeals/${summary.id}`, { cookie: agent })).json();
  }

  /** Files a text appeal and returns its case number from the passive reply. */
  async function fileText(openId: string, content: string) {
    const res = await post(textXml(openId, content));
    expect(res.status).toBe(200);
    return /案件流水号 (\d{14,})/.exec(contentOf(await res.text()) ?? '')![1]!;
  }

  describe('server URL check', () => {
    it('echoes echostr when the signature is valid', async () => {
      const res = await hotline.request(`/channels/wechat?${signedQuery({ echostr: '5837397557219442305' })}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe('5837397557219442305');
    });

    it.each([
      ['a wrong token', () => signedQuery({ echostr: 'e' }, 'wrongToken')],
      ['no signature', () => new URLSearchParams({ timestamp: '1795852800', nonce: 'n', echostr: 'e' })],
      ['no echostr', () => signedQuery()],
    ])('refuses %s with 403', async (_name, query) => {
      const res = await hotline.request(`/channels/wechat?${query()}`);
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    });
  });

  it('files a plaintext text message and answers with a passive reply carrying the case number', async () => {
    const openId = newOpenId();
    const res = await post(textXml(openId, '翠峰路88号门口的井盖丢了，晚上很危险'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    const xml = await res.text();
    expect(xml).toContain(`<ToUserName><![CDATA[${openId}]]></ToUserName>`);
    expect(xml).toContain(`<FromUserName><![CDATA[${ACCOUNT}]]></FromUserName>`);
    expect(xml).toContain('<MsgType><![CDATA[text]]></MsgType>');
    const caseNumber = /案件流水号 (\d{14})/.exec(contentOf(xml)!)![1]!;
    expect(contentOf(xml)).toBe(`您的诉求已收到，案件流水号 ${caseNumber}。我们会尽快处理。`);
    const appeal = await appealByCase(caseNumber);
    expect(appeal).toMatchObject({ channel: 'wechat', summary: '翠峰路88号门口的井盖丢了，晚上很危险', status: 'pending' });
    expect(appeal.contact.identities).toEqual([{ kind: 'wechat_openid', value: openId }]);
  });

  it('opens a safe-mode push and seals the reply, which decrypts with the account key', async () => {
    const openId = newOpenId();
    const res = await postSafe(textXml(openId, '安全模式：松林路垃圾桶满了没人清'));
    expect(res.status).toBe(200);
    const envelope = await res.text();
    expect(envelope).not.toContain('案件流水号');
    const field = (name: string) => new RegExp(`<${name}>(?:<!\\[CDATA\\[)?([^<\\]]+)`).exec(envelope)![1]!;
    const [encrypted, msgSignature, timestamp, nonce] = ['Encrypt', 'MsgSignature', 'TimeStamp', 'Nonce'].map(field);
    expect(verifyMessageSignature({ token: TOKEN, timestamp, nonce, encrypted: encrypted!, msgSignature })).toBe(true);
    const reply = decryptMessage({ aesKey: AES_KEY, appId: APP_ID, encrypted: encrypted! });
    expect(reply).toContain(`<ToUserName><![CDATA[${openId}]]></ToUserName>`);
    const caseNumber = /案件流水号 (\d{14})/.exec(contentOf(reply)!)![1]!;
    expect(await appealByCase(caseNumber)).toMatchObject({ channel: 'wechat', summary: '安全模式：松林路垃圾桶满了没人清' });
  });

  it("answers WeChat's re-deliveries of one MsgId with the same case number and stores one message", async () => {
    const openId = newOpenId();
    const xml = textXml(openId, '重复推送测试：路面积水', newMsgId());
    const before = await intakeRowCounts(hotline);
    const replies = [];
    for (let i = 0; i < 3; i++) {
      const res = await post(xml);
      expect(res.status).toBe(200);
      replies.push(contentOf(await res.text()));
    }
    expect(new Set(replies).size).toBe(1);
    const after = await intakeRowCounts(hotline);
    expect(after.messages - before.messages).toBe(1);
    expect(after.appeals - before.appeals).toBe(1);
  });

  it('files a voice message by its speech recognition text', async () => {
    const res = await post(
      messageXml(
        newOpenId(),
        '<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[mVoice_x1]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[楼上装修噪音太大了]]></Recognition>',
      ),
    );
    const caseNumber = /案件流水号 (\d{14})/.exec(contentOf(await res.text())!)![1]!;
    expect((await appealByCase(caseNumber)).summary).toBe('楼上装修噪音太大了');
  });

  it("keeps an image's PicUrl as an attachment that staff are redirected to", async () => {
    const picUrl = 'http://mmbiz.qpic.cn/mmbiz_jpg/hotline-test/0';
    const res = await post(
      messageXml(newOpenId(), `<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[${picUrl}]]></PicUrl><MediaId><![CDATA[mImage_x1]]></MediaId>`),
    );
    const caseNumber = /案件流水号 (\d{14})/.exec(contentOf(await res.text())!)![1]!;
    const appeal = await appealByCase(caseNumber);
    const [photo] = appeal.messages[0].attachments;
    expect(photo).toMatchObject({ contentType: 'image/jpeg', fileName: 'mImage_x1.jpg' });
    const image = await hotline.request(photo.href, { cookie: await hotline.loginAs('agent2') });
    expect(image.status).toBe(302);
    expect(image.headers.get('location')).toBe(picUrl);
  });

  it('places a location message on the map: the grid it falls in and its label as the address', async () => {
    const res = await post(
      messageXml(
        newOpenId(),
        '<MsgType><![CDATA[location]]></MsgType><Location_X>30.235</Location_X><Location_Y>120.135</Location_Y><Scale>16</Scale><Label><![CDATA[青禾区松林路与青禾路交叉口]]></Label>',
      ),
    );
    const caseNumber = /案件流水号 (\d{14})/.exec(contentOf(await res.text())!)![1]!;
    const appeal = await appealByCase(caseNumber);
    expect(appeal).toMatchObject({
      latitude: 30.235,
      longitude: 120.135,
      gridCode: 'QH-02-02-04',
      address: '青禾区松林路与青禾路交叉口',
      summary: '[位置] 青禾区松林路与青禾路交叉口',
    });
    expect(appeal.messages[0].location).toEqual({ latitude: 30.235, longitude: 120.135, label: '青禾区松林路与青禾路交叉口' });
  });

  describe('events are answered, never filed', () => {
    it.each([
      ['subscribe', eventXml(newOpenId(), 'subscribe'), /感谢关注[\s\S]*案件流水号/],
      ['a progress menu click', eventXml(newOpenId(), 'CLICK', 'PROGRESS'), /发送案件流水号/],
      ['a report menu click', eventXml(newOpenId(), 'CLICK', 'REPORT'), /文字、语音、图片或位置/],
    ])('%s gets a text reply', async (_name, xml, expected) => {
      const before = await intakeRowCounts(hotline);
      const res = await post(xml);
      expect(res.status).toBe(200);
      expect(contentOf(await res.text())).toMatch(expected);
      expect(await intakeRowCounts(hotline)).toEqual(before);
    });

    it.each([
      ['unsubscribe', eventXml(newOpenId(), 'unsubscribe')],
      ['a link menu view', eventXml(newOpenId(), 'VIEW', 'https://example.org/')],
    ])('%s is acknowledged with "success"', async (_name, xml) => {
      const before = await intakeRowCounts(hotline);
      const res = await post(xml);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('success');
      expect(await intakeRowCounts(hotline)).toEqual(before);
    });
  });

  describe('a text that is only a case number asks for progress', () => {
    it('answers with the public status and files nothing', async () => {
      const openId = newOpenId();
      const caseNumber = await fileText(openId, '小区电梯困人');
      const before = await intakeRowCounts(hotline);
      const res = await post(textXml(openId, ` ${caseNumber} `));
      const answer = contentOf(await res.text())!;
      expect(answer).toContain(`案件流水号 ${caseNumber}`);
      expect(answer).toContain('办理状态：待受理');
      expect(answer).not.toContain('电梯');
      expect(await intakeRowCounts(hotline)).toEqual(before);
    });

    it('says so when the case does not exist', async () => {
      const res = await post(textXml(newOpenId(), '19990101000001'));
      expect(contentOf(await res.text())).toBe('未找到该案件（流水号 19990101000001），请核对后重新发送。');
    });
  });

  describe('refuses what is not a valid WeChat push with a 4xx and writes nothing', () => {
    const cases: [string, () => Promise<Response>, number, string][] = [
      ['a wrong signature', () => post(textXml(newOpenId(), '伪造'), signedQuery({}, 'wrongToken')), 403, 'forbidden'],
      ['no signature', () => post(textXml(newOpenId(), '伪造'), new URLSearchParams({ timestamp: '1795852800', nonce: 'n' })), 403, 'forbidden'],
      ['a safe-mode push sealed for another AppID', () => postSafe(textXml(newOpenId(), '别的公众号'), 'wx0000000000000000'), 403, 'forbidden'],
      [
        'a safe-mode push with a plaintext signature only',
        () =>
          post(
            `<xml><Encrypt><![CDATA[${encryptMessage({ aesKey: AES_KEY, appId: APP_ID, xml: textXml(newOpenId(), 'x') })}]]></Encrypt></xml>`,
            signedQuery({ encrypt_type: 'aes' }),
          ),
        403,
        'forbidden',
      ],
      ['malformed XML', () => post('<xml><ToUserName>gh</FromUserName>'), 400, 'invalid_request'],
      ['an unknown MsgType', () => post(messageXml(newOpenId(), '<MsgType><![CDATA[hologram]]></MsgType>')), 400, 'invalid_request'],
      ['a text without Content', () => post(messageXml(newOpenId(), '<MsgType><![CDATA[text]]></MsgType>')), 400, 'invalid_request'],
      ['a body over 1 MB', () => post(textXml(newOpenId(), '坑'.repeat(400_000))), 413, 'payload_too_large'],
      ['a JSON body', () => post('{"text":"坑"}', signedQuery(), { 'content-type': 'application/json' }), 415, 'unsupported_media_type'],
    ];

    it.each(cases)('%s', async (_name, send, status, code) => {
      const before = await intakeRowCounts(hotline);
      const res = await send();
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(body.error).toMatchObject({ code, message: expect.any(String) });
      expect(await intakeRowCounts(hotline)).toEqual(before);
    });
  });

  describe('refuses a push that is not fresh, or whose timestamp and nonce were used before, with 403 and writes nothing', () => {
    const now = () => Math.floor(Date.now() / 1000);
    /** Posts and expects a 403 naming `reason`, with nothing written. */
    async function refused(send: () => Promise<Response>, reason: string) {
      const before = await intakeRowCounts(hotline);
      const res = await send();
      expect(res.status).toBe(403);
      expect((await res.json()).error).toMatchObject({ code: 'forbidden', message: expect.any(String), details: { reason } });
      expect(await intakeRowCounts(hotline)).toEqual(before);
    }

    it.each([
      ['timestamp=1', () => '1'],
      ['a timestamp 30 days old', () => String(now() - 30 * 86_400)],
      ['a timestamp 6 minutes old', () => String(now() - 360)],
      ['a timestamp 6 minutes ahead', () => String(now() + 360)],
      ['a timestamp a year ahead', () => String(now() + 365 * 86_400)],
      ['a timestamp that is not a number', () => '17e8'],
    ])('%s, correctly signed', async (_name, timestamp) => {
      await refused(() => post(textXml(newOpenId(), '旧推送：井盖丢了'), signedQueryAt(timestamp())), 'bad_timestamp');
    });

    it('accepts a push signed 4 minutes ago or 4 minutes ahead (clocks differ a little)', async () => {
      for (const timestamp of [now() - 240, now() + 240]) {
        const res = await post(textXml(newOpenId(), '时钟稍有偏差：路灯不亮'), signedQueryAt(String(timestamp)));
        expect(res.status).toBe(200);
        expect(contentOf(await res.text())).toMatch(/案件流水号 \d{14}/);
      }
    });

    it('refuses a second body under a timestamp and nonce already used, naming another citizen', async () => {
      const query = signedQuery();
      const first = await post(textXml(newOpenId(), '第一条：松林路积水'), query);
      expect(first.status).toBe(200);
      const victim = newOpenId();
      await refused(() => post(textXml(victim, '冒充：撤回我的诉求'), query), 'replayed');
    });

    it("takes WeChat's own retry (the same push, byte for byte) as the push it repeats: one case, nothing written twice", async () => {
      const query = signedQuery();
      const xml = textXml(newOpenId(), '微信重试：噪音扰民');
      const first = await post(xml, query);
      expect(first.status).toBe(200);
      const caseNumber = /案件流水号 (\d{14})/.exec(contentOf(await first.text()) ?? '')?.[1];
      expect(caseNumber).toBeDefined();
      const before = await intakeRowCounts(hotline);
      const retry = await post(xml, query);
      expect(retry.status).toBe(200);
      expect(contentOf(await retry.text())).toContain(caseNumber!);
      expect(await intakeRowCounts(hotline)).toEqual(before);

      const encrypted = encryptMessage({ aesKey: AES_KEY, appId: APP_ID, xml: textXml(newOpenId(), '安全模式重试') });
      const safeQuery = signedQuery({ encrypt_type: 'aes' });
      safeQuery.set('msg_signature', wechatSignature(TOKEN, safeQuery.get('timestamp')!, safeQuery.get('nonce')!, encrypted));
      const envelope = `<xml><ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
      expect((await post(envelope, safeQuery)).status).toBe(200);
      expect((await post(envelope, safeQuery)).status).toBe(200);
      // …but the same signature over other bytes, however alike, is refused.
      await refused(() => post(`${envelope}\n`, safeQuery), 'replayed');
    });

    it("refuses a delivered safe-mode push's URL stripped to its plaintext signature, even in compatible mode", async () => {
      const victim = newOpenId();
      const encrypted = encryptMessage({ aesKey: AES_KEY, appId: APP_ID, xml: textXml(victim, '兼容模式：小区门口垃圾堆积') });
      const query = signedQuery({ encrypt_type: 'aes' });
      query.set('msg_signature', wechatSignature(TOKEN, query.get('timestamp')!, query.get('nonce')!, encrypted));
      expect((await post(`<xml><ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`, query)).status).toBe(200);
      query.delete('encrypt_type');
      query.delete('msg_signature');
      await refused(() => post(textXml(victim, '冒充：问题已解决，撤销'), query), 'replayed');
    });

    it('refuses a bad signature before anything else, and a refused push does not use up its nonce', async () => {
      const query = signedQuery();
      const forged = new URLSearchParams(query);
      forged.set('signature', wechatSignature('wrongToken', query.get('timestamp')!, query.get('nonce')!));
      await refused(() => post(textXml(newOpenId(), '伪造'), forged), 'bad_signature');
      await refused(() => post(textXml(newOpenId(), '伪造'), signedQueryAt('1', {}, 'wrongToken')), 'bad_signature');
      expect((await post('<xml><ToUserName>gh</FromUserName>', query)).status).toBe(400);
      expect((await post(textXml(newOpenId(), '签名正确：人行道破损'), query)).status).toBe(200);
    });
  });

  describe("agents' replies go out through the customer-service API", () => {
    const reply = async (appealId: string, text: string) => {
      const res = await hotline.request(`/api/appeals/${appealId}/replies`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
        cookie: await hotline.loginAs('agent1'),
      });
      expect(res.status).toBe(201);
      return res.json();
    };
    const sendsTo = (openId: string) =>
      fake.requests.filter((r) => r.url.startsWith('/cgi-bin/message/custom/send?') && (r.json as { touser: string }).touser === openId);

    it('sends the text to the openid with one access token, reused for the next reply', async () => {
      const openId = newOpenId();
      const appeal = await appealByCase(await fileText(openId, '路灯不亮，请派人修理'));
      const tokensBefore = tokensIssued;
      expect(await reply(appeal.id, '您好，已联系路灯所，今晚前修复。')).toMatchObject({ deliveryStatus: 'sent', deliveryError: null });
      expect(await reply(appeal.id, '路灯已修好，请确认。')).toMatchObject({ deliveryStatus: 'sent' });
      const sends = sendsTo(openId);
      expect(sends.map((s) => s.json)).toEqual([
        { touser: openId, msgtype: 'text', text: { content: '您好，已联系路灯所，今晚前修复。' } },
        { touser: openId, msgtype: 'text', text: { content: '路灯已修好，请确认。' } },
      ]);
      // The first reply of this server fetches the token; the second reuses it.
      expect(tokensIssued - tokensBefore).toBe(1);
      expect(new Set(sends.map((s) => new URL(s.url, fake.url).searchParams.get('access_token'))).size).toBe(1);
      const tokenCall = fake.requests.find((r) => r.url.startsWith('/cgi-bin/token?'))!;
      expect(Object.fromEntries(new URL(tokenCall.url, fake.url).searchParams)).toEqual({
        grant_type: 'client_credential',
        appid: APP_ID,
        secret: 'app-secret-for-tests',
      });
    });

    it('fetches a new token exactly once when WeChat says the token expired, then sends', async () => {
      const openId = newOpenId();
      const appeal = await appealByCase(await fileText(openId, '公交站台顶棚漏雨'));
      await reply(appeal.id, '先预热一次令牌');
      const tokensBefore = tokensIssued;
      sendAnswers.push({ errcode: 42001, errmsg: 'access_token expired rid: 6566a1b2-0d1e2f3a' });
      expect(await reply(appeal.id, '已转交公交集团处理。')).toMatchObject({ deliveryStatus: 'sent' });
      expect(tokensIssued - tokensBefore).toBe(1);
      const [, expired, retried] = sendsTo(openId);
      expect((expired!.json as { text: { content: string } }).text.content).toBe('已转交公交集团处理。');
      expect(retried!.json).toEqual(expired!.json);
      expect(retried!.url).toContain(`access_token=ACCESS-${tokensIssued}`);
    });

    it('records a permanent API error on the message as failed, with the errcode', async () => {
      const appeal = await appealByCase(await fileText(newOpenId(), '噪音扰民'));
      sendAnswers.push({ errcode: 45015, errmsg: 'response out of time limit or subscription is canceled' });
      const sent = await reply(appeal.id, '请问具体是哪一栋楼？');
      expect(sent).toMatchObject({ deliveryStatus: 'failed' });
      const detail = await (await hotline.request(`/api/appeals/${appeal.id}`, { cookie: await hotline.loginAs('agent1') })).json();
      const out = detail.messages.find((m: { direction: string; text: string }) => m.direction === 'out' && m.text === '请问具体是哪一栋楼？');
      expect(out.deliveryStatus).toBe('failed');
      expect(out.deliveryError).toContain('errcode 45015');
    });
  });
});

describe.each(kinds)('the WeChat webhook of an account in safe mode (安全模式, the default with WECHAT_AES_KEY) on %s', (kind) => {
  let hotline: TestHotline;
  beforeAll(async () => {
    hotline = await startTestHotline(kind, {
      env: {
        WECHAT_TOKEN: TOKEN,
        WECHAT_APPID: APP_ID,
        WECHAT_APPSECRET: 'app-secret-for-tests',
        WECHAT_AES_KEY: AES_KEY,
        WECHAT_API_BASE: 'http://127.0.0.1:9',
      },
    });
  });
  afterAll(() => hotline?.close());

  const post = (xml: string, query: URLSearchParams) =>
    hotline.request(`/channels/wechat?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml });
  function sealed(xml: string) {
    const encrypted = encryptMessage({ aesKey: AES_KEY, appId: APP_ID, xml });
    const query = signedQuery({ encrypt_type: 'aes' });
    query.set('msg_signature', wechatSignature(TOKEN, query.get('timestamp')!, query.get('nonce')!, encrypted));
    return { query, body: `<xml><ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>` };
  }
  const caseNumberOf = (envelope: string) => {
    const encrypted = /<Encrypt><!\[CDATA\[([^\]]+)/.exec(envelope)![1]!;
    return /案件流水号 (\d{14})/.exec(contentOf(decryptMessage({ aesKey: AES_KEY, appId: APP_ID, encrypted }))!)![1]!;
  };
  async function messageCountOf(caseNumber: string) {
    const agent = await hotline.loginAs('agent1');
    const page = await (await hotline.request('/api/appeals?status=pending&pageSize=100', { cookie: agent })).json();
    const summary = page.items.find((a: { caseNumber: string }) => a.caseNumber === caseNumber);
    return (await (await hotline.request(`/api/appeals/${summary.id}`, { cookie: agent })).json()).messages.length as number;
  }

  it('answers the URL check and files safe-mode pushes', async () => {
    const check = await hotline.request(`/channels/wechat?${signedQuery({ echostr: '7355608' })}`);
    expect(check.status).toBe(200);
    expect(await check.text()).toBe('7355608');
    const { query, body } = sealed(textXml(newOpenId(), '安全模式：桥下涵洞积水'));
    const res = await post(body, query);
    expect(res.status).toBe(200);
    expect(caseNumberOf(await res.text())).toMatch(/^\d{14}$/);
  });

  it("refuses a push URL stripped of encrypt_type and msg_signature, with a plaintext body in another citizen's name", async () => {
    const victim = newOpenId();
    const { query, body } = sealed(textXml(victim, '安全模式：电梯停运三天了'));
    const delivered = await post(body, query);
    expect(delivered.status).toBe(200);
    const caseNumber = caseNumberOf(await delivered.text());
    const before = await intakeRowCounts(hotline);

    // What a proxy log shows: the delivered URL; and one seen before WeChat's own request arrived.
    const stripped = new URLSearchParams(query);
    stripped.delete('encrypt_type');
    stripped.delete('msg_signature');
    for (const forgedQuery of [stripped, signedQuery()]) {
      const res = await post(textXml(victim, '冒充：问题已解决，不用处理了'), forgedQuery);
      expect(res.status).toBe(403);
      expect((await res.json()).error).toMatchObject({ code: 'forbidden', details: { reason: 'plaintext_refused' } });
    }
    expect(await intakeRowCounts(hotline)).toEqual(before);
    expect(await messageCountOf(caseNumber)).toBe(1);
  });
});

describe('without WeChat configuration', () => {
  let hotline: TestHotline;
  beforeAll(async () => {
    hotline = await startTestHotline(kinds[0]!);
  });
  afterAll(() => hotline?.close());

  it.each([
    ['GET', undefined],
    ['POST', '<xml/>'],
  ])('%s /channels/wechat answers 503', async (method, body) => {
    const res = await hotline.request(`/channels/wechat?${signedQuery({ echostr: 'e' })}`, { method, body, headers: { 'content-type': 'text/xml' } });
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatchObject({ code: 'unavailable', message: 'WeChat is not configured' });
  });
});
