import { describe, expect, it } from 'vitest';
import { screenshots, useBrowserHotline } from './harness.ts';

/**
 * The foundation, end to end in a real browser: a citizen files an appeal on the public page, an
 * agent sees it arrive live, replies, and rejects it; the citizen sees both and can look it up.
 */

const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const { hotline: running, openPage, logInAgent } = useBrowserHotline();

describe('citizen page and agent console', () => {
  it('files an appeal that reaches the agent live; the reply and the rejection reach the citizen', async () => {
    const agent = await logInAgent('agent1');
    await agent.getByText('暂无待受理诉求').waitFor();

    // The citizen fills the form and picks a point on the map.
    const citizen = await openPage('/');
    const appealText = '湖滨路18号门前的路灯坏了一个星期，晚上很黑，老人出行不便，请尽快维修。';
    await citizen.getByLabel('诉求内容').fill(appealText);
    await citizen.getByLabel('姓名').fill('张三');
    await citizen.getByLabel('联系电话').fill('13800138000');
    await citizen.getByLabel('详细地址').fill('湖滨路18号');
    const map = citizen.getByRole('img', { name: /网格地图/ });
    const box = (await map.boundingBox())!;
    // A quarter across (东湖街道, east half) and just above the middle (柳岸社区, north half): its 4th grid.
    await map.click({ position: { x: box.width * 0.25, y: box.height * 0.45 } });
    await citizen.getByTestId('map-marker').waitFor();
    expect(await citizen.getByTestId('picked-place').innerText()).toContain('东湖街道 › 柳岸社区 › 柳岸社区第4网格');

    // Photos: a non-image is refused on the page; an image goes along (as multipart).
    const photoInput = citizen.getByLabel('添加照片');
    await photoInput.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
    await citizen.getByRole('alert').filter({ hasText: 'notes.txt' }).waitFor();
    await photoInput.setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await citizen.getByRole('img', { name: 'lamp.png' }).waitFor();

    await citizen.getByRole('button', { name: '提交诉求' }).click();
    const caseNumber = (await citizen.getByTestId('case-number').innerText()).trim();
    expect(caseNumber).toMatch(/^\d{14,}$/);
    await citizen.locator('[data-testid="chat-connection"][data-state="connected"]').waitFor();
    await citizen.getByTestId('chat-line').filter({ hasText: appealText }).waitFor();
    await citizen.screenshot({ path: `${screenshots}citizen-after-submit.png`, fullPage: true });

    // The agent's queue shows it without a reload, in the grid the citizen picked.
    const row = agent.getByTestId('queue-row').filter({ hasText: caseNumber });
    await row.waitFor();
    expect(await row.innerText()).toContain('柳岸社区第4网格');
    await row.getByRole('link').click();
    const view = agent.getByTestId('appeal-view');
    await view.getByRole('heading', { name: caseNumber }).waitFor();
    expect(agent.url()).toMatch(/\/console\/appeals\/[0-9a-f-]{36}$/);
    expect(await view.getByTestId('grid-path').innerText()).toBe('青禾区 › 东湖街道 › 柳岸社区 › 柳岸社区第4网格');
    expect(await view.innerText()).toContain('13800138000');
    // The photo loads from the staff-only attachment URL with the agent's session.
    const photo = view.getByRole('img', { name: 'lamp.png' });
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);

    // A reply (sent with Ctrl+Enter) reaches the citizen's open chat live.
    const reply = '您好，已收到您的诉求，我们已通知路灯管理单位尽快维修。';
    await agent.getByLabel('回复市民').fill(reply);
    await agent.getByLabel('回复市民').press('Control+Enter');
    await view.getByTestId('message').filter({ hasText: reply }).waitFor();
    await row.filter({ hasText: '我处理中' }).waitFor(); // the first reply made agent1 the owner
    await citizen.getByTestId('chat-line').filter({ hasText: reply }).waitFor();
    await agent.screenshot({ path: `${screenshots}agent-appeal-open.png` });

    // 不予受理 with a preset reason plus detail: the row leaves the pending queue.
    await view.getByRole('button', { name: '不予受理', exact: true }).click();
    const dialog = agent.getByRole('dialog', { name: /不予受理/ });
    await dialog.getByRole('button', { name: '重复诉求' }).click();
    const reason = '重复诉求：该路灯已有案件正在维修中';
    await dialog.getByLabel('原因说明').fill(reason);
    await dialog.getByRole('button', { name: '确认不予受理' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await view.getByTestId('appeal-reject-reason').filter({ hasText: reason }).waitFor();
    await row.waitFor({ state: 'detached' });
    await agent.getByText('暂无待受理诉求').waitFor();
    expect(await view.getByRole('button', { name: '受理', exact: true }).isDisabled()).toBe(true);

    // The citizen is told in the chat, and the lookup shows the status and the reason.
    await citizen.getByTestId('chat-line').filter({ hasText: reason }).waitFor();
    await citizen.getByLabel('案件流水号').fill(caseNumber);
    await citizen.getByRole('button', { name: '查询' }).click();
    const result = citizen.getByTestId('lookup-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('不予受理');
    expect(await result.getByTestId('reject-reason').innerText()).toBe(reason);

    // An unknown case number says so plainly.
    await citizen.getByLabel('案件流水号').fill('20990101000999');
    await citizen.getByRole('button', { name: '查询' }).click();
    await citizen.getByRole('alert').filter({ hasText: '未找到该案件' }).waitFor();
  });

  it('works the queue from the keyboard', async () => {
    const agent = await logInAgent('agent2');
    const filed: string[] = [];
    for (const text of ['小区门口的垃圾桶已经三天没人清运了', '请问社区养老服务中心周末开放吗？']) {
      const res = await running().request('/api/public/appeals', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
      expect(res.status).toBe(201);
      filed.push(((await res.json()) as { caseNumber: string }).caseNumber);
    }
    for (const caseNumber of filed) await agent.getByTestId('queue-row').filter({ hasText: caseNumber }).waitFor();

    // ? shows the help; j moves down the queue, Enter opens, a accepts.
    await agent.keyboard.press('?');
    const help = agent.getByRole('dialog', { name: '键盘快捷键' });
    await help.waitFor();
    await agent.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    await agent.locator('body').click({ position: { x: 900, y: 400 } });
    await agent.keyboard.press('j');
    await agent.keyboard.press('j');
    await agent.keyboard.press('k');
    await agent.keyboard.press('Enter');
    const view = agent.getByTestId('appeal-view');
    await view.getByRole('heading', { name: filed[0] }).waitFor();

    // Typing in the reply box is not a shortcut: "a" stays text and accepts nothing.
    await agent.keyboard.press('r');
    await agent.keyboard.type('a');
    expect(await agent.getByLabel('回复市民').inputValue()).toBe('a');
    expect(await view.getByText('待受理', { exact: true }).isVisible()).toBe(true);

    // a opens 受理为事件, pre-filled from NLP and the routing rules; Enter confirms.
    await agent.locator('body').click({ position: { x: 900, y: 400 } });
    await agent.keyboard.press('a');
    const accept = agent.getByRole('dialog', { name: /受理为事件/ });
    await accept.waitFor();
    await expect.poll(() => accept.getByTestId('event-lead').inputValue()).not.toBe('');
    await expect.poll(() => accept.getByTestId('event-category').evaluate((el) => el === document.activeElement)).toBe(true);
    await agent.keyboard.press('Enter');
    await accept.waitFor({ state: 'hidden' });
    await view.getByText('已受理', { exact: true }).first().waitFor();
    await view.getByTestId('event-panel').waitFor();
    await agent.getByTestId('queue-row').filter({ hasText: filed[0] }).waitFor({ state: 'detached' });

    // The server drops the socket (a restart, say): the console reconnects by itself and
    // refetches, so an appeal filed around the outage still shows up.
    running().io.disconnectSockets(true);
    const res = await running().request('/api/public/appeals', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '断线期间提交的诉求：路口红绿灯不亮' }),
    });
    const { caseNumber: duringOutage } = (await res.json()) as { caseNumber: string };
    await agent.locator('[data-testid="live-state"][data-state="live"]').waitFor();
    await agent.getByTestId('queue-row').filter({ hasText: duringOutage }).waitFor();

    // The draft survives a reload, per appeal.
    await agent.reload();
    await agent.getByTestId('appeal-view').getByRole('heading', { name: filed[0] }).waitFor();
    expect(await agent.getByLabel('回复市民').inputValue()).toBe('a');
  });

  it('switches the citizen page to English and remembers the choice', async () => {
    const page = await openPage('/');
    await page.getByRole('heading', { level: 1, name: '12345 市民服务热线' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: '12345 Citizen Hotline' }).waitFor();
    await page.getByLabel('Your appeal').waitFor();
    await page.getByRole('button', { name: 'Submit appeal' }).waitFor();
    await page.getByRole('heading', { name: 'Track a case' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.title()).toBe('12345 Citizen Hotline');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: '12345 Citizen Hotline' }).waitFor();
  });
});
