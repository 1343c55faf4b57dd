import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../testing/databases.ts';
import { type TestHotline, sessionCookie, submitWebAppeal } from '../testing/hotline.ts';
import type { FakeProvider } from '../testing/fake-provider.ts';
import { contentOf, newOpenId, signedQuery, textXml, wechatSendsTo } from '../testing/wechat.ts';
import { acceptAsEvent, appealByCase, closeEvent, outboundOf, step, text, textedAppeal, untilNotified } from '../testing/closed-loop.ts';
import { startProviderHotline, smsSentTo } from '../testing/provider-hotline.ts';
import { citizenTexts, citizenTime } from '../platform/texts/index.ts';
import { appeals } from '../appeals/index.ts';
import { eventSteps } from '../linkage/index.ts';
import { messages } from '../messaging/index.ts';
import { notifyCitizens } from './notify-citizens.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('telling citizens of dispatch and closure on %s', (kind) => {
  let hotline: TestHotline;
  let fake: FakeProvider;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ hotline, fake, close } = await startProviderHotline(kind));
  });
  afterAll(() => close?.());

  const agentCookie = () => hotline.loginAs('agent1');
  const merge = async (appealId: string, intoId: string) => {
    const res = await hotline.request(`/api/appeals/${appealId}/merge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ intoId }),
      cookie: await agentCookie(),
    });
    expect(res.status).toBe(200);
  };
  const dispatchNotice = (caseNumber: string, timeLimitAt: Date) =>
    `您的诉求（案件号 ${caseNumber}）已受理，派由城市管理局办理，办理时限${citizenTime(citizenTexts('zh-CN'), timeLimitAt, hotline.deps.config.timezone)}。可凭案件号查询进度。`;
  const closureNotice = (caseNumber: string, result: string) =>
    `您的诉求（案件号 ${caseNumber}）已办结。处理结果：${result}。请回复数字 1-5 评价：5 非常满意，4 满意，3 基本满意，2 不满意，1 非常不满意。`;

  it('texts the reporter who handles the event and by when, once it is dispatched, and records the notice as sent', async () => {
    const phone = '+8613955550001';
    const appeal = await textedAppeal(hotline, phone, '青禾路口的垃圾已经堆了三天');
    const event = await acceptAsEvent(hotline, appeal.id);
    await untilNotified(hotline, event.id, 'dispatch');
    const notice = dispatchNotice(appeal.caseNumber, event.timeLimitAt);
    await vi.waitFor(() => expect(smsSentTo(fake, phone)).toContain(notice));
    await vi.waitFor(async () =>
      expect((await outboundOf(hotline, appeal.id)).find((m) => m.text === notice)).toMatchObject({ deliveryStatus: 'sent', authorUserId: null }),
    );
    // One notice per step: acceptance and dispatch are one text, not two near-identical ones.
    expect(smsSentTo(fake, phone).filter((body) => body.includes('已受理'))).toEqual([notice]);
    expect((await outboundOf(hotline, appeal.id)).filter((m) => m.text.includes('已受理'))).toHaveLength(1);
  });

  it('tells every reporter of a merged event on their own channel — SMS, WeChat and web chat — at dispatch and at closure, and asks each to rate it', async () => {
    const phone = '+8613955550002';
    const root = await textedAppeal(hotline, phone, '松林路的路灯一整排都不亮');
    const openId = newOpenId();
    const wechatReply = contentOf(
      await (
        await hotline.request(`/channels/wechat?${signedQuery()}`, {
          method: 'POST',
          headers: { 'content-type': 'text/xml' },
          body: textXml(openId, '松林路路灯坏了好几天了'),
        })
      ).text(),
    )!;
    const viaWechat = await appealByCase(hotline, /案件流水号 (\d{14,})/.exec(wechatReply)![1]!);
    const web = await submitWebAppeal(hotline, { text: '松林路晚上一片漆黑，路灯不亮' });
    const viaWeb = await appealByCase(hotline, web.body.caseNumber!);
    await merge(viaWechat.id, root.id);
    await merge(viaWeb.id, root.id);

    const event = await acceptAsEvent(hotline, root.id);
    await untilNotified(hotline, event.id, 'dispatch');
    await vi.waitFor(() => {
      expect(smsSentTo(fake, phone)).toContain(dispatchNotice(root.caseNumber, event.timeLimitAt));
      expect(wechatSendsTo(fake, openId)).toContain(dispatchNotice(viaWechat.caseNumber, event.timeLimitAt));
    });
    const chat = async () => (await (await hotline.request('/api/public/chat', { cookie: web.cookie })).json()).lines.map((l: { text: string }) => l.text);
    await vi.waitFor(async () => expect(await chat()).toContain(dispatchNotice(viaWeb.caseNumber, event.timeLimitAt)));

    await closeEvent(hotline, event, '已更换松林路全部路灯的镇流器，夜间照明恢复');
    await untilNotified(hotline, event.id, 'verify_pass');
    const result = '已更换松林路全部路灯的镇流器，夜间照明恢复';
    await vi.waitFor(() => {
      expect(smsSentTo(fake, phone)).toContain(closureNotice(root.caseNumber, result));
      expect(wechatSendsTo(fake, openId)).toContain(closureNotice(viaWechat.caseNumber, result));
    });
    await vi.waitFor(async () => expect(await chat()).toContain(closureNotice(viaWeb.caseNumber, result)));
    for (const reporter of [root, viaWechat, viaWeb]) {
      const after = await appealByCase(hotline, reporter.caseNumber);
      expect(after.surveyAskedAt, reporter.channel).toBeInstanceOf(Date);
      expect(after.satisfaction).toBeNull();
      // The notice shows in the chat once stored; it is handed to the channel just after.
      await vi.waitFor(async () =>
        expect((await outboundOf(hotline, reporter.id)).filter((m) => m.text.includes('已办结')).map((m) => m.deliveryStatus)).toEqual(['sent']),
      );
    }
  });

  it('tells each citizen once when several instances run the notifier at the same time', async () => {
    const phone = '+8613955550003';
    const appeal = await textedAppeal(hotline, phone, '小区门口的井盖松了，一踩就响');
    const event = await acceptAsEvent(hotline, appeal.id);
    await Promise.all([notifyCitizens(hotline.deps), notifyCitizens(hotline.deps), notifyCitizens(hotline.deps)]);
    await untilNotified(hotline, event.id, 'dispatch');
    const notice = dispatchNotice(appeal.caseNumber, event.timeLimitAt);
    await vi.waitFor(() => expect(smsSentTo(fake, phone)).toContain(notice));
    expect(smsSentTo(fake, phone).filter((body) => body === notice)).toHaveLength(1);
    expect(await hotline.database.db.$count(messages, and(eq(messages.appealId, appeal.id), eq(messages.text, notice)))).toBe(1);
  });

  it('records a notice that cannot reach the citizen as failed, with the reason, and does not owe it again', async () => {
    const phone = '+8613955550004';
    const appeal = await textedAppeal(hotline, phone, '工地夜里施工太吵了');
    expect(await text(hotline, phone, 'TD')).toContain('您已退订');
    const event = await acceptAsEvent(hotline, appeal.id);
    const step = await untilNotified(hotline, event.id, 'dispatch');
    const notice = dispatchNotice(appeal.caseNumber, event.timeLimitAt);
    await vi.waitFor(async () =>
      expect((await outboundOf(hotline, appeal.id)).find((m) => m.text === notice)).toMatchObject({
        deliveryStatus: 'failed',
        deliveryError: expect.stringContaining('opted out'),
      }),
    );
    expect(smsSentTo(fake, phone).filter((body) => body === notice)).toHaveLength(0);
    await notifyCitizens(hotline.deps);
    const [again] = await hotline.database.db.select().from(eventSteps).where(eq(eventSteps.id, step.id));
    expect(again!.citizensNotifiedAt).toEqual(step.citizensNotifiedAt);
    expect(await hotline.database.db.$count(messages, and(eq(messages.appealId, appeal.id), eq(messages.text, notice)))).toBe(1);
  });

  it('asks afresh when a reopened event is closed again', async () => {
    const phone = '+8613955550005';
    const appeal = await textedAppeal(hotline, phone, '公园的健身器材坏了');
    const event = await acceptAsEvent(hotline, appeal.id);
    await closeEvent(hotline, event, '已维修健身器材');
    await untilNotified(hotline, event.id, 'verify_pass');
    expect(await text(hotline, phone, '1')).toContain('很抱歉未能让您满意');
    await step(hotline, 'agent1', event.id, { action: 'reopen', note: '市民反映器材仍不能使用' });
    await closeEvent(hotline, event, '已整体更换健身器材');
    await vi.waitFor(async () => {
      const [after] = await hotline.database.db.select().from(appeals).where(eq(appeals.id, appeal.id));
      expect(after).toMatchObject({ satisfaction: null, ratedAt: null });
      expect(smsSentTo(fake, phone)).toContain(closureNotice(appeal.caseNumber, '已整体更换健身器材'));
    });
    expect(await text(hotline, phone, '5')).toContain('感谢您的评价（5 分）');
    expect((await appealByCase(hotline, appeal.caseNumber)).satisfaction).toBe(5);
  });

  it('keeps a phone call-back recorded before the closure notice went out', async () => {
    const appeal = await textedAppeal(hotline, '+8613955550006', '路口的井盖松动了');
    const event = await acceptAsEvent(hotline, appeal.id);
    await closeEvent(hotline, event, '已固定井盖');
    // Whichever comes first, the agent's call-back or the notifier's survey, the rating stays.
    await step(hotline, 'agent1', event.id, { action: 'callback', appealId: appeal.id, satisfaction: 4 });
    await untilNotified(hotline, event.id, 'verify_pass');
    await notifyCitizens(hotline.deps);
    expect(await appealByCase(hotline, appeal.caseNumber)).toMatchObject({ satisfaction: 4, ratedVia: 'phone', surveyAskedAt: expect.any(Date) });
  });

  it('a web visitor’s notice reaches only their own session', async () => {
    const web = await submitWebAppeal(hotline, { text: '人行道上的地砖翘起来了' });
    const other = sessionCookie(
      await hotline.request('/api/public/chat/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: '我想咨询一下' }),
      }),
    );
    const appeal = await appealByCase(hotline, web.body.caseNumber!);
    const event = await acceptAsEvent(hotline, appeal.id);
    await untilNotified(hotline, event.id, 'dispatch');
    const lines = async (cookie: string) => (await (await hotline.request('/api/public/chat', { cookie })).json()).lines.map((l: { text: string }) => l.text);
    await vi.waitFor(async () => expect(await lines(web.cookie)).toContain(dispatchNotice(appeal.caseNumber, event.timeLimitAt)));
    expect((await lines(other)).join('\n')).not.toContain(appeal.caseNumber);
  });
});
