import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { YUNXI_FILE } from '@hotline/nlp/fixtures';
import { useBrowserHotline } from './harness.ts';

/**
 * 区域数据 in the console: an admin replaces the demo territory with another city's file (云溪区,
 * not the demo). A file with an error is checked first and refused with the feature named, nothing
 * imported; a good one is imported, and the citizen page's map shows the new territory.
 */

const { logInAgent, openPage } = useBrowserHotline();

const yunxi = readFileSync(YUNXI_FILE, 'utf8');

describe('the territory import screen', () => {
  it('shows a bad file’s errors by feature, imports a good one, and the citizen map follows', async () => {
    const supervisor = await logInAgent('supervisor');
    expect(await supervisor.getByRole('link', { name: '区域数据' }).count()).toBe(0);

    const admin = await logInAgent('admin');
    await admin.getByRole('link', { name: '区域数据' }).click();
    expect(new URL(admin.url()).pathname).toBe('/console/territory');
    const screen = admin.getByTestId('territory-screen');

    const bad = yunxi.replace('"parentCode":"YX-FM-02"}', '"parentCode":"YX-NOPE"}');
    await screen.getByTestId('territory-file').setInputFiles({ name: 'bad.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(bad) });
    const issues = screen.getByTestId('territory-issues');
    await issues.waitFor();
    expect(await issues.innerText()).toContain('YX-NOPE does not exist');
    expect(await screen.getByRole('button', { name: '导入' }).count()).toBe(0);

    await screen.getByTestId('territory-file').setInputFiles({ name: 'yunxi.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(yunxi) });
    expect(await screen.getByTestId('territory-valid').innerText()).toContain('33 个区划单元、8 条道路、31 个小区/地标/楼栋');
    await screen.getByRole('button', { name: '导入' }).click();
    await screen.getByTestId('territory-imported').waitFor();

    const citizen = await openPage('/');
    await citizen.locator('[data-grid-code="YX-FM-01-01"]').first().waitFor({ state: 'attached' });
    expect(await citizen.locator('[data-grid-code^="QH-"]').count()).toBe(0);
  });
});
