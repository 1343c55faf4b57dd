import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, useBrowserHotline } from './harness.ts';
import { insertTriagedAppeals } from '../../backend/src/testing/staff.ts';
import { duplicateSuggestions } from '../../backend/src/appeals/index.ts';
import type { EventDraft } from '@hotline/backend/api-types';
import { toZoneInput } from '../src/shared/hotline-zone.ts';
import { TWILIO } from '../../backend/src/testing/twilio.ts';
import { appealByCase } from '../../backend/src/testing/closed-loop.ts';

/**
 * A new agent's first day (issue 16): the places where the console slowed a real user down or
 * let them do harm — stale duplicate suggestions, emergencies behind the capacity limit, errors
 * in the server's English.
 */

// SMS goes to a Twilio nobody answers (a closed port): every reply fails as an unreachable provider would.
const { hotline, logInAgent, openPage } = useBrowserHotline({
  env: {
    TWILIO_ACCOUNT_SID: TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: TWILIO.authToken,
    TWILIO_PHONE_NUMBER: TWILIO.phoneNumber,
    TWILIO_API_BASE: 'http://127.0.0.1:9',
  },
});

const queueRow = (page: Page, caseNumber: string) => page.getByTestId('queue-row').filter({ hasText: caseNumber });
const send = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function openAppeal(agent: Page, caseNumber: string) {
  await queueRow(agent, caseNumber).getByRole('link').click();
  const view = agent.getByTestId('appeal-view');
  await view.getByRole('heading', { name: caseNumber }).waitFor();
  return view;
}

describe('duplicate suggestions stay true', () => {
  it('drop a suggestion live when the other appeal is merged or rejected, with the card and the panel agreeing', async () => {
    const { db } = hotline().database;
    const [first, ...later] = await insertTriagedAppeals(hotline(), [
      { channel: 'web', summary: '湖滨路与柳岸街路口塌陷一个大坑' },
      { channel: 'sms', summary: '柳岸街口有个大坑' },
      { channel: 'wechat', summary: '湖滨路路口路面塌了' },
      { channel: 'web', summary: '路口塌陷，车过不去' },
    ]);
    await db.insert(duplicateSuggestions).values(
      later.map((other, i) => ({
        appealId: other!.id,
        candidateId: first!.id,
        score: 0.7 - i * 0.05,
        decision: 'suggest' as const,
        evidence: { sharedTerms: ['塌陷'], distanceMeters: null, minutesApart: 1, textSimilarity: 0.6, sameCategory: true },
      })),
    );
    const agent = await logInAgent('agent1');
    const view = await openAppeal(agent, first!.caseNumber);
    const panel = view.getByTestId('duplicates');
    await expect.poll(() => panel.getByTestId('duplicate').count()).toBe(3);
    await queueRow(agent, first!.caseNumber).getByTestId('duplicate-badge').filter({ hasText: '疑似重复 3' }).waitFor();

    // Another agent merges one into the first report and rejects another: the open view follows.
    const cookie = await hotline().loginAs('agent2');
    expect((await hotline().request(`/api/appeals/${later[0]!.id}/merge`, { ...send({ intoId: first!.id }), cookie })).status).toBe(200);
    expect((await hotline().request(`/api/appeals/${later[1]!.id}/reject`, { ...send({ reason: '重复来电' }), cookie })).status).toBe(200);
    await expect.poll(() => panel.getByTestId('duplicate').count()).toBe(1);
    expect(await panel.getByTestId('duplicate').getAttribute('data-case-number')).toBe(later[2]!.caseNumber);
    await view.getByTestId('duplicate-badge').filter({ hasText: '疑似重复 1' }).waitFor();
    await queueRow(agent, first!.caseNumber).getByTestId('duplicate-badge').filter({ hasText: '疑似重复 1' }).waitFor();
  });
});

