import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { departmentOpen311 } from '../../backend/src/interop/open311-client/schema.ts';
import { useBrowserHotline } from './harness.ts';

/**
 * 外部系统对接 (issue 17, item 6) in the console: an admin marks a department external with its
 * Open311 address, key and service codes, is told what is wrong in a mapping line, and sees it saved.
 */
const { hotline, logInAgent } = useBrowserHotline();

describe('the external systems (Open311) panel', () => {
  it('lets an admin mark a department external and keeps its key out of sight', async () => {
    const admin = await logInAgent('admin');
    await admin.getByRole('link', { name: '推送记录' }).click();
    const panel = admin.getByTestId('open311-panel');
    await panel.getByTestId('open311-department').selectOption({ label: '水务局' });
    await panel.getByText('该部门尚未对接外部系统。').waitFor();

    await panel.getByLabel('Open311 接口地址').fill('https://cases.water.example.gov/open311/v2');
    await panel.getByLabel('api_key').fill('water-key-000123');
    await panel.getByLabel(/事项分类 → 对方服务代码/).fill('city-appearance WTR-12');
    await panel.getByRole('button', { name: '保存' }).click();
    await panel.getByText('无法识别的一行：“city-appearance WTR-12”').waitFor();

    await panel.getByLabel(/事项分类 → 对方服务代码/).fill('city-appearance=WTR-12');
    await panel.getByRole('button', { name: '保存' }).click();
    await panel.getByText('尚未读取过更新。').waitFor();
    const [stored] = await hotline().database.db.select().from(departmentOpen311).where(eq(departmentOpen311.departmentCode, 'water'));
    expect(stored).toMatchObject({
      enabled: true,
      baseUrl: 'https://cases.water.example.gov/open311/v2',
      apiKey: 'water-key-000123',
      serviceCodes: { 'city-appearance': 'WTR-12' },
    });
    expect(await panel.getByLabel('api_key').inputValue()).toBe('');
    expect(await panel.getByLabel('api_key').getAttribute('placeholder')).toContain('…0123');
  });
});
