import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppealDetail, AppealPage } from '@hotline/backend/api-types';
import { screenshots, useBrowserHotline } from './harness.ts';

/**
 * The seat agent and the supervisor, end to end with real SMS: an agent goes 在线 and is routed a
 * text as it arrives; notes, replies (captured by the fake Twilio), accepts it as an event; the
 * supervisor's wall moves with every step; a second agent loses the race for the next text and is
 * told who has it.
 */

const { hotline, logInAgent, sendSms, textAppeal: textFrom, twilio } = useBrowserHotline({ twilio: true, env: { ROUTING_MODE: 'auto' } });

/** The README shows these two: copied next to it as well as kept with the test results. */
const docsScreenshots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

const PHONE = '+8613912345678';

const queueRow = (page: Page, caseNumber: string) => page.getByTestId('queue-row').filter({ hasText: caseNumber });

/** What a channel tile of the wall says now. */
async function tile(page: Page, channel: 'sms' | 'voice' | 'wechat' | 'web') {
  const element = page.getByTestId(`wall-tile-${channel}`);
  const read = async (name: string) => Number(await element.getAttribute(name));
  return { waiting: await read('data-waiting'), inProgress: await read('data-in-progress'), answered: await read('data-answered') };
}

/** The test citizen files (or adds to) an appeal by SMS. */
const textAppeal = (body: string) => textFrom(PHONE, body);

async function appealByCaseNumber(caseNumber: string): Promise<AppealDetail> {
  const cookie = await hotline().loginAs('admin');
  for (const status of ['pending', 'accepted', 'answered', 'rejected', 'merged'] as const) {
    const page = (await (await hotline().request(`/api/appeals?status=${status}&page=1&pageSize=100`, { cookie })).json()) as AppealPage;
    const found = page.items.find((item) => item.caseNumber === caseNumber);
    if (found) return (await (await hotline().request(`/api/appeals/${found.id}`, { cookie })).json()) as AppealDetail;
  }
  throw new Error(`no appeal ${caseNumber}`);
}

/** The wall is pushed at most every 2 s (and refetched every 15 s): give it time. */
const WALL = { timeout: 20_000, interval: 250 };

/** Clicks somewhere neutral, so the next key press is a shortcut and not typing. */
const unfocus = (page: Page) => page.locator('.conversation h3').click();

