import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppealDetail, AppealPage } from '@hotline/backend/api-types';
import { screenshots, useBrowserHotline } from './harness.ts';

/**
 * NLP in the console, end to end: two citizens report the same broken lamp at the same spot and the
 * agent sees them as one matter, corrects a category, merges; an emergency raises the alert bar
 * live; a supervisor reads the hot words.
 */

const { hotline, logInAgent } = useBrowserHotline();

/** Both citizens picked the same point on the map: 柳岸社区第4网格, 东湖街道. */
const LAMP_POINT = { longitude: 120.115, latitude: 30.236 };

async function fileAppeal(body: { text: string; longitude?: number; latitude?: number }): Promise<string> {
  const res = await hotline().request('/api/public/appeals', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { caseNumber: string }).caseNumber;
}

/** The API's own view of an appeal, to check what the UI shows against what the server decided. */
async function appealByCaseNumber(caseNumber: string): Promise<AppealDetail> {
  const cookie = await hotline().loginAs('admin');
  for (const status of ['pending', 'merged', 'accepted', 'rejected'] as const) {
    const page = (await (await hotline().request(`/api/appeals?status=${status}&page=1&pageSize=100`, { cookie })).json()) as AppealPage;
    const found = page.items.find((item) => item.caseNumber === caseNumber);
    if (found) return (await (await hotline().request(`/api/appeals/${found.id}`, { cookie })).json()) as AppealDetail;
  }
  throw new Error(`no appeal ${caseNumber}`);
}

