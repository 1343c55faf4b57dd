import { describe, expect, it } from 'vitest';
import type { AppealPage } from '@hotline/backend/api-types';
import { submitWebAppeal } from '../../backend/src/testing/hotline.ts';
import { screenshots, useBrowserHotline } from './harness.ts';

/**
 * 举报人保密 by hand (issue 13, item 4): an agent marks a 投诉 confidential from the keyboard in the
 * appeal view, sees the badge and the confirmation, and cannot take the mark off again; accepted as
 * an event, the department's handler reads it with the citizen's phone number and e-mail masked,
 * while the agent still reads the citizen's words in full.
 */

const { hotline, logInAgent } = useBrowserHotline();

const TEXT = '投诉：东湖路12号工地每晚施工到凌晨，我是隔壁业主，怕被报复请保密，电话139 1234 5679，邮箱lin.shouxin@example.org';
const MASKED = '电话*** **** ****，邮箱***.*******@*******.***';

async function pendingAppealId(caseNumber: string, cookie: string): Promise<string> {
  const page = (await (await hotline().request('/api/appeals?status=pending&page=1&pageSize=100', { cookie })).json()) as AppealPage;
  const appeal = page.items.find((item) => item.caseNumber === caseNumber);
  expect(appeal).toBeTruthy();
  return appeal!.id;
}

describe('举报人保密 in the console', () => {
  it('lets an agent mark an appeal confidential by keyboard; the department handler reads it masked', async () => {
    const submitted = await submitWebAppeal(hotline(), { text: TEXT });
    expect(submitted.res.status).toBe(201);
    const caseNumber = submitted.body.caseNumber!;
    await hotline().deps.triage.idle();
    const cookie = await hotline().loginAs('agent1');
    const appealId = await pendingAppealId(caseNumber, cookie);
    // NLP may read it either way: the agent types it 投诉, so only the mark can make it confidential.
    const typed = await hotline().request(`/api/appeals/${appealId}/classification`, {
      method: 'PATCH',
      cookie,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appealType: 'complaint' }),
    });
    expect(typed.status).toBe(200);

    const agent = await logInAgent('agent1');
    await agent.getByTestId('queue-row').filter({ hasText: caseNumber }).getByRole('link').click();
    const view = agent.getByTestId('appeal-view');
    await view.getByRole('heading', { name: caseNumber }).waitFor();
    const control = view.getByTestId('confidential-control');
    expect(await control.getByTestId('confidential-state').innerText()).toBe('未保密');
    expect(await view.getByTestId('confidential-badge').count()).toBe(0);

    // A plain button: focus it and press Enter.
    const toggle = control.getByRole('button', { name: '标记举报人保密' });
    await toggle.focus();
    await agent.keyboard.press('Enter');
    await control.getByRole('status').filter({ hasText: '已标记保密' }).waitFor();
    await view.getByTestId('confidential-badge').filter({ hasText: '举报人保密' }).waitFor();
    expect(await control.getByTestId('confidential-state').innerText()).toBe('已人工标记保密');
    // Taking it off again is for a supervisor or an admin: the agent's button is disabled, and says why.
    const clear = control.getByRole('button', { name: '取消保密' });
    expect(await clear.isDisabled()).toBe(true);
    await control.getByText('取消保密需由班长或管理员操作。').waitFor();
    await agent.screenshot({ path: `${screenshots}reporter-confidential.png` });

    // Accepted as an event for 城市管理局 (through the API, as the events spec does).
    expect((await hotline().request(`/api/appeals/${appealId}/claim`, { method: 'POST', cookie })).status).toBe(200);
    const form = {
      categoryCode: 'city-appearance',
      urgency: 'normal',
      leadDepartmentCode: 'urban',
      timeLimitAt: new Date(Date.now() + 72 * 3_600_000).toISOString(),
    };
    const accepted = await hotline().request(`/api/appeals/${appealId}/accept`, {
      method: 'POST',
      cookie,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(form),
    });
    expect(accepted.status, await accepted.clone().text()).toBe(200);

    const handler = await logInAgent('dept-urban');
    const row = handler.getByTestId('event-row').filter({ hasText: caseNumber });
    await row.waitFor();
    const listed = await row.innerText();
    expect(listed).toContain('工地每晚施工到凌晨');
    expect(listed).toContain(MASKED);
    expect(listed).not.toContain('5679');
    await row.getByRole('link').click();
    const event = handler.getByTestId('event-view');
    await event.getByRole('heading', { name: caseNumber }).waitFor();
    const shown = await event.innerText();
    expect(shown).toContain(MASKED);
    expect(shown).not.toContain('1234 5679');
    expect(shown).not.toContain('shouxin');

    // The center keeps the citizen's words as written.
    await view.getByTestId('message').filter({ hasText: '电话139 1234 5679' }).waitFor();
  });
});