describe('seat agent and supervisor wall', () => {
  it('routes a text to an available agent, who notes, replies, accepts it as an event; the wall follows; a second agent loses the race', async () => {
    // The supervisor lands on the wall.
    const supervisor = await logInAgent('supervisor');
    await supervisor.getByTestId('wall-screen').waitFor();
    expect(new URL(supervisor.url()).pathname).toBe('/console/');
    await supervisor.getByTestId('wall-tile-sms').waitFor();
    const before = await tile(supervisor, 'sms');

    // A first console makes an agent 在线; the agent steps away, then comes back, with an empty load.
    const agent = await logInAgent('agent1');
    await agent.locator('[data-testid="presence"][data-status="available"]').waitFor();
    await agent.getByLabel('我的状态').selectOption({ label: '离开' });
    await agent.locator('[data-testid="presence"][data-status="away"]').waitFor();
    await supervisor.locator('[data-testid="agent-row"][data-agent="坐席 李娜"][data-status="away"]').waitFor();
    await agent.getByLabel('我的状态').selectOption({ label: '在线' });
    await agent.locator('[data-testid="presence"][data-status="available"]').waitFor();
    expect(await agent.getByTestId('presence-load').innerText()).toBe('会话 0/4 · 通话 0/1');
    await supervisor.locator('[data-testid="agent-counts"] [data-status="available"][data-count="1"]').waitFor();
    await supervisor.locator('[data-testid="agent-row"][data-agent="坐席 李娜"][data-status="available"]').waitFor();

    // A text arrives and is routed to the agent at once: highlighted, in 我的, counted in the load.
    const first = await textAppeal('您好，青禾区湖滨路18号门口的下水道井盖丢了，晚上路过很危险，请尽快处理。');
    const row = queueRow(agent, first);
    await row.waitFor();
    await row.getByTestId('assigned-badge').filter({ hasText: '新分配给您' }).waitFor();
    await agent.getByTestId('assigned-banner').waitFor();
    await agent.getByTestId('presence-load').filter({ hasText: '会话 1/4' }).waitFor();
    await agent.getByRole('tab', { name: /我的/ }).click();
    await row.getByRole('link').click();
    const view = agent.getByTestId('appeal-view');
    await view.getByRole('heading', { name: first }).waitFor();
    await view.getByTestId('holder').filter({ hasText: '我处理中' }).waitFor();
    await view.getByTestId('message').filter({ hasText: '井盖丢了' }).waitFor();
    await row.getByTestId('assigned-badge').waitFor({ state: 'detached' }); // opened: no longer new
    await expect.poll(async () => (await tile(supervisor, 'sms')).inProgress, WALL).toBe(before.inProgress + 1);

    // n: a private note for colleagues, shown in the thread and never sent.
    await unfocus(agent);
    await agent.keyboard.press('n');
    const note = '市民称井盖缺失已两天，附近有小学，建议优先派单。';
    await agent.getByLabel('内部备注', { exact: true }).fill(note);
    await agent.getByLabel('内部备注', { exact: true }).press('Control+Enter');
    await view.getByTestId('note').filter({ hasText: note }).filter({ hasText: '内部备注，市民不可见' }).waitFor();

    // /: the knowledge base, searched and inserted into the reply.
    await unfocus(agent);
    await agent.keyboard.press('/');
    const search = agent.getByRole('searchbox', { name: '搜索知识库' });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.fill('井盖');
    const article = view.getByTestId('article').filter({ hasText: '井盖缺失报修' });
    await article.getByRole('button', { name: '插入回复' }).click();
    const replyBox = agent.getByLabel('回复市民');
    await expect.poll(() => replyBox.inputValue()).toContain('井盖缺失属安全隐患');

    // The reply: a canned reply, then the agent's own words; the fake Twilio receives the SMS.
    await replyBox.fill('');
    await view.getByRole('button', { name: /常用语/ }).click();
    await agent.getByRole('menuitem', { name: /已记录/ }).click();
    await expect.poll(() => replyBox.inputValue()).toContain('您反映的情况我们已详细记录');
    await replyBox.press('End');
    await replyBox.pressSequentially('我们将尽快安排人员处置。');
    const reply = await replyBox.inputValue();
    await replyBox.press('Control+Enter');
    await view.getByTestId('message').filter({ hasText: '我们将尽快安排人员处置' }).waitFor();
    const sent = await twilio().waitFor((r) => r.form?.get('To') === PHONE && r.form?.get('Body') === reply, 10_000);
    expect(sent.url).toMatch(/\/Messages\.json$/);
    await expect.poll(async () => (await tile(supervisor, 'sms')).answered, WALL).toBe(before.answered + 1);

    // The workspace as the agent sees it: 我的, the thread with the note and the reply, the place on the map.
    await view.getByRole('tab', { name: /位置·历史/ }).click();
    await view.getByTestId('appeal-map').locator('[data-testid="map-marker"]').waitFor();
    expect(await view.getByTestId('appeal-map').getAttribute('data-grid-code')).not.toBe('');
    await agent.screenshot({ path: `${screenshots}agent-workspace.png` });

    // a: 受理为事件, pre-filled; the agent picks the lead department and a co-department; Enter confirms.
    await unfocus(agent);
    await agent.keyboard.press('a');
    const accept = agent.getByRole('dialog', { name: /受理为事件/ });
    await accept.waitFor();
    await expect.poll(() => accept.getByTestId('event-lead').inputValue(), { timeout: 10_000 }).not.toBe('');
    expect(await accept.getByTestId('event-category').inputValue()).not.toBe('');
    expect(await accept.getByTestId('event-time-limit').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await accept.getByTestId('event-lead').selectOption({ label: '城市管理局' });
    await accept.getByRole('checkbox', { name: '东湖街道联动分中心' }).check();
    await accept.getByTestId('event-lead').focus();
    await agent.screenshot({ path: `${screenshots}agent-accept-dialog.png` });
    await agent.keyboard.press('Enter');
    await accept.waitFor({ state: 'hidden' });
    const eventPanel = view.getByTestId('event-panel');
    await eventPanel.filter({ hasText: '主办：城市管理局' }).waitFor();
    expect(await eventPanel.innerText()).toContain('协办：东湖街道联动分中心');
    expect(await view.locator('.appeal-title-row').innerText()).toContain('已受理');
    const accepted = await appealByCaseNumber(first);
    expect(accepted.status).toBe('accepted');
    expect(accepted.event).toMatchObject({ leadDepartmentCode: 'urban', coDepartmentCodes: ['sc-donghu'] });
    await expect.poll(async () => (await tile(supervisor, 'sms')).inProgress, WALL).toBe(before.inProgress);
    expect((await tile(supervisor, 'sms')).answered).toBe(before.answered + 1);
    await agent.getByTestId('presence-load').filter({ hasText: '会话 0/4' }).waitFor();

    await agent.screenshot({ path: `${screenshots}agent-event-accepted.png` });

    // Both agents are 忙碌 / 离开: the citizen's next text waits, unassigned, on the wall.
    await agent.getByLabel('我的状态').selectOption({ label: '忙碌' });
    await agent.locator('[data-testid="presence"][data-status="busy"]').waitFor();
    const agent2 = await logInAgent('agent2');
    await agent2.locator('[data-testid="presence"][data-status="available"]').waitFor();
    await agent2.getByLabel('我的状态').selectOption({ label: '离开' });
    await agent2.locator('[data-testid="presence"][data-status="away"]').waitFor();
    await supervisor.locator('[data-testid="agent-counts"] [data-status="available"][data-count="0"]').waitFor();
    const second = await textAppeal('还有，湖滨路18号对面的路灯也不亮了。');
    await expect.poll(async () => (await tile(supervisor, 'sms')).waiting, WALL).toBe(before.waiting + 1);

    // Two agents go for it; agent2's claim reaches the server second and is told who has it.
    await queueRow(agent2, second).getByRole('link').click();
    const view2 = agent2.getByTestId('appeal-view');
    await view2.getByRole('heading', { name: second }).waitFor();
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await agent2.route('**/api/appeals/*/claim', async (route) => {
      await held;
      await route.continue();
    });
    await view2.getByTestId('claim').click();

    await agent.getByRole('tab', { name: /待受理/ }).click();
    await queueRow(agent, second)
      .getByRole('button', { name: `领取案件 ${second}` })
      .click();
    await queueRow(agent, second).filter({ hasText: '我处理中' }).waitFor();
    release();
    await view2.getByTestId('claim-failed').filter({ hasText: '由 坐席 李娜 处理中' }).waitFor();
    await view2.getByTestId('holder').filter({ hasText: '由 坐席 李娜 处理中' }).waitFor();
    expect(await view2.getByTestId('claim').count()).toBe(0);
    expect((await appealByCaseNumber(second)).assignee?.displayName).toBe('坐席 李娜');
    await agent2.screenshot({ path: `${screenshots}agent-claim-conflict.png` });
    await expect
      .poll(async () => tile(supervisor, 'sms'), WALL)
      .toEqual({ waiting: before.waiting, inProgress: before.inProgress + 1, answered: before.answered + 1 });

    // The same phone is one contact: the second appeal shows the first in its history.
    await queueRow(agent, second).getByRole('link').click();
    await view.getByRole('heading', { name: second }).waitFor();
    await view.getByRole('tab', { name: /位置·历史/ }).click();
    await view.getByTestId('history-item').filter({ hasText: first }).waitFor();

    // The wall: the agent's held appeal with 改派/接管.
    await supervisor
      .locator('[data-testid="agent-row"][data-agent="坐席 李娜"]')
      .getByRole('button', { name: `改派或接管案件 ${second}` })
      .waitFor();

    // 改派 from the wall: the supervisor hands the appeal to agent2 with a note; agent2 is told
    // (我的, 我处理中) and reads the note in the thread.
    await supervisor.getByRole('button', { name: `改派或接管案件 ${second}` }).click();
    const transfer = supervisor.getByRole('dialog', { name: /转派诉求/ });
    await transfer.waitFor();
    expect(await transfer.innerText()).toContain('当前处理人：坐席 李娜');
    const target = transfer.getByTestId('transfer-target');
    await target.locator('option', { hasText: '坐席 张伟' }).waitFor({ state: 'attached' });
    await target.selectOption((await target.locator('option', { hasText: '坐席 张伟' }).getAttribute('value'))!);
    const handover = '李娜今日班次已满，转张伟跟进路灯报修。';
    await transfer.getByLabel(/转派说明/).fill(handover);
    await transfer.getByRole('button', { name: '确认转派' }).click();
    await transfer.waitFor({ state: 'hidden' });
    await supervisor
      .locator('[data-testid="agent-row"][data-agent="坐席 张伟"]')
      .getByRole('button', { name: `改派或接管案件 ${second}` })
      .waitFor();
    await view2.getByTestId('holder').filter({ hasText: '我处理中' }).waitFor();
    await view2.getByTestId('note').filter({ hasText: handover }).waitFor();
    await agent2.getByRole('tab', { name: /我的/ }).filter({ hasText: '1' }).waitFor();
    await queueRow(agent, second).filter({ hasText: '坐席 张伟' }).waitFor();

    // d: 直接答复 — the answer goes out by SMS and the appeal closes as answered.
    await unfocus(agent2);
    await agent2.keyboard.press('d');
    const answerDialog = agent2.getByRole('dialog', { name: /直接答复并办结/ });
    await answerDialog.waitFor();
    expect(await answerDialog.innerText()).toContain('未被识别为咨询类');
    const answer = '您好，对面路灯已列入今晚的维修计划，预计明早前恢复照明。';
    await answerDialog.getByLabel('答复内容').fill(answer);
    await answerDialog.getByRole('button', { name: '发送并办结' }).click();
    await answerDialog.waitFor({ state: 'hidden' });
    await view2.locator('.appeal-title-row').getByText('已直接答复').waitFor();
    await twilio().waitFor((r) => r.form?.get('To') === PHONE && r.form?.get('Body') === answer, 10_000);
    expect((await appealByCaseNumber(second)).status).toBe('answered');
    await expect.poll(async () => (await tile(supervisor, 'sms')).inProgress, WALL).toBe(before.inProgress);

    // An emergency from another phone waits with nobody available: a critical warning on the wall.
    const emergency = await (async () => {
      const res = await sendSms('+8613700001111', '湖滨社区5栋着火了，有老人被困在楼上！');
      return /案件流水号 (\d{14,})/.exec(await res.text())![1]!;
    })();
    const warning = supervisor.getByTestId('warning').filter({ hasText: emergency });
    await warning.waitFor({ timeout: 20_000 });
    expect(await warning.getAttribute('data-kind')).toBe('emergency');

    // The supervisor changes an agent's presence from the wall.
    await supervisor.getByLabel('坐席 陈静 的状态').selectOption({ label: '离开' });
    await supervisor.locator('[data-testid="agent-row"][data-agent="坐席 陈静"][data-status="away"]').waitFor({ timeout: 20_000 });

    // The wall of the day: counters, agents, the warning, intake, categories and the heat map.
    await expect
      .poll(async () => Number(await supervisor.getByTestId('intake-chart').getAttribute('data-total')), { timeout: 30_000, interval: 500 })
      .toBeGreaterThanOrEqual(3);
    await supervisor.getByTestId('heat-map').waitFor();
    await supervisor.screenshot({ path: `${screenshots}supervisor-wall.png` });

    // The warning links to its appeal, opened in the workbench.
    await warning.getByRole('link', { name: emergency }).click();
    await supervisor.getByTestId('appeal-view').getByRole('heading', { name: emergency }).waitFor();
    expect(new URL(supervisor.url()).pathname).toMatch(/^\/console\/appeals\/[0-9a-f-]{36}$/);
    await supervisor.getByRole('link', { name: '值班大屏' }).click();
    await supervisor.getByTestId('wall-screen').waitFor();

    // The shortcuts, from the one table, in the help overlay.
    await unfocus(agent2);
    await agent2.keyboard.press('?');
    const help = agent2.getByRole('dialog', { name: '键盘快捷键' });
    await help.waitFor();
    for (const action of ['领取', '转派', '内部备注', '知识库', '直接答复', '受理为事件']) expect(await help.innerText()).toContain(action);
    await agent2.keyboard.press('Escape');

    // The wall reads in English too.
    await supervisor.getByRole('button', { name: 'English' }).click();
    await supervisor.getByRole('heading', { name: 'Supervisor wall' }).waitFor();
    await supervisor.getByTestId('wall-tile-sms').getByText('Answered today').waitFor();
    await supervisor.screenshot({ path: `${screenshots}supervisor-wall-en.png` });
    await supervisor.getByRole('button', { name: '中文' }).click();

    // The README's copies change only when asked (UPDATE_SCREENSHOTS=1 npm test), so a test run leaves the tree clean.
    if (process.env.UPDATE_SCREENSHOTS) {
      await mkdir(docsScreenshots, { recursive: true });
      await copyFile(`${screenshots}agent-workspace.png`, `${docsScreenshots}agent-workspace.png`);
      await copyFile(`${screenshots}supervisor-wall.png`, `${docsScreenshots}supervisor-wall.png`);
    }
  }, 180_000);
});