describe('an emergency behind the capacity limit', () => {
  it('says the real reason a claim failed, lets the notice go, and lets the agent take a 特急 appeal over the limit', async () => {
    const held = await insertTriagedAppeals(
      hotline(),
      Array.from({ length: 4 }, (_, i) => ({ channel: 'web' as const, summary: `手头的诉求 ${i + 1}` })),
    );
    const cookie = await hotline().loginAs('agent3');
    for (const appeal of held) expect((await hotline().request(`/api/appeals/${appeal.id}/claim`, { method: 'POST', cookie })).status).toBe(200);
    const [normal, emergency] = await insertTriagedAppeals(hotline(), [
      { channel: 'sms', summary: '小区门口垃圾没人清' },
      { channel: 'web', summary: '湖滨路路面塌陷，有人掉下去受伤了', urgency: 'emergency' },
    ]);
    const agent = await logInAgent('agent3');
    await agent.getByRole('tab', { name: /待受理/ }).click();

    await queueRow(agent, normal!.caseNumber)
      .getByRole('button', { name: `领取案件 ${normal!.caseNumber}` })
      .click();
    const notice = agent.getByTestId('queue-claim-failed');
    await notice.filter({ hasText: `领取案件 ${normal!.caseNumber} 失败：您手头已有 4 件文字诉求，已达上限 4` }).waitFor();
    expect(await notice.innerText()).not.toContain('已被他人领取');
    await agent.screenshot({ path: `${screenshots}agent-claim-capacity.png` });
    // The notice fades by itself instead of staying pinned for the rest of the shift.
    await notice.waitFor({ state: 'detached', timeout: 30_000 });

    await queueRow(agent, emergency!.caseNumber)
      .getByRole('button', { name: `领取案件 ${emergency!.caseNumber}` })
      .click();
    await queueRow(agent, emergency!.caseNumber).filter({ hasText: '我处理中' }).waitFor();
    expect(await notice.count()).toBe(0);
  });
});

describe('dates on the hotline’s clock', () => {
  it('shows the accept dialog’s time limit in Beijing time and the UI language on a browser set to another zone and locale', async () => {
    const [appeal] = await insertTriagedAppeals(hotline(), [{ channel: 'web', summary: '东湖公园门口的井盖松动了', categoryCode: null }]);
    const agent = await logInAgent('agent2', { locale: 'en-US', timezoneId: 'America/Los_Angeles' });
    await agent.getByRole('tab', { name: /待受理/ }).click();
    const view = await openAppeal(agent, appeal!.caseNumber);
    await view.locator('h2').first().click();
    await agent.keyboard.press('a');
    const accept = agent.getByRole('dialog', { name: /受理为事件/ });
    await accept.waitFor();
    const cookie = await hotline().loginAs('agent2');
    const draft = (await (await hotline().request(`/api/appeals/${appeal!.id}/event-draft`, { cookie })).json()) as EventDraft;
    const field = accept.getByTestId('event-time-limit');
    await expect.poll(() => field.inputValue()).toBe(toZoneInput(draft.timeLimitAt, 'Asia/Shanghai'));
    const preview = await accept.getByTestId('time-zone-preview').innerText();
    expect(preview).toMatch(/^北京时间 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
    expect(preview).not.toMatch(/AM|PM|Asia\/Shanghai/);
    await agent.screenshot({ path: `${screenshots}agent-accept-beijing-time.png` });
  });
});

describe('a message the citizen did not get', () => {
  it('says in plain words what happened and when the system tries again, with the raw error behind a toggle', async () => {
    const [appeal] = await insertTriagedAppeals(hotline(), [{ channel: 'sms', summary: '小区二次供水水压太低' }]);
    const cookie = await hotline().loginAs('agent1');
    const reply = await hotline().request(`/api/appeals/${appeal!.id}/replies`, { ...send({ text: '您好，已转供水公司核查。' }), cookie });
    expect(reply.status).toBe(201);
    const agent = await logInAgent('agent1');
    const view = await openAppeal(agent, appeal!.caseNumber);
    const failure = view.getByTestId('delivery-failure');
    await failure.waitFor();
    expect(await failure.locator('p').innerText()).toMatch(/^短信发送失败：无法连接短信服务。 ?系统将于 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 自动重试。$/);
    expect(await failure.locator('summary').innerText()).toBe('技术详情');
    await failure.locator('summary').click();
    expect(await failure.locator('code').innerText()).toMatch(/ECONNREFUSED|fetch failed/);
    await agent.screenshot({ path: `${screenshots}agent-delivery-failure.png` });
  });
});

describe('a citizen watching their case', () => {
  it('sees the lookup result change by itself when the case moves on', async () => {
    const filed = await hotline().request('/api/public/appeals', { ...send({ text: '幸福里小区门口的路灯一直不亮，晚上很黑。' }) });
    expect(filed.status).toBe(201);
    const { caseNumber } = (await filed.json()) as { caseNumber: string };
    const citizen = await openPage('/');
    await citizen.getByLabel('案件流水号').fill(caseNumber);
    await citizen.getByRole('button', { name: '查询' }).click();
    const result = citizen.getByTestId('lookup-result');
    await result.filter({ hasText: '待受理' }).waitFor();

    const appeal = await appealByCase(hotline(), caseNumber);
    const cookie = await hotline().loginAs('agent1');
    expect((await hotline().request(`/api/appeals/${appeal.id}/reject`, { ...send({ reason: '不属于热线受理范围' }), cookie })).status).toBe(200);
    // No new search: the open result follows within one refresh.
    await result.getByTestId('reject-reason').filter({ hasText: '不属于热线受理范围' }).waitFor({ timeout: 25_000 });
  });
});
