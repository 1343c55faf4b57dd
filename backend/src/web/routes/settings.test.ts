import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, startTestHotline } from '../../testing/hotline.ts';
import { GENEROUS_RATE_LIMITS } from '../../testing/rate-limits.ts';
import { insertTriagedAppeals, openConsole } from '../../testing/staff.ts';
import { auditLog } from '../../platform/audit/index.ts';
import { loadConfig } from '../../platform/config/index.ts';
import { runtimeSettings } from '../../platform/settings/index.ts';
import { appeals } from '../../appeals/index.ts';
import { type RunningServer, startServer } from '../../server.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('runtime settings (运行参数) on %s', (kind) => {
  let hotline: TestHotline;
  let admin: string;
  beforeAll(async () => {
    hotline = await startTestHotline(kind);
    admin = await hotline.loginAs('admin');
  });
  afterAll(() => hotline?.close());

  const patch = (body: unknown, cookie = admin) =>
    hotline.request('/api/admin/settings', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), cookie });

  it('shows the environment’s values as defaults, and each channel’s status without secrets', async () => {
    const res = await hotline.request('/api/admin/settings', { cookie: await hotline.loginAs('supervisor') });
    const view = await res.json();
    expect(view.settings).toEqual(view.defaults);
    expect(view.settings).toMatchObject({ routingMode: 'manual', serviceHours: '00:00-24:00', chatCapacity: 4 });
    expect(view.channels).toContainEqual({ channel: 'web', configured: true, lastInboundAt: null, lastDeliveryError: null });
    expect(view.channels.find((c: { channel: string }) => c.channel === 'sms').configured).toBe(false);
  });

  it('switches routing to auto at runtime: waiting work goes to an available agent at once', async () => {
    const cookie = await hotline.loginAs('agent1');
    const me = (await (await hotline.request('/api/auth/me', { cookie })).json()).user.id;
    const closeConsole = openConsole(hotline, me);
    await hotline.request('/api/me/presence', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'available' }),
      cookie,
    });
    const [appeal] = await insertTriagedAppeals(hotline, [{ channel: 'web' }]);
    const assignee = async () => (await hotline.database.db.select().from(appeals).where(eq(appeals.id, appeal!.id)))[0]!.assigneeId;
    expect(await assignee()).toBeNull();

    const res = await patch({ routingMode: 'auto', chatCapacity: 6 });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).settings).toMatchObject({ routingMode: 'auto', chatCapacity: 6 });
    for (let i = 0; i < 100 && !(await assignee()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await assignee()).toBe(me);
    expect((await (await hotline.request('/api/me/presence', { cookie })).json()).capacity.chats).toBe(6);
    const [entry] = await hotline.database.db.select().from(auditLog).where(eq(auditLog.action, 'settings.updated'));
    expect(entry).toMatchObject({ before: { routingMode: 'manual', chatCapacity: 4 }, after: { routingMode: 'auto', chatCapacity: 6 } });
    closeConsole();
    await patch({ routingMode: 'manual' });
  });

  it('refuses a bad value naming the field, storing nothing, and is for admins only', async () => {
    const before = await hotline.database.db.select().from(runtimeSettings);
    const bad = await patch({ serviceHours: '8:30-17', routingMode: 'auto' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^serviceHours/);
    expect((await patch({ chatCapacity: 0 })).status).toBe(400);
    expect((await patch({ unknownSetting: 1 })).status).toBe(400);
    expect((await patch({})).status).toBe(400);
    expect((await patch({ routingMode: 'auto' }, await hotline.loginAs('supervisor'))).status).toBe(403);
    expect(await hotline.database.db.select().from(runtimeSettings)).toEqual(before);
  });

  it.runIf(kind === 'postgres')('takes effect on another instance of the same database without a restart', async () => {
    const other: RunningServer = await startServer({
      config: loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', ROUTING_MODE: 'manual', ...GENEROUS_RATE_LIMITS }),
      database: hotline.database,
      serveConsole: false,
    });
    try {
      expect(other.deps.config.serviceHours).toBe('00:00-24:00');
      expect((await patch({ serviceHours: '08:30-17:30', warnWaitingCount: 9 })).status).toBe(200);
      for (let i = 0; i < 100 && other.deps.config.serviceHours !== '08:30-17:30'; i++) await new Promise((r) => setTimeout(r, 50));
      expect(other.deps.config.serviceHours).toBe('08:30-17:30');
      expect(other.deps.config.wall.warnWaitingCount).toBe(9);
    } finally {
      await other.close();
    }
  });
});
