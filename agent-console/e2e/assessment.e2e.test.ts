import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AssessmentReport } from '@hotline/backend/api-types';
import { insertTriagedAppeals } from '../../backend/src/testing/staff.ts';
import { acceptAsEvent, closeEvent, step } from '../../backend/src/testing/closed-loop.ts';
import { shiftMonth } from '../src/console/assessment/assessment-format.ts';
import { screenshots, useBrowserHotline } from './harness.ts';

/**
 * 月度考核 in the console: events dispatched to 水务局 in the test are driven through the step API
 * (one closed and rated 5, one returned), and a supervisor reads the department's figures, the
 * definitions beside them, and downloads the month as CSV.
 */

const { hotline, logInAgent } = useBrowserHotline();

async function waterEventsThisMonth() {
  const [closed, misrouted] = await insertTriagedAppeals(hotline(), [{ channel: 'web' }, { channel: 'web' }]);
  const handled = await acceptAsEvent(hotline(), closed!.id, 'water');
  await closeEvent(hotline(), handled, '排水口已疏通');
  await step(hotline(), 'agent1', handled.id, { action: 'callback', appealId: closed!.id, satisfaction: 5 });
  const returned = await acceptAsEvent(hotline(), misrouted!.id, 'water');
  await step(hotline(), 'dept-water', returned.id, { action: 'return', note: '属交通设施，非本单位职责' });
}

const cell = (page: Page, department: string, metric: string) =>
  page.locator(`[data-testid="assessment-row"][data-department="${department}"] [data-metric="${metric}"]`);

describe('the monthly assessment screen', () => {
  it("shows a supervisor a department's month with the definitions beside it, and exports it as CSV", async () => {
    await waterEventsThisMonth();
    const agent = await logInAgent('agent1');
    expect(await agent.getByRole('link', { name: '月度考核' }).count()).toBe(0);

    const supervisor = await logInAgent('supervisor');
    await supervisor.getByRole('link', { name: '月度考核' }).click();
    expect(new URL(supervisor.url()).pathname).toBe('/console/assessment');
    const screen = supervisor.getByTestId('assessment-screen');
    await screen.getByTestId('assessment-table').waitFor();

    // This month, as the server counts it.
    const report = (await (await hotline().request('/api/assessment', { cookie: await hotline().loginAs('supervisor') })).json()) as AssessmentReport;
    expect(await screen.getByTestId('assessment-month').inputValue()).toBe(report.month);
    expect(await cell(supervisor, 'water', 'new').innerText()).toBe('2');
    expect(await cell(supervisor, 'water', 'signRate').innerText()).toBe('50.0%\n1/2');
    expect(await cell(supervisor, 'water', 'transferRate').innerText()).toBe('50.0%\n1/2');
    expect(await cell(supervisor, 'water', 'closureRate').innerText()).toBe('50.0%\n1/2');
    expect(await cell(supervisor, 'water', 'onTimeRate').innerText()).toBe('100.0%\n1/1');
    expect(await cell(supervisor, 'water', 'satisfactionRate').innerText()).toBe('100.0%\n1/1');
    // Ranked first: the only unit with assignments.
    const waterRow = supervisor.locator('[data-testid="assessment-row"][data-department="water"]');
    expect(await supervisor.getByTestId('assessment-row').first().getAttribute('data-department')).toBe('water');
    expect(await waterRow.locator('td').first().innerText()).toBe('1');
    expect(await cell(supervisor, 'urban', 'signRate').innerText()).toBe('—');

    const definitions = screen.getByTestId('assessment-definitions');
    await definitions.getByText('签收率', { exact: true }).waitFor();
    await definitions.getByText('签收数 ÷ 新派件。').waitFor();
    await supervisor.screenshot({ path: `${screenshots}supervisor-assessment.png` });

    const [download] = await Promise.all([supervisor.waitForEvent('download'), screen.getByTestId('assessment-csv').click()]);
    expect(download.suggestedFilename()).toBe(`assessment-${report.month}.csv`);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF排名,单位,单位编码,新派件,')).toBe(true);
    expect(csv).toContain('1,水务局,water,2,1,50.0%,1,1,50.0%,1,50.0%,1,50.0%,1,100.0%,1,100.0%,0,0,0,');

    // In English the definitions and names follow.
    await supervisor.getByRole('button', { name: 'English' }).click();
    await definitions.getByText('Signed for ÷ new assignments.').waitFor();
    await waterRow.getByText('Water Affairs Bureau').waitFor();
    await supervisor.getByRole('button', { name: '中文' }).click();

    // The month before: nothing dispatched yet, said so; the keyboard reaches the month buttons.
    await screen.getByRole('button', { name: '上个月' }).focus();
    await supervisor.keyboard.press('Enter');
    await screen.getByTestId('assessment-empty').waitFor();
    expect(await screen.getByTestId('assessment-empty').innerText()).toContain('没有派给任何单位的事件');
    expect(await screen.getByTestId('assessment-month').inputValue()).toBe(shiftMonth(report.month, -1));
    expect(await screen.getByTestId('assessment-csv').getAttribute('href')).toBe(`/api/assessment.csv?month=${shiftMonth(report.month, -1)}`);
  });
});
