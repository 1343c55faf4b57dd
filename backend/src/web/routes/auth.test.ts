import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { TEST_PASSWORD, type TestHotline, sessionCookie, startTestHotline } from '../../testing/hotline.ts';
import { auditLog } from '../../platform/audit/index.ts';
import { users } from '../../identity/auth/index.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('staff login on %s', (kind) => {
  let hotline: TestHotline;
  beforeAll(async () => {
    hotline = await startTestHotline(kind);
  });
  afterAll(() => hotline?.close());

  const login = (username: string, password: string) =>
    hotline.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

  it('logs in with the right password and sets an httpOnly SameSite session cookie', async () => {
    const res = await login('agent1', TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ username: 'agent1', role: 'agent', departmentCode: null });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^hotline_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await hotline.request('/api/auth/me', { cookie: sessionCookie(res) });
    // The console shows every date on the hotline's clock, whatever the browser's zone.
    expect(await me.json()).toMatchObject({ user: { username: 'agent1' }, hotline: { timezone: 'Asia/Shanghai' } });
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    for (const [username, password] of [
      ['agent1', 'wrong-password'],
      ['nobody', TEST_PASSWORD],
    ] as const) {
      const res = await login(username, password);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('invalid_credentials');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('refuses a disabled account', async () => {
    await hotline.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.username, 'agent3'));
    expect((await login('agent3', TEST_PASSWORD)).status).toBe(401);
  });

  it('revokes the session on logout, so the old cookie no longer works', async () => {
    const cookie = await hotline.loginAs('agent2');
    expect((await hotline.request('/api/appeals', { cookie })).status).toBe(200);
    const out = await hotline.request('/api/auth/logout', { method: 'POST', cookie });
    expect(out.status).toBe(204);
    const after = await hotline.request('/api/appeals', { cookie });
    expect(after.status).toBe(401);
    const actions = await hotline.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorType, 'user'));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['user.login', 'user.logout']));
  });

  it('answers 401 to a request with no login, and 403 to a role the queue is not for', async () => {
    const anonymous = await hotline.request('/api/appeals?status=pending');
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthenticated');
    const handler = await hotline.loginAs('dept-urban');
    const denied = await hotline.request('/api/appeals?status=pending', { cookie: handler });
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.code).toBe('forbidden');
    for (const role of ['agent1', 'supervisor', 'admin']) {
      expect((await hotline.request('/api/appeals', { cookie: await hotline.loginAs(role) })).status).toBe(200);
    }
  });

  it('ignores a forged session cookie', async () => {
    const res = await hotline.request('/api/appeals', { cookie: 'hotline_session=forged-token-value' });
    expect(res.status).toBe(401);
  });

  it('logs a user out on every device at once', async () => {
    const [laptop, phone] = [await hotline.loginAs('supervisor'), await hotline.loginAs('supervisor')];
    const res = await hotline.request('/api/auth/logout-everywhere', { method: 'POST', cookie: laptop });
    expect(res.status).toBe(200);
    expect((await res.json()).revoked).toBeGreaterThanOrEqual(2);
    for (const cookie of [laptop, phone]) expect((await hotline.request('/api/auth/me', { cookie })).status).toBe(401);
    expect((await hotline.request('/api/auth/logout-everywhere', { method: 'POST' })).status).toBe(401);
  });

  it('lets an admin disable an account, which ends its sessions at once, and enable it again', async () => {
    const admin = await hotline.loginAs('admin');
    const agent = await hotline.loginAs('agent2');
    const list = async () =>
      (await (await hotline.request('/api/admin/users', { cookie: admin })).json()).items as {
        id: string;
        username: string;
        disabledAt: string | null;
        openSessions: number;
      }[];
    const agent2 = (await list()).find((u) => u.username === 'agent2')!;
    expect(agent2.openSessions).toBeGreaterThanOrEqual(1);

    const disabled = await hotline.request(`/api/admin/users/${agent2.id}/disable`, { method: 'POST', cookie: admin });
    expect(await disabled.json()).toMatchObject({ disabled: true, revokedSessions: agent2.openSessions });
    expect((await hotline.request('/api/auth/me', { cookie: agent })).status).toBe(401);
    expect((await login('agent2', TEST_PASSWORD)).status).toBe(401);
    expect((await list()).find((u) => u.username === 'agent2')).toMatchObject({ disabledAt: expect.any(String), openSessions: 0 });

    expect((await hotline.request(`/api/admin/users/${agent2.id}/enable`, { method: 'POST', cookie: admin })).status).toBe(200);
    expect((await login('agent2', TEST_PASSWORD)).status).toBe(200);
    const audited = await hotline.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, agent2.id));
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled']));
  });

  it('keeps account administration to admins, and an admin from disabling themselves', async () => {
    const admin = await hotline.loginAs('admin');
    const me = (await (await hotline.request('/api/auth/me', { cookie: admin })).json()).user.id;
    const self = await hotline.request(`/api/admin/users/${me}/disable`, { method: 'POST', cookie: admin });
    expect(self.status).toBe(409);
    expect((await hotline.request('/api/auth/me', { cookie: admin })).status).toBe(200);
    for (const username of ['agent1', 'supervisor', 'dept-urban']) {
      const cookie = await hotline.loginAs(username);
      expect((await hotline.request('/api/admin/users', { cookie })).status).toBe(403);
      expect((await hotline.request(`/api/admin/users/${me}/disable`, { method: 'POST', cookie })).status).toBe(403);
    }
    expect((await hotline.request('/api/admin/users')).status).toBe(401);
    expect((await hotline.request('/api/admin/users/00000000-0000-4000-8000-000000000000/disable', { method: 'POST', cookie: admin })).status).toBe(404);
  });
});
