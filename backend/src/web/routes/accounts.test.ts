import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { TEST_PASSWORD, type TestHotline, startTestHotline } from '../../testing/hotline.ts';
import { auditLog } from '../../platform/audit/index.ts';
import { users } from '../../identity/auth/index.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('staff administration (账号管理) on %s', (kind) => {
  let hotline: TestHotline;
  let admin: string;
  beforeAll(async () => {
    hotline = await startTestHotline(kind);
    admin = await hotline.loginAs('admin');
  });
  afterAll(() => hotline?.close());

  const send = (method: string, path: string, body?: unknown, cookie = admin) =>
    hotline.request(path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body), cookie });
  const login = (username: string, password: string) => send('POST', '/api/auth/login', { username, password }, '');
  const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;
  const account = async (username: string) =>
    ((await (await send('GET', '/api/admin/users')).json()).items as { id: string; username: string }[]).find((a) => a.username === username);
  const auditOf = (id: string) => hotline.database.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id);

  it('creates a handler with a first password shown once, which must be changed before any work', async () => {
    const created = await send('POST', '/api/admin/users', { username: 'li.water', displayName: '李水务', role: 'handler', departmentCode: 'water' });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id, password } = await created.json();
    expect(password).toMatch(/^[\w-]{16}$/);
    expect((await hotline.database.db.select().from(users).where(eq(users.id, id)))[0]!.passwordHash).not.toContain(password);

    const first = await login('li.water', password);
    expect(first.status).toBe(200);
    expect((await first.json()).user).toMatchObject({ role: 'handler', departmentCode: 'water', mustChangePassword: true });
    const cookie = cookieOf(first);
    const blocked = await send('GET', '/api/events', undefined, cookie);
    expect(blocked.status).toBe(403);
    expect((await blocked.json()).error.code).toBe('password_change_required');

    const weak = await send('POST', '/api/auth/password', { currentPassword: password, newPassword: 'short' }, cookie);
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.message).toMatch(/^newPassword: must be at least 10 characters/);
    for (const newPassword of ['li.water', TEST_PASSWORD]) {
      const refused = await send('POST', '/api/auth/password', { currentPassword: password, newPassword }, cookie);
      expect(refused.status).toBe(400);
    }
    const wrong = await send('POST', '/api/auth/password', { currentPassword: 'not-the-password', newPassword: 'water-works-2026' }, cookie);
    expect((await wrong.json()).error.message).toMatch(/^currentPassword/);

    const changed = await send('POST', '/api/auth/password', { currentPassword: password, newPassword: 'water-works-2026' }, cookie);
    expect((await changed.json()).user.mustChangePassword).toBe(false);
    expect((await send('GET', '/api/events', undefined, cookie)).status).toBe(200);
    expect((await login('li.water', 'water-works-2026')).status).toBe(200);
    expect((await auditOf(id)).map((e) => e.action)).toEqual(expect.arrayContaining(['user.created', 'user.password_changed']));
  });

  it('refuses a handler without a department, an unknown department and a taken username, writing nothing', async () => {
    const before = (await hotline.database.db.select().from(users)).length;
    const noDepartment = await send('POST', '/api/admin/users', { username: 'nodept', displayName: '无部门', role: 'handler' });
    expect(noDepartment.status).toBe(400);
    expect((await noDepartment.json()).error.message).toMatch(/^departmentCode/);
    const unknown = await send('POST', '/api/admin/users', { username: 'nodept', displayName: '无部门', role: 'handler', departmentCode: 'no-such' });
    expect((await unknown.json()).error.message).toMatch(/^departmentCode: no department no-such/);
    const taken = await send('POST', '/api/admin/users', { username: 'agent1', displayName: '重名', role: 'agent' });
    expect(taken.status).toBe(409);
    const badRole = await send('POST', '/api/admin/users', { username: 'x-role', displayName: 'x', role: 'root' });
    expect((await badRole.json()).error.message).toMatch(/^role/);
    expect((await hotline.database.db.select().from(users)).length).toBe(before);
  });

  it('edits capacity and skills, audited before and after, and routing reads the capacity', async () => {
    const agent2 = (await account('agent2'))!;
    const res = await send('PATCH', `/api/admin/users/${agent2.id}`, {
      displayName: '坐席二号',
      chatCapacity: 7,
      skills: { channels: ['sms', 'web'], languages: ['zh'], platforms: [] },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ displayName: '坐席二号', chatCapacity: 7, callCapacity: null, skills: { channels: ['sms', 'web'] } });
    const presence = await send('GET', '/api/me/presence', undefined, await hotline.loginAs('agent2'));
    expect((await presence.json()).capacity).toEqual({ chats: 7, calls: hotline.deps.config.routing.capacity.calls });
    const [entry] = (await auditOf(agent2.id)).filter((e) => e.action === 'user.updated');
    expect(entry).toMatchObject({ before: { chatCapacity: null, skills: null }, after: { displayName: '坐席二号', chatCapacity: 7 } });
    expect((await send('PATCH', `/api/admin/users/${agent2.id}`, { chatCapacity: -1 })).status).toBe(400);
  });

  it('resets a password: the old one and every session end, and the new one must be changed', async () => {
    const agent3 = (await account('agent3'))!;
    const session = await hotline.loginAs('agent3');
    const res = await send('POST', `/api/admin/users/${agent3.id}/reset-password`);
    const { password } = await res.json();
    expect((await send('GET', '/api/auth/me', undefined, session)).status).toBe(401);
    expect((await login('agent3', TEST_PASSWORD)).status).toBe(401);
    const fresh = await login('agent3', password);
    expect((await fresh.json()).user.mustChangePassword).toBe(true);
    expect((await auditOf(agent3.id)).at(-2)).toMatchObject({ action: 'user.password_reset', after: { mustChangePassword: true } });
  });

  it('ends every session of an account without disabling it', async () => {
    const supervisor = (await account('supervisor'))!;
    const [a, b] = [await hotline.loginAs('supervisor'), await hotline.loginAs('supervisor')];
    const res = await send('POST', `/api/admin/users/${supervisor.id}/end-sessions`);
    expect((await res.json()).revoked).toBeGreaterThanOrEqual(2);
    for (const cookie of [a, b]) expect((await send('GET', '/api/auth/me', undefined, cookie)).status).toBe(401);
    expect((await login('supervisor', TEST_PASSWORD)).status).toBe(200);
  });

  it('imports accounts from CSV, all or nothing, naming the bad row and column', async () => {
    const header = 'username,displayName,role,departmentCode,chatCapacity,callCapacity,channels,languages,platforms';
    const bad = await send('POST', '/api/admin/users/import', { csv: `${header}\nwang.a,王坐席,agent,,5,1,sms;web,zh,\nzhao.b,赵,chief,,,,,,\n` });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^rows\.2\.role/);
    const twice = await send('POST', '/api/admin/users/import', { csv: `${header}\ndup.a,甲,agent,,,,,,\ndup.a,乙,agent,,,,,,\n` });
    expect(twice.status).toBe(409);
    expect((await twice.json()).error.message).toMatch(/^rows\.2\.username/);
    expect(await account('wang.a')).toBeUndefined();
    expect(await account('dup.a')).toBeUndefined();

    const good = await send('POST', '/api/admin/users/import', {
      csv: `\uFEFF${header}\nwang.a,王坐席,agent,,5,1,sms;web,zh,services\n"zhou.c","周, 处置",handler,urban,,,,,\n`,
    });
    expect(good.status, await good.clone().text()).toBe(201);
    const { items } = await good.json();
    expect(items.map((i: { username: string }) => i.username)).toEqual(['wang.a', 'zhou.c']);
    expect(await account('zhou.c')).toMatchObject({ displayName: '周, 处置', role: 'handler', departmentCode: 'urban' });
    expect(await account('wang.a')).toMatchObject({ chatCapacity: 5, skills: { channels: ['sms', 'web'], languages: ['zh'], platforms: ['services'] } });
    expect((await login('zhou.c', items[1].password)).status).toBe(200);
  });
});
