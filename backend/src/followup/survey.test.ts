import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../testing/databases.ts';
import { type TestHotline, intakeRowCounts, submitWebAppeal } from '../testing/hotline.ts';
import type { FakeProvider } from '../testing/fake-provider.ts';
import { postTwilio, smsParams, twilioSid } from '../testing/twilio.ts';
import { contentOf, newOpenId, signedQuery, textXml } from '../testing/wechat.ts';
import { acceptAsEvent, appealByCase, caseInTwiml, closeEvent, step, text, textedAppeal, untilNotified } from '../testing/closed-loop.ts';
import { startProviderHotline, smsSentTo } from '../testing/provider-hotline.ts';
import type { DomainEventMap } from '../platform/domain-events/index.ts';
import { type Appeal, appeals } from '../appeals/index.ts';
import type { Event } from '../linkage/index.ts';
import { messages } from '../messaging/index.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('回访: citizens rate a closed event by replying 1–5, on %s', (kind) => {
  let hotline: TestHotline;
  let fake: FakeProvider;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ hotline, fake, close } = await startProviderHotline(kind));
  });
  afterAll(() => close?.());

  const reload = (appeal: Appeal) => appealByCase(hotline, appeal.caseNumber);
  const eventDetail = async (eventId: string) => (await hotline.request(`/api/events/${eventId}`, { cookie: await hotline.loginAs('agent1') })).json();
  const wechat = async (openId: string, content: string) =>
    contentOf(
      await (
        await hotline.request(`/channels/wechat?${signedQuery()}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: textXml(openId, content) })
      ).text(),
    )!;

  /** The event of the appeal, dispatched, handled, reported and verified: the citizens have been asked to rate it. */
  async function closedEvent(appeal: Appeal, result = '已清理完毕'): Promise<Event> {
    const event = await acceptAsEvent(hotline, appeal.id);
    await closeEvent(hotline, event, result);
    await untilNotified(hotline, event.id, 'verify_pass');
    return event;
  }

  it('runs the whole loop from an SMS to a closed event with a 5-star SMS rating', async () => {
    const phone = '+8613977770001';
    const changes: DomainEventMap['event.changed'][] = [];
    const off = hotline.deps.domainEvents.on('event.changed', (change) => changes.push(change));

    // The citizen texts; the agent accepts it as an event led by 城市管理局, and the citizen hears who handles it.
    const caseNumber = caseInTwiml(await text(hotline, phone, '翠峰路菜场门口占道经营，人车都过不去'))!;
    const appeal = await appealByCase(hotline, caseNumber);
    const event = await acceptAsEvent(hotline, appeal.id);
    await vi.waitFor(() =>
      expect(smsSentTo(fake, phone).some((body) => body.startsWith(`您的诉求（案件号 ${caseNumber}）已受理，派由城市管理局办理`))).toBe(true),
    );

    // The department signs for it and reports back; the center verifies; the citizen is told the result and asked.
    await step(hotline, 'dept-urban', event.id, { action: 'sign' });
    await step(hotline, 'dept-urban', event.id, { action: 'report', note: '已劝离占道摊贩并设置隔离栏' });
    await step(hotline, 'agent1', event.id, { action: 'verify_pass' });
    const closure = `您的诉求（案件号 ${caseNumber}）已办结。处理结果：已劝离占道摊贩并设置隔离栏。请回复数字 1-5 评价：5 非常满意，4 满意，3 基本满意，2 不满意，1 非常不满意。`;
    await vi.waitFor(() => expect(smsSentTo(fake, phone)).toContain(closure));

    // The citizen answers 5: recorded, thanked in the TwiML reply, and no new appeal.
    const before = await intakeRowCounts(hotline);
    const thanks = await text(hotline, phone, '5');
    expect(thanks).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Message>【12345】感谢您的评价（5 分），祝您生活愉快！</Message></Response>');
    const after = await intakeRowCounts(hotline);
    expect(after.appeals).toBe(before.appeals);
    expect(after.messages).toBe(before.messages + 1);
    expect(await reload(appeal)).toMatchObject({ satisfaction: 5, ratedVia: 'sms', ratedAt: expect.any(Date), messageCount: appeal.messageCount + 1 });
    const [answer] = await hotline.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.appealId, appeal.id), eq(messages.direction, 'in'), eq(messages.text, '5')));
    expect(answer).toMatchObject({ conversationId: appeal.conversationId, channel: 'sms' });

    // The event's timeline shows the whole loop, ending with the citizen's callback.
    const detail = await eventDetail(event.id);
    expect(detail.status).toBe('closed');
    expect(detail.steps.map((s: { action: string }) => s.action)).toEqual(['dispatch', 'sign', 'report', 'verify_pass', 'callback']);
    expect(detail.steps.at(-1)).toMatchObject({
      action: 'callback',
      actor: null,
      note: '短信评价 5 分',
      detail: appeal.id,
      fromStatus: 'closed',
      toStatus: 'closed',
      departmentCode: 'urban',
    });
    expect(detail.reporters).toEqual([expect.objectContaining({ appealId: appeal.id, satisfaction: 5, ratedVia: 'sms' })]);
    await vi.waitFor(() => expect(changes.some((c) => c.event.id === event.id && c.step.action === 'callback')).toBe(true));
    off();

    // Anyone holding the case number sees it closed, with the result.
    const tracked = await (await hotline.request(`/api/public/appeals/${caseNumber}`)).json();
    expect(tracked).toMatchObject({
      statusText: '已办结，处理结果：已劝离占道摊贩并设置隔离栏',
      event: { status: 'closed', result: '已劝离占道摊贩并设置隔离栏' },
    });
  });

  it('stores a retried rating SMS once and thanks it the same way', async () => {
    const phone = '+8613977770002';
    const appeal = await textedAppeal(hotline, phone, '小区绿化带里有死树');
    await closedEvent(appeal);
    const params = smsParams(phone, '4分', { MessageSid: twilioSid('SM') });
    const first = await (await postTwilio(hotline, '/channels/twilio/sms', params)).text();
    const counts = await intakeRowCounts(hotline);
    const retry = await (await postTwilio(hotline, '/channels/twilio/sms', params)).text();
    expect(retry).toBe(first);
    expect(first).toContain('感谢您的评价（4 分）');
    expect(await intakeRowCounts(hotline)).toEqual(counts);
    expect((await reload(appeal)).satisfaction).toBe(4);
  });

  it('takes the answer by WeChat with a passive reply, and from the web chat with thanks in the chat', async () => {
    const openId = newOpenId();
    const viaWechat = await appealByCase(hotline, /案件流水号 (\d{14,})/.exec(await wechat(openId, '公交站牌被撞歪了'))![1]!);
    const web = await submitWebAppeal(hotline, { text: '天桥的扶手松动了' });
    const viaWeb = await appealByCase(hotline, web.body.caseNumber!);
    await closedEvent(viaWechat);
    await closedEvent(viaWeb);

    expect(await wechat(openId, '３分')).toBe('感谢您的评价（3 分），祝您生活愉快！');
    expect(await reload(viaWechat)).toMatchObject({ satisfaction: 3, ratedVia: 'wechat' });

    const sent = await hotline.request('/api/public/chat/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '5星', clientMessageId: crypto.randomUUID() }),
      cookie: web.cookie,
    });
    expect(sent.status).toBe(201);
    expect((await sent.json()).line).toMatchObject({ text: '5星', caseNumber: viaWeb.caseNumber });
    expect(await reload(viaWeb)).toMatchObject({ satisfaction: 5, ratedVia: 'web' });
    const chat = (await (await hotline.request('/api/public/chat', { cookie: web.cookie })).json()).lines.map((l: { text: string }) => l.text);
    expect(chat.slice(-2)).toEqual(['5星', '感谢您的评价（5 分），祝您生活愉快！']);
  });

  it('lets the center reopen the event once a citizen rated it 2 or less, and not before', async () => {
    const phone = '+8613977770004';
    const appeal = await textedAppeal(hotline, phone, '路面坑洼，下雨天全是积水');
    const event = await closedEvent(appeal, '已填补坑洼');
    const reopen = () =>
      hotline.request(`/api/events/${event.id}/steps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'reopen', note: '市民不满意' }),
        cookie: agent,
      });
    const agent = await hotline.loginAs('agent1');
    expect((await reopen()).status).toBe(409);
    expect(await text(hotline, phone, '2')).toContain('【12345】感谢您的评价（2 分）。很抱歉未能让您满意');
    expect((await reopen()).status).toBe(200);
    expect((await eventDetail(event.id)).status).toBe('dispatched');
  });

  it("records a merged reporter's rating on their own appeal and as a callback on the event of the case they joined", async () => {
    const root = await textedAppeal(hotline, '+8613977770005', '河道里漂着很多垃圾');
    const duplicate = await textedAppeal(hotline, '+8613977770006', '河里垃圾好多没人捞');
    const merged = await hotline.request(`/api/appeals/${duplicate.id}/merge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ intoId: root.id }),
      cookie: await hotline.loginAs('agent1'),
    });
    expect(merged.status).toBe(200);
    const event = await closedEvent(root, '已打捞河面垃圾');
    expect(await text(hotline, '+8613977770006', '1')).toContain('很抱歉未能让您满意');
    expect(await reload(duplicate)).toMatchObject({ satisfaction: 1, ratedVia: 'sms' });
    expect(await reload(root)).toMatchObject({ satisfaction: null });
    const detail = await eventDetail(event.id);
    expect(detail.steps.at(-1)).toMatchObject({ action: 'callback', note: '短信评价 1 分', detail: duplicate.id });
  });

  it('answers a bare rating about an appeal still being handled without opening one, and a retry the same way', async () => {
    const root = await textedAppeal(hotline, '+8613977770011', '人行道地砖松动绊倒老人');
    const duplicate = await textedAppeal(hotline, '+8613977770012', '人行道砖松了');
    const merged = await hotline.request(`/api/appeals/${duplicate.id}/merge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ intoId: root.id }),
      cookie: await hotline.loginAs('agent1'),
    });
    expect(merged.status).toBe(200);
    const counts = await intakeRowCounts(hotline);
    const params = smsParams('+8613977770012', '5', { MessageSid: twilioSid('SM') });
    const first = await (await postTwilio(hotline, '/channels/twilio/sms', params)).text();
    expect(first).toContain(`您的诉求（案件号 ${duplicate.caseNumber}）正在办理中，办结后再请您评价。`);
    expect(caseInTwiml(first)).toBeUndefined();
    const after = await intakeRowCounts(hotline);
    expect(after).toMatchObject({ appeals: counts.appeals, messages: counts.messages + 1 });
    const kept = await hotline.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.appealId, duplicate.id), eq(messages.text, '5')));
    expect(kept).toHaveLength(1);
    expect(await (await postTwilio(hotline, '/channels/twilio/sms', params)).text()).toBe(first);
    expect(await intakeRowCounts(hotline)).toEqual(after);
    expect(await reload(duplicate)).toMatchObject({ satisfaction: null, status: 'merged' });
  });

  describe('is an ordinary message, filed as such, when nothing waits for an answer', () => {
    it('a digit from a citizen who was never asked opens an appeal', async () => {
      expect(caseInTwiml(await text(hotline, '+8613977770007', '3'))).toBeDefined();
    });

    it('a second answer after the rating is an ordinary message, and the first rating stands', async () => {
      const phone = '+8613977770008';
      const appeal = await textedAppeal(hotline, phone, '垃圾站异味很重');
      await closedEvent(appeal);
      expect(await text(hotline, phone, '5')).toContain('感谢您的评价');
      expect(caseInTwiml(await text(hotline, phone, '1'))).toBeDefined();
      expect((await reload(appeal)).satisfaction).toBe(5);
    });

    it('a survey asked more than 7 days ago is no longer answered', async () => {
      const phone = '+8613977770009';
      const appeal = await textedAppeal(hotline, phone, '路边停车收费不规范');
      await closedEvent(appeal);
      // Eight days pass.
      await hotline.database.db
        .update(appeals)
        .set({ surveyAskedAt: new Date(Date.now() - 8 * 24 * 3600_000) })
        .where(eq(appeals.id, appeal.id));
      expect(caseInTwiml(await text(hotline, phone, '5'))).toBeDefined();
      expect((await reload(appeal)).satisfaction).toBeNull();
    });

    it('a sentence with a digit in it is not a rating', async () => {
      const phone = '+8613977770010';
      const appeal = await textedAppeal(hotline, phone, '广场舞音响太吵');
      await closedEvent(appeal);
      expect(caseInTwiml(await text(hotline, phone, '5分钟前又开始放了'))).toBeDefined();
      expect((await reload(appeal)).satisfaction).toBeNull();
    });
  });
});
