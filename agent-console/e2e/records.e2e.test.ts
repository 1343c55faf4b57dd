import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { insertTriagedAppeals } from '../../backend/src/testing/staff.ts';
import { acceptAsEvent } from '../../backend/src/testing/closed-loop.ts';
import { addSongfengDistrict } from '../../backend/src/testing/territory-fixture.ts';
import { events } from '../../backend/src/linkage/index.ts';
import { screenshots, useBrowserHotline } from './harness.ts';

/**
 * 综合查询 in the console: an agent finds appeals by a word in the middle of a text, by a phone
 * number typed with spaces, and by street + 红牌 in a district that is not the demo's; the search
 * lives in the address, so it can be saved and reopened.
 */

const { hotline, logInAgent, textAppeal } = useBrowserHotline({ twilio: true });

describe('the 综合查询 screen', () => {
  it('finds by a word inside a text, by a phone number with spaces, by street and overdue, and saves the search', async () => {
    await addSongfengDistrict(hotline());
    const lamp = await textAppeal('+8613800138000', '小区门口那盏路灯坏了');
    await textAppeal('+8613900139000', '楼下广场舞噪音太大');
    const [wet, dry] = await insertTriagedAppeals(hotline(), [
      { channel: 'web', summary: '竹林街道积水', gridCode: 'sf-s1-c1-g1', categoryCode: 'city-appearance' },
      { channel: 'web', summary: '梅岭街道积水', gridCode: 'sf-s2-c1-g1', categoryCode: 'city-appearance' },
    ]);
    for (const a of [wet!, dry!]) {
      const event = await acceptAsEvent(hotline(), a.id);
      await hotline().database.db.update(events).set({ redRaisedAt: new Date() }).where(eq(events.id, event.id));
    }
    await hotline().deps.triage.idle();

    const page = await logInAgent('agent1');
    await page.getByRole('link', { name: '综合查询' }).click();
    const screen = page.getByTestId('records-screen');
    await screen.getByTestId('records-table').waitFor();

    await screen.getByTestId('records-q').fill('路灯');
    await screen.getByTestId('records-q').press('Enter');
    await screen.getByTestId('records-total').getByText('共 1 条').waitFor();
    expect(await screen.getByTestId('records-row').innerText()).toContain(lamp);
    expect(new URL(page.url()).searchParams.get('q')).toBe('路灯');

    await screen.getByRole('button', { name: '清除' }).click();
    await screen.getByTestId('records-number').fill('138 0013 8000');
    await screen.getByTestId('records-submit').click();
    await screen.getByTestId('records-total').getByText('共 1 条').waitFor();
    expect(await screen.getByTestId('records-row').innerText()).toContain('+8613800138000');

    await screen.getByRole('button', { name: '清除' }).click();
    await screen.getByTestId('records-street').selectOption('sf-s1');
    await screen.getByTestId('records-overdue-red').check();
    await screen.getByTestId('records-submit').click();
    await screen.getByTestId('records-total').getByText('共 1 条').waitFor();
    expect(await screen.getByTestId('records-row').innerText()).toContain(wet!.caseNumber);
    await page.screenshot({ path: `${screenshots}records-search.png` });

    await page.getByPlaceholder('保存当前查询为…').fill('竹林红牌');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const saved = page.getByRole('link', { name: '竹林红牌' });
    await saved.waitFor();
    await screen.getByTestId('records-q').fill('没有这个词');
    await screen.getByTestId('records-q').press('Enter');
    await screen.getByTestId('records-empty').waitFor();
    await saved.click();
    await screen.getByTestId('records-total').getByText('共 1 条').waitFor();
    expect(await screen.getByTestId('records-street').inputValue()).toBe('sf-s1');

    // The address is the search: opened afresh, the same results.
    const shared = await logInAgent('agent2');
    await shared.goto(page.url());
    await shared.getByTestId('records-total').getByText('共 1 条').waitFor();
  });
});
