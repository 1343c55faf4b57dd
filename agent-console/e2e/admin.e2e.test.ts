import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { appeals } from '../../backend/src/appeals/index.ts';
import { insertTriagedAppeals } from '../../backend/src/testing/staff.ts';
import { screenshots, useBrowserHotline } from './harness.ts';

/**
 * 系统管理 in the console: an admin creates a department handler, hands over the password shown
 * once, and the handler logs in, must choose their own password, then lands on their department's
 * worklist. The admin then finds the account's creation in the audit log and exports it.
 */

const { hotline, openPage, logInAgent } = useBrowserHotline();

describe('the administration area', () => {
  it('creates a handler who logs in, changes the given password and works; the audit log shows it', async () => {
    const supervisor = await logInAgent('supervisor');
    expect(await supervisor.getByRole('link', { name: '系统管理' }).count()).toBe(0);

    const admin = await logInAgent('admin');
    await admin.getByRole('link', { name: '系统管理' }).click();
    expect(new URL(admin.url()).pathname).toBe('/console/admin/staff');
    const staff = admin.getByTestId('admin-staff');
    await staff.locator('[data-testid="staff-row"][data-username="agent1"]').waitFor();

    await staff.getByRole('button', { name: '新建账号' }).click();
    const form = admin.getByTestId('staff-form');
    await form.getByLabel('用户名').fill('chen.water');
    await form.getByLabel('姓名').fill('陈水务');
    await form.getByLabel('角色').selectOption({ label: '办理员' });
    await form.getByLabel('所属部门').selectOption({ label: '水务局' });
    await admin.screenshot({ path: `${screenshots}admin-create-handler.png` });
    await form.getByRole('button', { name: '新建账号' }).click();
    const password = (await admin.getByTestId('issued-password').innerText()).trim();
    expect(password).toMatch(/^[\w-]{16}$/);
    await admin.getByRole('button', { name: '我已记下' }).click();
    const row = staff.locator('[data-testid="staff-row"][data-username="chen.water"]');
    expect(await row.innerText()).toContain('待改密码');

    const handler = await openPage('/console/');
    await handler.getByLabel('用户名').fill('chen.water');
    await handler.getByLabel('密码').fill(password);
    await handler.getByRole('button', { name: '登录' }).click();
    const change = handler.getByTestId('change-password');
    await change.getByLabel('当前密码').fill(password);
    // Long enough for the form, refused by the server's policy: it is the username.
    await change.getByLabel('新密码', { exact: true }).fill('chen.water');
    await change.getByLabel('再次输入新密码').fill('chen.water');
    await change.getByRole('button', { name: '保存新密码' }).click();
    await change.getByRole('alert').filter({ hasText: 'must not be the username' }).waitFor();
    await change.getByLabel('新密码', { exact: true }).fill('water-works-2026');
    await change.getByLabel('再次输入新密码').fill('water-works-2026');
    await change.getByRole('button', { name: '保存新密码' }).click();
    await handler.locator('[data-testid="events-screen"][data-mode="handler"]').waitFor();
    expect(await handler.getByTestId('current-user').innerText()).toContain('陈水务');

    await admin.getByRole('link', { name: '审计日志' }).click();
    const audit = admin.getByTestId('admin-audit');
    await audit.getByLabel('操作', { exact: true }).fill('user.created');
    await audit.getByRole('button', { name: '查询' }).click();
    await audit.getByTestId('audit-row').filter({ hasText: 'chen.water' }).waitFor();
    expect(await audit.getByTestId('audit-row').count()).toBe(1);
    expect(await audit.getByRole('link', { name: '导出 CSV' }).getAttribute('href')).toBe('/api/admin/audit.csv?action=user.created');
    await admin.screenshot({ path: `${screenshots}admin-audit-log.png` });
  });

  it('switches routing to automatic at runtime, and the waiting appeal goes to the agent online', async () => {
    const agent = await logInAgent('agent2');
    const [appeal] = await insertTriagedAppeals(hotline(), [{ channel: 'web', summary: '小区路灯不亮' }]);
    const admin = await logInAgent('admin');
    await admin.goto(`${hotline().url}/console/admin/settings`);
    const form = admin.getByTestId('settings-form');
    expect(await form.getByLabel('分配方式').inputValue()).toBe('manual');
    await form.getByLabel('分配方式').selectOption({ label: '自动分配' });
    await form.getByRole('button', { name: '保存' }).click();
    await admin.getByTestId('announcer').filter({ hasText: '运行参数已保存' }).waitFor({ state: 'attached' });
    await admin.screenshot({ path: `${screenshots}admin-settings.png` });
    expect(hotline().deps.config.routing.mode).toBe('auto');
    const agentId = (await agent.evaluate(() => fetch('/api/auth/me').then((r) => r.json()))).user.id;
    const assignee = async () => (await hotline().database.db.select().from(appeals).where(eq(appeals.id, appeal!.id)))[0]!.assigneeId;
    for (let i = 0; i < 100 && !(await assignee()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await assignee()).toBe(agentId);
  });

  it('adds a department, retires it and restores it', async () => {
    const admin = await logInAgent('admin');
    await admin.goto(`${hotline().url}/console/admin/departments`);
    const form = admin.getByTestId('department-form');
    await form.getByLabel('编码').fill('energy');
    await form.getByLabel('名称', { exact: true }).fill('能源局');
    await form.getByLabel('英文名称').fill('Energy Bureau');
    await form.getByRole('button', { name: '新增' }).click();
    const row = admin.locator('[data-testid="department-row"][data-code="energy"]');
    await row.getByRole('button', { name: '撤销' }).click();
    await row.getByRole('button', { name: '恢复' }).waitFor();
    expect(await row.innerText()).toContain('已撤销');
    await admin.screenshot({ path: `${screenshots}admin-departments.png` });
    await row.getByRole('button', { name: '恢复' }).click();
    await row.getByRole('button', { name: '撤销' }).waitFor();
  });
});
