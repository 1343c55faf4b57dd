import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, startTestHotline } from '../../testing/hotline.ts';
import { insertTriagedAppeals } from '../../testing/staff.ts';
import { auditLog } from '../../platform/audit/index.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('departments administration (部门管理) on %s', (kind) => {
  let hotline: TestHotline;
  let admin: string;
  beforeAll(async () => {
    hotline = await startTestHotline(kind);
    admin = await hotline.loginAs('admin');
  });
  afterAll(() => hotline?.close());

  const send = (method: string, path: string, body?: unknown, cookie = admin) =>
    hotline.request(path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body), cookie });

  it('adds a department and a sub-center, refusing a sub-center without its street and a code in use', async () => {
    const noStreet = await send('POST', '/api/admin/departments', {
      code: 'sc-beiyuan',
      name: '北苑街道联动分中心',
      nameEn: 'Beiyuan sub-center',
      kind: 'sub_center',
    });
    expect(noStreet.status).toBe(400);
    expect((await noStreet.json()).error.message).toMatch(/^streetCode/);
    const created = await send('POST', '/api/admin/departments', { code: 'energy', name: '能源局', nameEn: 'Energy Bureau', kind: 'department' });
    expect(created.status, await created.clone().text()).toBe(201);
    expect(await created.json()).toMatchObject({ code: 'energy', kind: 'department', retired: false, handlers: 0 });
    expect((await send('POST', '/api/admin/departments', { code: 'energy', name: '重复', nameEn: 'Dup', kind: 'department' })).status).toBe(409);
    const list = (await (await send('GET', '/api/admin/departments')).json()).items;
    expect(list.find((d: { code: string }) => d.code === 'water').handlers).toBeGreaterThanOrEqual(1);
  });

  it('retires a department: no new event goes to it, its name stays for the past, and it can come back', async () => {
    const renamed = await send('PATCH', '/api/admin/departments/energy', { name: '区能源局' });
    expect((await renamed.json()).name).toBe('区能源局');
    const retired = await send('PATCH', '/api/admin/departments/energy', { retired: true });
    expect(await retired.json()).toMatchObject({ name: '区能源局', retired: true });
    const everyone = (await (await send('GET', '/api/departments', undefined, await hotline.loginAs('agent1'))).json()).departments;
    expect(everyone.find((d: { code: string }) => d.code === 'energy')).toMatchObject({ name: '区能源局', retired: true });

    const [appeal] = await insertTriagedAppeals(hotline, [{ channel: 'web', categoryCode: 'utility-services' }]);
    const agent = await hotline.loginAs('agent1');
    const accept = (lead: string) =>
      send(
        'POST',
        `/api/appeals/${appeal!.id}/accept`,
        { categoryCode: 'utility-services', urgency: 'normal', leadDepartmentCode: lead, timeLimitAt: new Date(Date.now() + 72 * 3600_000).toISOString() },
        agent,
      );
    const refused = await accept('energy');
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toMatch(/^leadDepartmentCode/);

    expect((await send('PATCH', '/api/admin/departments/energy', { retired: false })).status).toBe(200);
    expect((await accept('energy')).status).toBe(200);
    const actions = (await hotline.database.db.select().from(auditLog).where(eq(auditLog.entityId, 'energy'))).map((e) => e.action);
    expect(actions).toEqual(['department.created', 'department.updated', 'department.retired', 'department.restored']);
    expect((await send('PATCH', '/api/admin/departments/no-such', { name: 'x' })).status).toBe(404);
  });
});
