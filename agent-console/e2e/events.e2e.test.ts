import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppealPage, AppealSummary, EventDetail } from '@hotline/backend/api-types';
import { screenshots, useBrowserHotline } from './harness.ts';

/**
 * The closed loop in the console, end to end from a real SMS: agent1 accepts it as an event for
 * 城市管理局; the department's handler, already logged in, sees it arrive in 待签收, signs for it
 * (key S) and reports back with a photo; agent1 opens 事件督办 → 待核查 and passes the check; the
 * handler's worklist follows every step live.
 */

const { hotline, logInAgent, textAppeal: textFrom } = useBrowserHotline({ twilio: true });

const PHONE = '+8613800005555';
/** A 1×1 PNG: the report's site photo. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const eventRow = (page: Page, caseNumber: string) => page.getByTestId('event-row').filter({ hasText: caseNumber });
const tab = (page: Page, name: RegExp) => page.getByRole('tab', { name });

/** Clicks somewhere neutral, so the next key press is a shortcut and not typing. */
const unfocus = (page: Page) => page.getByTestId('event-view').locator('h2').click();

/** The test citizen files (or adds to) an appeal by SMS. */
const textAppeal = (body: string) => textFrom(PHONE, body);

/** agent1 takes the appeal and accepts it as an event led by 城市管理局 (set up through the API). */
async function acceptForUrban(caseNumber: string): Promise<string> {
  const cookie = await hotline().loginAs('agent1');
  const pending = (await (await hotline().request('/api/appeals?status=pending&page=1&pageSize=100', { cookie })).json()) as AppealPage;
  const appeal = pending.items.find((item) => item.caseNumber === caseNumber);
  expect(appeal).toBeTruthy();
  expect((await hotline().request(`/api/appeals/${appeal!.id}/claim`, { method: 'POST', cookie })).status).toBe(200);
  const form = {
    categoryCode: 'city-appearance',
    urgency: 'normal',
    address: '青禾区湖滨路18号',
    leadDepartmentCode: 'urban',
    coDepartmentCodes: ['sc-donghu'],
    timeLimitAt: new Date(Date.now() + 3 * 24 * 3_600_000).toISOString(),
  };
  const res = await hotline().request(`/api/appeals/${appeal!.id}/accept`, {
    method: 'POST',
    cookie,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(form),
  });
  expect(res.status).toBe(200);
  expect(((await res.json()) as AppealSummary).status).toBe('accepted');
  return appeal!.id;
}

async function eventOf(caseNumber: string): Promise<EventDetail> {
  const cookie = await hotline().loginAs('admin');
  const page = (await (await hotline().request(`/api/events?q=${caseNumber}`, { cookie })).json()) as { items: { id: string }[] };
  expect(page.items).toHaveLength(1);
  return (await (await hotline().request(`/api/events/${page.items[0]!.id}`, { cookie })).json()) as EventDetail;
}