/** NLP runs after the appeal is stored: wait until it has classified it. */
async function classified(caseNumber: string): Promise<AppealDetail> {
  let detail: AppealDetail | undefined;
  await expect
    .poll(
      async () => {
        detail = await appealByCaseNumber(caseNumber);
        return detail.classification !== null;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return detail!;
}

const queueRow = (page: Page, caseNumber: string) => page.getByTestId('queue-row').filter({ hasText: caseNumber });

/**
 * In the open appeal's NLP panel: `c` focuses the category picker, the agent picks another category
 * and saves; the panel, the queue row and the server all show it, in Chinese and in English.
 */
async function correctCategory(agent: Page, caseNumber: string, before: string | null) {
  const nlp = agent.getByTestId('appeal-view').getByTestId('nlp-panel');
  await agent.locator('body').click({ position: { x: 700, y: 400 } });
  await agent.keyboard.press('c');
  const picker = nlp.getByTestId('category-select');
  expect(await picker.evaluate((el) => el === document.activeElement)).toBe(true);
  const corrected = before === 'sanitation-facilities' ? 'public-utilities' : 'sanitation-facilities';
  const [zhName, enName] = corrected === 'public-utilities' ? ['公用设施', 'Public utilities'] : ['市容环境设施', 'Sanitation facilities'];
  await picker.selectOption(corrected);
  await nlp.getByRole('button', { name: '保存更正' }).click();
  await nlp.getByTestId('nlp-saved').filter({ hasText: '已保存' }).waitFor();
  await nlp.getByTestId('nlp-corrected').waitFor();
  expect(await picker.inputValue()).toBe(corrected);
  const rowCategory = queueRow(agent, caseNumber).getByTestId('row-category');
  await rowCategory.filter({ hasText: zhName }).waitFor();
  expect(await rowCategory.innerText()).not.toContain('待核'); // an agent's category is certain
  const saved = await appealByCaseNumber(caseNumber);
  expect(saved.categoryCode).toBe(corrected);
  expect(saved.classification?.correctedBy).toBeTruthy();
  await nlp.scrollIntoViewIfNeeded();
  await agent.screenshot({ path: `${screenshots}agent-nlp-corrected.png` });

  // In English the category is named in English, in the row and in the picker.
  await agent.getByRole('button', { name: 'English' }).click();
  await rowCategory.filter({ hasText: enName }).waitFor();
  expect(await picker.locator('option:checked').innerText()).toBe(enName);
  await agent.getByRole('button', { name: '中文' }).click();
  await nlp.getByRole('button', { name: '保存更正' }).waitFor();
}

describe('NLP in the agent console', () => {
  it('shows a duplicate report beside the first, takes a category correction, and merges', async () => {
    const agent = await logInAgent('agent1');
    const first = await fileAppeal({ text: '柳岸社区3号楼前的路灯坏了，晚上一片漆黑', ...LAMP_POINT });
    await classified(first);
    const second = await fileAppeal({ text: '柳岸社区3号楼门口路灯不亮了', ...LAMP_POINT });
    const secondDetail = await classified(second);
    const view = agent.getByTestId('appeal-view');

    // The server either suggests the duplicate or, when certain, attaches it at once: either is shown.
    if (secondDetail.status === 'merged') {
      await queueRow(agent, first).getByTestId('reporters-badge').filter({ hasText: '2人反映' }).waitFor();
      await queueRow(agent, first).getByRole('link').click();
      await view.getByTestId('merged-reporters').filter({ hasText: second }).waitFor();
      await agent.screenshot({ path: `${screenshots}agent-nlp-duplicates.png` });
      await correctCategory(agent, first, (await appealByCaseNumber(first)).categoryCode);
      return;
    }
    expect(secondDetail.duplicates.map((d) => d.appeal.caseNumber)).toContain(first);
    await queueRow(agent, second).getByTestId('duplicate-badge').filter({ hasText: '疑似重复 1' }).waitFor();
    // Category codes are shown by name in the queue, never as codes.
    expect(await queueRow(agent, second).getByTestId('row-category').innerText()).toMatch(/[\u4e00-\u9fa5]/);

    await queueRow(agent, second).getByRole('link').click();
    await view.getByRole('heading', { name: second }).waitFor();

    // NLP panel: the model's labels with their confidence, and the note that corrections teach it.
    const nlp = view.getByTestId('nlp-panel');
    await nlp.getByTestId('confidence').first().waitFor();
    expect(await nlp.innerText()).toMatch(/置信度 \d+%/);
    expect(await nlp.innerText()).toContain('更正将用于训练模型');

    // The suggestion, side by side with this appeal, with its evidence.
    const duplicate = view.getByTestId('duplicate').filter({ hasText: first });
    await duplicate.waitFor();
    const evidence = await duplicate.innerText();
    expect(evidence).toMatch(/相似度 \d+%/);
    expect(evidence).toContain('路灯');
    expect(evidence).toMatch(/相距约 \d+ 米|位置相同/);
    await agent.screenshot({ path: `${screenshots}agent-nlp-duplicates.png` });

    await correctCategory(agent, second, secondDetail.categoryCode);

    // `m` focuses the merge button of the first suggestion; Enter opens the confirmation.
    await agent.locator('body').click({ position: { x: 700, y: 400 } });
    await agent.keyboard.press('m');
    await agent.keyboard.press('Enter');
    const dialog = agent.getByRole('dialog', { name: '合并诉求' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(first);
    await dialog.getByRole('button', { name: '确认合并' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Merged: the status says so, the row leaves the pending queue, a link leads to the case kept.
    await view.getByTestId('merged-notice').filter({ hasText: first }).waitFor();
    expect(await view.locator('.appeal-title-row').innerText()).toContain('已合并');
    await queueRow(agent, second).waitFor({ state: 'detached' });
    await view.getByTestId('merged-notice').getByRole('link', { name: first }).click();
    await view.getByRole('heading', { name: first }).waitFor();
    await view.getByTestId('merged-reporters').filter({ hasText: '共 2 位市民反映' }).waitFor();
    expect(await view.getByTestId('merged-reporters').innerText()).toContain(second);
    await queueRow(agent, first).getByTestId('reporters-badge').filter({ hasText: '2人反映' }).waitFor();
    await agent.screenshot({ path: `${screenshots}agent-merged-reporters.png` });
  });

  it('raises the emergency alert bar live and opens the appeal from it', async () => {
    const agent = await logInAgent('agent2');
    const caseNumber = await fileAppeal({ text: '小区3栋着火了，有人被困' });

    const bar = agent.getByRole('alert').filter({ hasText: caseNumber });
    await bar.waitFor();
    const text = await bar.innerText();
    expect(text).toContain('特急');
    expect(text).toContain('着火');
    await queueRow(agent, caseNumber).locator('.urgency-emergency').filter({ hasText: '特急' }).waitFor();
    await agent.screenshot({ path: `${screenshots}agent-emergency-alert.png` });

    await bar.getByRole('button', { name: '立即查看' }).click();
    await agent.getByTestId('appeal-view').getByRole('heading', { name: caseNumber }).waitFor();
    await bar.waitFor({ state: 'detached' });
  });

  it('shows supervisors the hot words and hot issues; agents do not get the screen', async () => {
    const agent = await logInAgent('agent3');
    expect(await agent.getByRole('link', { name: '热点分析' }).count()).toBe(0);

    const supervisor = await logInAgent('supervisor');
    await supervisor.getByRole('link', { name: '热点分析' }).click();
    expect(supervisor.url()).toMatch(/\/console\/hot$/);
    const screen = supervisor.getByTestId('hot-screen');
    const lamp = screen.getByTestId('hot-term').filter({ hasText: '路灯' }).first();
    await lamp.waitFor();
    expect(await screen.getByRole('button', { name: '今日' }).getAttribute('aria-pressed')).toBe('true');
    // Each word says how it moved since the same time yesterday (nothing was filed yesterday: new).
    expect(await lamp.getByTestId('hot-trend').getAttribute('data-trend')).toBe('new');
    expect(await lamp.getByTestId('hot-trend').getAttribute('aria-label')).toContain('新出现');

    // The week and one street: still the lamp, in 东湖街道.
    await screen.getByRole('button', { name: '本周' }).click();
    await screen.getByLabel('街道').selectOption({ label: '东湖街道' });
    await screen.getByTestId('hot-term').filter({ hasText: '路灯' }).first().waitFor();
    const issues = screen.getByTestId('hot-issues');
    if (await issues.count()) expect(await issues.innerText()).toContain('东湖街道');
    await supervisor.screenshot({ path: `${screenshots}supervisor-hot-words.png` });

    // Another street has nothing about lamps; an empty report says so.
    await screen.getByLabel('街道').selectOption({ label: '南桥镇' });
    await screen.getByText('暂无数据').first().waitFor();

    // Back to the workbench, and the queue is there.
    await supervisor.getByRole('link', { name: '受理工作台' }).click();
    await supervisor.getByTestId('queue-list').waitFor();
  });
});
