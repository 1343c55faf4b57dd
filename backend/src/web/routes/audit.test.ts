import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, startTestHotline } from '../../testing/hotline.ts';
import { recordAudit } from '../../platform/audit/index.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('the audit log screen’s API (审计日志) on %s', (kind) => {
  let hotline: TestHotline;
  let admin: string;
  let agentId: string;
  beforeAll(async () => {
    hotline = await startTestHotline(kind);
    admin = await hotline.loginAs('admin');
    const accounts = (await (await hotline.request('/api/admin/users', { cookie: admin })).json()).items as { id: string; username: string }[];
    agentId = accounts.find((a) => a.username === 'agent1')!.id;
    await hotline.request(`/api/admin/users/${agentId}/disable`, { method: 'POST', cookie: admin });
    await hotline.request(`/api/admin/users/${agentId}/enable`, { method: 'POST', cookie: admin });
    // Entries far in the past and a formula-looking value, written as any domain writes them.
    await recordAudit(hotline.database.db, { type: 'system' }, { action: 'appeal.rejected', entityType: 'appeal', entityId: '=HYPERLINK("x")' });
  });
  afterAll(() => hotline?.close());

  const get = async (query: string) => {
    const res = await hotline.request(`/api/admin/audit?${query}`, { cookie: admin });
    expect(res.status, await res.clone().text()).toBe(200);
    return res.json();
  };

  it('filters by actor, action prefix and entity, newest first, naming who acted', async () => {
    const page = await get(`actor=admin&action=user.&entityType=user&entityId=${agentId}`);
    expect(page.items.map((e: { action: string }) => e.action)).toEqual(['user.enabled', 'user.disabled']);
    expect(page.items[0]).toMatchObject({ actorType: 'user', actorUsername: 'admin', before: { disabled: true }, after: { disabled: false } });
    expect(page.total).toBe(2);
    expect((await get('action=user%')).total).toBe(0);
  });

  it('pages through with a total, and filters by time', async () => {
    const all = await get('pageSize=2');
    expect(all.items).toHaveLength(2);
    const second = await get('pageSize=2&page=2');
    expect(second.items[0].id).toBeLessThan(all.items[1].id);
    expect(second.total).toBe(all.total);
    const future = await get(`from=${encodeURIComponent('2099-01-01T00:00:00Z')}`);
    expect(future).toMatchObject({ items: [], total: 0 });
    expect((await get(`to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).total).toBe(all.total);
  });

  it('exports the filtered entries as CSV, with formula-looking cells defused', async () => {
    const res = await hotline.request('/api/admin/audit.csv?action=appeal.rejected', { cookie: admin });
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes), { bom: true }) as string[][];
    expect(rows[0]![0]).toBe('时间');
    expect(rows).toHaveLength(2);
    expect(rows[1]![6]).toBe(`'=HYPERLINK("x")`);
  });

  it('names the field of a bad filter, and is for admins only', async () => {
    const bad = await hotline.request('/api/admin/audit?from=yesterday', { cookie: admin });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^from/);
    expect((await hotline.request('/api/admin/audit', { cookie: await hotline.loginAs('supervisor') })).status).toBe(403);
  });
});