describe('department worklist and the center’s event board', () => {
  it('takes an SMS through dispatch, sign-for, a report with a photo and the center’s check to closed, live on both screens', async () => {
    // The handler of 城市管理局 lands on the department's worklist, with nothing to sign for yet.
    const handler = await logInAgent('dept-urban');
    await handler.locator('[data-testid="events-screen"][data-mode="handler"]').waitFor();
    expect(new URL(handler.url()).pathname).toBe('/console/');
    await handler.getByRole('heading', { name: '本部门事件' }).waitFor();
    expect(await tab(handler, /待签收/).getAttribute('aria-selected')).toBe('true');
    await handler.getByTestId('event-list-empty').filter({ hasText: '没有待签收的事件' }).waitFor();
    for (const name of [/待签收/, /处置中/, /已退回/, /全部/]) await tab(handler, name).waitFor();
    expect(await handler.getByRole('link', { name: '受理工作台' }).count()).toBe(0);

    // A citizen texts; agent1 accepts it as an event for 城市管理局: it arrives in 待签收 by push.
    const caseNumber = await textAppeal('湖滨路18号门口堆了很多建筑垃圾，堵住了人行道，请尽快清理。');
    await acceptForUrban(caseNumber);
    const row = eventRow(handler, caseNumber);
    await row.waitFor();
    expect(await row.getByTestId('event-status').innerText()).toBe('待签收');
    await row.getByTestId('due-badge').waitFor();
    await tab(handler, /待签收/)
      .getByTestId('tab-count')
      .and(handler.locator('[data-count="1"]'))
      .waitFor();

    // j/Enter open it: summary, limits, lead and co-departments; the buttons are the handler's.
    await handler.getByRole('heading', { name: '本部门事件' }).click();
    await handler.keyboard.press('j');
    await handler.keyboard.press('Enter');
    const view = handler.getByTestId('event-view');
    await view.getByRole('heading', { name: caseNumber }).waitFor();
    expect(new URL(handler.url()).pathname).toMatch(/^\/console\/events\/[0-9a-f-]{36}$/);
    const facts = await view.getByTestId('event-facts').innerText();
    expect(facts).toContain('签收时限');
    expect(facts).toContain('办结时限');
    expect(facts).toContain('湖滨路18号');
    const actions = view.getByTestId('event-actions');
    expect(await actions.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action')))).toEqual([
      'sign',
      'request_extension',
      'return',
    ]);
    expect(await view.getByTestId('reporter').count()).toBe(0); // 举报人保密: departments do not see the citizens
    await handler.screenshot({ path: `${screenshots}handler-worklist.png` });

    // S: 签收 asks first (it cannot be undone), with the confirm button focused: S then Enter.
    await unfocus(handler);
    await handler.keyboard.press('s');
    const signDialog = handler.getByRole('dialog', { name: /签收/ });
    await signDialog.getByTestId('step-consequence').filter({ hasText: '签收不能撤回' }).waitFor();
    await handler.keyboard.press('Enter');
    await view.getByTestId('event-done').filter({ hasText: '签收已完成' }).waitFor();
    await view.locator('[data-testid="event-status"][data-status="handling"]').waitFor();
    await view.getByTestId('timeline-step').and(handler.locator('[data-action="sign"]')).waitFor();
    await row.waitFor({ state: 'detached' }); // no longer 待签收

    // B opens 退回 with its reason; Esc closes it without a step.
    await unfocus(handler);
    await handler.keyboard.press('b');
    const returnDialog = handler.getByRole('dialog', { name: /退回/ });
    await returnDialog.getByLabel(/退回原因/).waitFor();
    await handler.keyboard.press('Escape');
    await returnDialog.waitFor({ state: 'hidden' });
    await tab(handler, /处置中/).click();
    await eventRow(handler, caseNumber).waitFor();

    // 反馈处置结果: text and a photo, sent as multipart.
    await actions.getByRole('button', { name: /反馈处置结果/ }).click();
    const dialog = handler.getByRole('dialog', { name: /反馈处置结果/ });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '反馈处置结果' }).click();
    await dialog.getByText('请填写此项。').waitFor(); // the result is required
    await dialog.getByLabel('处置结果').fill('已安排环卫清运建筑垃圾，人行道已恢复通行。');
    await dialog.getByLabel(/现场照片/).setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: PHOTO });
    await dialog.getByText('已选 1 张').waitFor();
    await dialog.getByRole('button', { name: '反馈处置结果' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await view.locator('[data-testid="event-status"][data-status="reported"]').waitFor();
    const photo = view.getByTestId('timeline-photo');
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await view.getByTestId('event-actions').innerText()).toContain('当前没有需要您执行的操作');
    await tab(handler, /全部/).click();
    const allRow = eventRow(handler, caseNumber);
    await allRow.locator('[data-testid="event-status"][data-status="reported"]').waitFor();
    await handler.screenshot({ path: `${screenshots}handler-reported.png` });

    // agent1: 事件督办 → 待核查 → the event with the photo, the reporter, 核查通过.
    const agent = await logInAgent('agent1');
    await agent.getByRole('link', { name: '事件督办' }).click();
    await agent.locator('[data-testid="events-screen"][data-mode="center"]').waitFor();
    expect(new URL(agent.url()).pathname).toBe('/console/events');
    expect(await tab(agent, /待核查/).getAttribute('aria-selected')).toBe('true');
    for (const name of [/已退回/, /延期待批/, /临期·超期/, /进行中/, /已结案/, /全部/]) await tab(agent, name).waitFor();
    await eventRow(agent, caseNumber).getByRole('link').click();
    const center = agent.getByTestId('event-view');
    await center.getByRole('heading', { name: caseNumber }).waitFor();
    expect(await center.getByTestId('event-result').innerText()).toBe('已安排环卫清运建筑垃圾，人行道已恢复通行。');
    await center.getByTestId('timeline-photo').waitFor();
    await center.getByTestId('reporter').filter({ hasText: caseNumber }).filter({ hasText: '短信' }).waitFor();
    const centerActions = await center
      .getByTestId('event-actions')
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action')));
    expect(centerActions).toContain('verify_pass');
    expect(centerActions).toContain('verify_fail');
    await agent.screenshot({ path: `${screenshots}center-verify.png` });
    await center.getByRole('button', { name: /核查通过/ }).click();
    // Closing sends the citizen the closure notice: a confirmation first, with an optional note.
    const verifyDialog = agent.getByRole('dialog', { name: /核查通过/ });
    await verifyDialog.getByTestId('step-consequence').filter({ hasText: '发送办结通知' }).waitFor();
    await verifyDialog.getByLabel(/核查意见/).fill('现场照片显示已修复');
    await verifyDialog.getByRole('button', { name: '核查通过' }).click();
    await center.getByTestId('event-done').filter({ hasText: '核查通过已完成' }).waitFor();
    await center.locator('[data-testid="event-status"][data-status="closed"]').waitFor();
    await eventRow(agent, caseNumber).waitFor({ state: 'detached' }); // no longer 待核查

    // The handler's worklist and open event follow by push, without a reload.
    await allRow.locator('[data-testid="event-status"][data-status="closed"]').waitFor();
    await view.locator('[data-testid="event-status"][data-status="closed"]').waitFor();
    await view.getByTestId('timeline-step').and(handler.locator('[data-action="verify_pass"]')).waitFor();
    await handler.screenshot({ path: `${screenshots}handler-closed-live.png` });

    // 回访登记: agent1 records the citizen's rating from a phone call-back.
    const reporter = center.getByTestId('reporter').filter({ hasText: caseNumber });
    await reporter.getByRole('button', { name: `为 ${caseNumber} 登记回访` }).click();
    const callback = agent.getByRole('dialog', { name: /回访登记/ });
    await callback.getByLabel('5 非常满意').check();
    await callback.getByLabel(/回访记录/).fill('市民表示垃圾已清理干净，非常满意。');
    await callback.getByRole('button', { name: '回访登记' }).click();
    await callback.waitFor({ state: 'hidden' });
    await reporter.getByTestId('reporter-rating').filter({ hasText: '满意度 5/5（电话回访）' }).waitFor();
    await center.getByTestId('timeline-step').and(agent.locator('[data-action="callback"]')).waitFor();
    expect(
      await center
        .getByTestId('event-actions')
        .getByRole('button', { name: /重新办理/ })
        .count(),
    ).toBe(0); // satisfied: nothing to reopen

    // From the event to its appeal and back: the appeal's event block shows it closed.
    await center.getByRole('link', { name: '查看诉求' }).click();
    const panel = agent.getByTestId('event-panel');
    await panel.getByTestId('event-status').filter({ hasText: '已结案' }).waitFor();
    await panel.getByTestId('event-link').click();
    await center.getByRole('heading', { name: caseNumber }).waitFor();

    const closed = await eventOf(caseNumber);
    expect(closed).toMatchObject({ status: 'closed', leadDepartmentCode: 'urban', result: '已安排环卫清运建筑垃圾，人行道已恢复通行。' });
    expect(closed.steps.map((s) => s.action)).toEqual(['dispatch', 'sign', 'report', 'verify_pass', 'callback']);
    expect(closed.reporters).toMatchObject([{ caseNumber, satisfaction: 5, ratedVia: 'phone' }]);
  });

  it('returns a misrouted event, which a supervisor urges, supervises and re-dispatches to a sub-center', async () => {
    const caseNumber = await textAppeal('东湖社区菜市场门口有人占道经营，早高峰堵得走不动。');
    await acceptForUrban(caseNumber);

    // The handler opens it from 待签收 and returns it with a reason.
    const handler = await logInAgent('dept-urban');
    await eventRow(handler, caseNumber).getByRole('link').click();
    const view = handler.getByTestId('event-view');
    await view.getByRole('heading', { name: caseNumber }).waitFor();
    await view.getByTestId('event-actions').getByRole('button', { name: /退回/ }).click();
    const returnDialog = handler.getByRole('dialog', { name: /退回/ });
    await returnDialog.getByLabel(/退回原因/).fill('占道经营属街道日常管理，请派东湖街道。');
    await returnDialog.getByRole('button', { name: '退回' }).click();
    await returnDialog.waitFor({ state: 'hidden' });
    await view.locator('[data-testid="event-status"][data-status="returned"]').waitFor();
    await eventRow(handler, caseNumber).waitFor({ state: 'detached' });

    // The supervisor finds it under 已退回 and reads the reason in the timeline.
    const supervisor = await logInAgent('supervisor');
    await supervisor.getByRole('link', { name: '事件督办' }).click();
    await tab(supervisor, /已退回/).click();
    await eventRow(supervisor, caseNumber).getByRole('link').click();
    const center = supervisor.getByTestId('event-view');
    await center.getByTestId('timeline-step').filter({ hasText: '占道经营属街道日常管理' }).waitFor();

    // T: 重新派遣 to 东湖街道联动分中心 with 城市管理局 co-handling.
    await center.locator('h2').click();
    await supervisor.keyboard.press('t');
    const redispatch = supervisor.getByRole('dialog', { name: /重新派遣/ });
    await redispatch.getByRole('button', { name: '重新派遣' }).click();
    await redispatch.getByText('请选择主办单位。').waitFor();
    await redispatch.getByTestId('redispatch-lead').selectOption({ label: '东湖街道联动分中心' });
    await redispatch.getByRole('checkbox', { name: '城市管理局' }).check();
    await redispatch.getByRole('button', { name: '重新派遣' }).click();
    await redispatch.waitFor({ state: 'hidden' });
    await center.locator('[data-testid="event-status"][data-status="dispatched"]').waitFor();
    expect(await center.getByTestId('event-facts').innerText()).toContain('东湖街道联动分中心');

    // U: 催办, one key; G: 督办 with an instruction. Both are recorded and shown.
    await center.locator('h2').click();
    await supervisor.keyboard.press('u');
    await center.getByTestId('event-done').filter({ hasText: '催办已完成' }).waitFor();
    await center.locator('h2').click();
    await supervisor.keyboard.press('g');
    const supervise = supervisor.getByRole('dialog', { name: /督办/ });
    await supervise.getByLabel(/督办意见/).fill('早高峰拥堵影响大，请今日内处置。');
    await supervise.getByRole('button', { name: '督办' }).click();
    await supervise.waitFor({ state: 'hidden' });
    await center.locator('.badge-supervised').waitFor();
    await center.locator('.badge-urged').filter({ hasText: '催办 1 次' }).waitFor();
    await supervisor.screenshot({ path: `${screenshots}center-supervised.png` });

    const event = await eventOf(caseNumber);
    expect(event).toMatchObject({ status: 'dispatched', leadDepartmentCode: 'sc-donghu', coDepartmentCodes: ['urban'], urgeCount: 1, supervised: true });
    expect(event.steps.map((s) => s.action)).toEqual(['dispatch', 'return', 'redispatch', 'urge', 'supervise']);
  });

  it('asks for more time, which a supervisor finds under 延期待批 and approves: the limit moves', async () => {
    const caseNumber = await textAppeal('湖滨路口的隔离护栏被撞倒了一大段，需要更换。');
    await acceptForUrban(caseNumber);
    const before = await eventOf(caseNumber);

    // The handler signs for it, then E: 申请延期 with a reason and a later limit (Beijing time, as typed).
    const handler = await logInAgent('dept-urban');
    await eventRow(handler, caseNumber).getByRole('link').click();
    const view = handler.getByTestId('event-view');
    await view.getByRole('button', { name: /签收/ }).click();
    await handler.getByRole('dialog', { name: /签收/ }).getByRole('button', { name: '签收' }).click();
    await view.locator('[data-testid="event-status"][data-status="handling"]').waitFor();
    await view.locator('h2').click();
    await handler.keyboard.press('e');
    const ask = handler.getByRole('dialog', { name: /申请延期/ });
    const wanted = Date.parse(before.timeLimitAt) + 2 * 24 * 3_600_000;
    const beijing = new Date(wanted + 8 * 3_600_000).toISOString().slice(0, 16);
    const earlier = new Date(Date.parse(before.timeLimitAt) - 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 16);
    await ask.getByLabel('申请延至').fill(earlier);
    await ask.getByLabel(/延期原因/).fill('护栏需厂家定制，预计两天后到货。');
    await ask.getByRole('button', { name: '申请延期' }).click();
    await ask.getByText('新的时限须晚于当前办结时限。').waitFor();
    await ask.getByLabel('申请延至').fill(beijing);
    await ask.getByRole('button', { name: '申请延期' }).click();
    await ask.waitFor({ state: 'hidden' });
    await view.getByTestId('extension').and(handler.locator('[data-status="pending"]')).waitFor();
    expect(
      await view
        .getByTestId('event-actions')
        .getByRole('button', { name: /申请延期/ })
        .count(),
    ).toBe(0); // one request at a time

    // The supervisor: 延期待批 lists it; A approves; the new limit shows, the request is 已批准.
    const supervisor = await logInAgent('supervisor');
    await supervisor.getByRole('link', { name: '事件督办' }).click();
    await tab(supervisor, /延期待批/).click();
    await eventRow(supervisor, caseNumber).getByRole('link').click();
    const center = supervisor.getByTestId('event-view');
    await center.getByTestId('extension').filter({ hasText: '护栏需厂家定制' }).waitFor();
    await center.locator('h2').click();
    await supervisor.keyboard.press('a');
    await supervisor
      .getByRole('dialog', { name: /批准延期/ })
      .getByTestId('step-consequence')
      .waitFor();
    await supervisor.keyboard.press('Enter');
    await center.getByTestId('event-done').filter({ hasText: '批准延期已完成' }).waitFor();
    await center.getByTestId('extension').and(supervisor.locator('[data-status="approved"]')).waitFor();
    await eventRow(supervisor, caseNumber).waitFor({ state: 'detached' }); // no longer waiting

    // The handler's open event follows: the request approved, the new limit.
    await view.getByTestId('extension').and(handler.locator('[data-status="approved"]')).waitFor();
    const after = await eventOf(caseNumber);
    expect(Date.parse(after.timeLimitAt)).toBe(Math.floor(wanted / 60_000) * 60_000); // to the minute, as typed
    expect(after.steps.map((s) => s.action)).toEqual(['dispatch', 'sign', 'request_extension', 'approve_extension']);
  });
});
