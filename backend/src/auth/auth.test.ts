import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../testing/databases.ts';
import { TEST_PASSWORD, type TestHotline, sessionCookie, startTestHotline } from '../testing/hotline.ts';
import { auditLog } from '../audit/schema.ts';
import { users } from './schema.ts';

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
    expect((await me.json()).user.username).toBe('agent1');
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    for (const [username, password] of [['agent1', 'wrong-password'], ['nobody', TEST_PASSWORD]] as const) {
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
});
