import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, useBrowserHotline } from './harness.ts';
import { acceptAsEvent, appealByCase, step } from '../../backend/src/testing/closed-loop.ts';

/**
 * The loop closed with a citizen on the public page: they hear in their chat who handles their
 * appeal and when it is done, track the current step by case number, and rate it in the chat (回访).
 * Staff steps go through the API; the console's own screens have their specs.
 */

const { hotline, openPage } = useBrowserHotline();

async function lookUp(citizen: Page, caseNumber: string) {
  await citizen.getByLabel('案件流水号').fill(caseNumber);
  await citizen.getByRole('button', { name: '查询' }).click();
  const result = citizen.getByTestId('lookup-result').filter({ hasText: caseNumber });
  await result.waitFor();
  return result;
}

describe('a citizen on the web page through the closed loop', () => {
  it('is told of dispatch and closure in the chat, tracks the current step, and rates the result there', async () => {
    const citizen = await openPage('/');
    await citizen.getByLabel('诉求内容').fill('滨湖公园北门的长椅断了一条腿，老人坐上去很危险。');
    await citizen.getByRole('button', { name: '提交诉求' }).click();
    const caseNumber = (await citizen.getByTestId('case-number').innerText()).trim();
    await citizen.locator('[data-testid="chat-connection"][data-state="connected"]').waitFor();

    // Accepted and dispatched: the notice arrives in the open chat without a reload.
    const appeal = await appealByCase(hotline(), caseNumber);
    const event = await acceptAsEvent(hotline(), appeal.id);
    await citizen.getByTestId('chat-line').filter({ hasText: '派由城市管理局办理' }).waitFor();
    const dispatched = await lookUp(citizen, caseNumber);
    expect(await dispatched.getByTestId('current-step').innerText()).toBe('已受理待签收（城市管理局）');
    expect(await dispatched.getByTestId('time-limit').innerText()).toMatch(/\d/);

    await step(hotline(), 'dept-urban', event.id, { action: 'sign' });
    const handling = await lookUp(citizen, caseNumber);
    await expect.poll(() => handling.getByTestId('current-step').innerText()).toBe('处置中（城市管理局）');

    // Closed: the result and the 回访 question in the chat; the citizen answers 5 there.
    await step(hotline(), 'dept-urban', event.id, { action: 'report', note: '已更换长椅并加固底座' });
    await step(hotline(), 'agent1', event.id, { action: 'verify_pass' });
    await citizen.getByTestId('chat-line').filter({ hasText: '处理结果：已更换长椅并加固底座' }).waitFor();
    await citizen.getByLabel('输入消息').fill('5');
    await citizen.getByRole('button', { name: '发送' }).click();
    await citizen.getByTestId('chat-line').filter({ hasText: '感谢您的评价（5 分）' }).waitFor();
    expect((await appealByCase(hotline(), caseNumber)).satisfaction).toBe(5);

    const closed = await lookUp(citizen, caseNumber);
    await expect.poll(() => closed.getByTestId('current-step').innerText()).toBe('已办结');
    expect(await closed.getByTestId('event-result').innerText()).toBe('已更换长椅并加固底座');
    expect(await closed.getByTestId('time-limit').count()).toBe(0);
    expect(await closed.innerText()).toContain('承办单位已签收');
    await citizen.screenshot({ path: `${screenshots}citizen-closed-loop.png`, fullPage: true });
  });
});
