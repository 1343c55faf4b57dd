import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, useBrowserHotline } from './harness.ts';
import { insertTriagedAppeals } from '../../backend/src/testing/staff.ts';
import { duplicateSuggestions } from '../../backend/src/appeals/index.ts';

/**
 * A new agent's first day (issue 16): the places where the console slowed a real user down or
 * let them do harm — stale duplicate suggestions, emergencies behind the capacity limit, errors
 * in the server's English.
 */

const { hotline, logInAgent } = useBrowserHotline();

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
