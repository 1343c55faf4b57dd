import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox } from '../../backend/src/platform/outbox/index.ts';
import { screenshots, useBrowserHotline } from './harness.ts';

/**
 * 推送记录 in the console: an admin finds the log empty while no linkage platform is configured,
 * then reads deliveries (written straight to the outbox as its sweep leaves them), opens a
 * payload and sends a failed one again. Supervisors do not get the screen.
 */

const { hotline, logInAgent } = useBrowserHotline();

const RECEIVER = 'https://linkage.example.gov.cn/hooks/hotline';

describe('the webhook delivery log screen', () => {
  it('explains an empty log, shows deliveries by status, expands a payload and retries a failed one', async () => {
    const supervisor = await logInAgent('supervisor');
    expect(await supervisor.getByRole('link', { name: '推送记录' }).count()).toBe(0);

    const admin = await logInAgent('admin');
    await admin.getByRole('link', { name: '推送记录' }).click();
    expect(new URL(admin.url()).pathname).toBe('/console/webhooks');
    const screen = admin.getByTestId('webhook-log-screen');
    expect(await screen.getByTestId('webhook-log-empty').innerText()).toContain('LINKAGE_WEBHOOK_URL');

    const hour = 3600_000;
    const now = Date.now();
    await hotline()
      .database.db.insert(outbox)
      .values([
        {
          kind: 'linkage-webhook',
          topic: 'event.created',
          target: RECEIVER,
          payload: { topic: 'event.created', caseNumber: 'DEMO-1' },
          status: 'delivered',
          attempts: 1,
          lastStatusCode: 204,
          deliveredAt: new Date(now - 2 * hour),
          createdAt: new Date(now - 2 * hour),
        },
        {
          kind: 'linkage-webhook',
          topic: 'event.closed',
          target: RECEIVER,
          payload: { topic: 'event.closed', caseNumber: 'DEMO-2', result: '已修复' },
          status: 'failed',
          attempts: 8,
          lastStatusCode: 500,
          lastError: 'Internal Server Error',
          createdAt: new Date(now - hour),
        },
      ]);
    await screen.getByRole('button', { name: '刷新' }).click();
    const rows = screen.getByTestId('webhook-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    const failed = rows.filter({ hasText: '事件结案' });
    expect(await failed.getAttribute('data-status')).toBe('failed');
    expect(await failed.innerText()).toContain('HTTP 500 · Internal Server Error');

    await screen.getByRole('group', { name: '按状态筛选' }).getByRole('button', { name: '已送达' }).click();
    await rows.filter({ hasText: '事件创建' }).waitFor();
    expect(await rows.count()).toBe(1);
    await screen.getByRole('group', { name: '按状态筛选' }).getByRole('button', { name: '失败' }).click();
    await rows.filter({ hasText: '事件结案' }).waitFor();
    expect(await rows.count()).toBe(1);

    await failed.getByRole('button', { name: '查看内容' }).click();
    expect(JSON.parse(await screen.getByTestId('webhook-payload').innerText())).toEqual({ topic: 'event.closed', caseNumber: 'DEMO-2', result: '已修复' });
    await admin.screenshot({ path: `${screenshots}admin-webhook-log.png` });

    await failed.getByRole('button', { name: '重试' }).click();
    await screen.locator('[data-testid="webhook-row"][data-status="pending"]').waitFor();
    const [stored] = await hotline().database.db.select().from(outbox).where(eq(outbox.topic, 'event.closed'));
    expect(stored).toMatchObject({ status: 'pending', attempts: 0 });
  });
});
