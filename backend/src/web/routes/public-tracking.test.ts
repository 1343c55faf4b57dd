import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, intakeRowCounts } from '../../testing/hotline.ts';
import { callParams, postTwilio, twilioSid } from '../../testing/twilio.ts';
import { contentOf, newOpenId, signedQuery, textXml } from '../../testing/wechat.ts';
import { acceptAsEvent, step, text, textedAppeal } from '../../testing/closed-loop.ts';
import { startProviderHotline } from '../../testing/provider-hotline.ts';
import type { Event } from '../../linkage/index.ts';
import type { Appeal } from '../../appeals/index.ts';
import type { PublicAppeal } from '../../followup/index.ts';
import { citizenTexts, citizenTime } from '../../platform/texts/index.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('public tracking shows the current step of the event on every channel, on %s', (kind) => {
  let hotline: TestHotline;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ hotline, close } = await startProviderHotline(kind));
  });
  afterAll(() => close?.());

  const lookup = async (caseNumber: string): Promise<PublicAppeal> => {
    const res = await hotline.request(`/api/public/appeals/${caseNumber}`);
    expect(res.status).toBe(200);
    return res.json();
  };
  const limit = (event: Event) => `办理时限 ${citizenTime(citizenTexts('zh-CN'), event.timeLimitAt, hotline.deps.config.timezone)}`;
  const bySms = (query: string) => text(hotline, '+8613988880099', query);
  const byWechat = async (query: string) =>
    contentOf(
      await (
        await hotline.request(`/channels/wechat?${signedQuery()}`, {
          method: 'POST',
          headers: { 'content-type': 'text/xml' },
          body: textXml(newOpenId(), query),
        })
      ).text(),
    )!;
  const byVoice = async (caseNumber: string) =>
    (await postTwilio(hotline, '/channels/twilio/voice/lookup', callParams(twilioSid('CA'), '+8613988880098', { Digits: caseNumber }))).text();

  /** Every channel says the same words for the case: the web page's API, SMS, WeChat and the voice menu. */
  async function expectEverywhere(caseNumber: string, words: string) {
    expect((await lookup(caseNumber)).statusText).toBe(words);
    expect(await bySms(`查询 ${caseNumber}`)).toContain(`<Message>【12345】案件 ${caseNumber}：${words}。</Message>`);
    expect(await byWechat(`CX ${caseNumber}`)).toContain(`办理状态：${words}`);
    expect(await byVoice(caseNumber)).toContain(`当前状态：${words}。`);
  }

  let appeal: Appeal;
  let event: Event;

  it('before acceptance: 待受理, no event', async () => {
    appeal = await textedAppeal(hotline, '+8613988880001', '滨江路的共享单车乱停乱放，堵住了盲道');
    expect(await lookup(appeal.caseNumber)).toMatchObject({ status: 'pending', event: null, statusText: '待受理' });
    await expectEverywhere(appeal.caseNumber, '待受理');
  });

  it('dispatched: 已受理待签收 with the lead department and the time limit', async () => {
    event = await acceptAsEvent(hotline, appeal.id);
    const tracked = await lookup(appeal.caseNumber);
    expect(tracked.event).toEqual({
      status: 'dispatched',
      department: { name: '城市管理局', nameEn: 'Urban Management Bureau' },
      timeLimitAt: event.timeLimitAt.toISOString(),
      result: null,
      closedAt: null,
    });
    expect(tracked.progress.map((p) => [p.step, p.note])).toEqual([
      ['received', null],
      ['accepted', null],
      ['dispatched', '城市管理局'],
    ]);
    await expectEverywhere(appeal.caseNumber, `已受理待签收（城市管理局），${limit(event)}`);
  });

  it('signed: 处置中 by the department, still with the time limit', async () => {
    await step(hotline, 'dept-urban', event.id, { action: 'sign' });
    await expectEverywhere(appeal.caseNumber, `处置中（城市管理局），${limit(event)}`);
  });

  it('reported: 已反馈待核查, without the department’s report until it is verified', async () => {
    await step(hotline, 'dept-urban', event.id, { action: 'report', note: '已清理盲道上的单车，通知运营企业加强调度' });
    const tracked = await lookup(appeal.caseNumber);
    expect(tracked).toMatchObject({ statusText: '已反馈待核查', event: { status: 'reported', timeLimitAt: null, result: null } });
    expect(JSON.stringify(tracked)).not.toContain('运营企业');
    await expectEverywhere(appeal.caseNumber, '已反馈待核查');
  });

  it('closed: 已办结 with the result, and no personal data anywhere', async () => {
    await step(hotline, 'agent1', event.id, { action: 'verify_pass' });
    const tracked = await lookup(appeal.caseNumber);
    expect(tracked.event).toMatchObject({
      status: 'closed',
      result: '已清理盲道上的单车，通知运营企业加强调度',
      closedAt: expect.any(String),
      timeLimitAt: null,
    });
    expect(tracked.progress.map((p) => p.step)).toEqual(['received', 'accepted', 'dispatched', 'signed', 'reported', 'closed']);
    const raw = JSON.stringify(tracked);
    for (const secret of ['+8613988880001', '13988880001', '共享单车乱停乱放', 'dept-urban', 'contact']) expect(raw).not.toContain(secret);
    await expectEverywhere(appeal.caseNumber, '已办结，处理结果：已清理盲道上的单车，通知运营企业加强调度');
  });

  it('returned: 已退回重新派遣中, without the department’s reason; then re-dispatched to the new unit', async () => {
    const returned = await textedAppeal(hotline, '+8613988880002', '小区里的化粪池满了往外冒');
    const returnedEvent = await acceptAsEvent(hotline, returned.id);
    await step(hotline, 'dept-urban', returnedEvent.id, { action: 'return', note: '不属于我局职责，建议派水务局' });
    const tracked = await lookup(returned.caseNumber);
    expect(tracked.statusText).toBe('已退回重新派遣中');
    expect(JSON.stringify(tracked)).not.toContain('不属于我局职责');
    await expectEverywhere(returned.caseNumber, '已退回重新派遣中');
    await step(hotline, 'agent1', returnedEvent.id, { action: 'redispatch', leadDepartmentCode: 'water' });
    const again = await lookup(returned.caseNumber);
    expect(again.event).toMatchObject({ status: 'dispatched', department: { name: '水务局' } });
    expect(again.progress.map((p) => [p.step, p.note]).slice(-3)).toEqual([
      ['dispatched', '城市管理局'],
      ['returned', null],
      ['redispatched', '水务局'],
    ]);
    expect(again.statusText).toMatch(/^已受理待签收（水务局），办理时限 /);
  });

  it('cancelled: 已撤销', async () => {
    const cancelled = await textedAppeal(hotline, '+8613988880003', '测试误报：路灯不亮');
    const cancelledEvent = await acceptAsEvent(hotline, cancelled.id);
    await step(hotline, 'supervisor', cancelledEvent.id, { action: 'cancel', note: '市民来电说明为误报' });
    await expectEverywhere(cancelled.caseNumber, '已撤销');
  });

  it("a merged duplicate's own case number tracks the event of the case it joined", async () => {
    const root = await textedAppeal(hotline, '+8613988880004', '菜市场门口的下水道反味');
    const duplicate = await textedAppeal(hotline, '+8613988880005', '菜场门口下水道好臭');
    const merged = await hotline.request(`/api/appeals/${duplicate.id}/merge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ intoId: root.id }),
      cookie: await hotline.loginAs('agent1'),
    });
    expect(merged.status).toBe(200);
    expect((await lookup(duplicate.caseNumber)).statusText).toBe('已并入其他案件办理');
    const rootEvent = await acceptAsEvent(hotline, root.id);
    await step(hotline, 'dept-urban', rootEvent.id, { action: 'sign' });
    const tracked = await lookup(duplicate.caseNumber);
    expect(tracked).toMatchObject({ status: 'merged', event: { status: 'handling' } });
    expect(tracked.progress.map((p) => p.step)).toEqual(['received', 'merged', 'dispatched', 'signed']);
    await expectEverywhere(duplicate.caseNumber, `处置中（城市管理局），${limit(rootEvent)}`);
  });

  it('a progress query files nothing, and an unknown case is said to be unknown', async () => {
    const before = await intakeRowCounts(hotline);
    expect(await bySms('CX 19990101000001')).toContain('【12345】未找到案件 19990101000001，请核对案件流水号后重新发送。');
    expect(await byWechat('查询 19990101000001')).toBe('未找到该案件（流水号 19990101000001），请核对后重新发送。');
    expect(await intakeRowCounts(hotline)).toEqual(before);
  });
});
