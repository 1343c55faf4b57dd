import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, startTestHotline } from '../../testing/hotline.ts';
import { type FakeProvider, startFakeProvider } from '../../testing/fake-provider.ts';
import { fakeTwilioMessages, twilioEnv } from '../../testing/twilio.ts';
import { insertTriagedAppeals } from '../../testing/staff.ts';
import { acceptAsEvent, textedAppeal } from '../../testing/closed-loop.ts';
import { auditLog } from '../../platform/audit/index.ts';
import { appeals } from '../../appeals/index.ts';
import { events } from '../../linkage/index.ts';
import { addSongfengDistrict } from '../../testing/territory-fixture.ts';
import type { RecordPage } from '../../reporting/records/index.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('综合查询 GET /api/records on %s', (kind) => {
  let hotline: TestHotline;
  let twilio: FakeProvider;
  let agent: string;
  let handler: string;

  beforeAll(async () => {
    twilio = await startFakeProvider([fakeTwilioMessages]);
    hotline = await startTestHotline(kind, { env: twilioEnv(twilio) });
    await addSongfengDistrict(hotline);
    [agent, handler] = await Promise.all([hotline.loginAs('agent1'), hotline.loginAs('dept-urban')]);
  });
  afterAll(async () => {
    await hotline?.close();
    await twilio?.close();
  });

  const search = async (query: string, cookie = agent) => {
    const res = await hotline.request(`/api/records?${query}`, { cookie });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as RecordPage;
  };
  const cases = (page: RecordPage) => page.items.map((r) => r.caseNumber);
  const post = (path: string, body: unknown, cookie = agent) =>
    hotline.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), cookie });

  it('finds a word in the middle of the citizen’s text, in a reply and in a note, and every word of several', async () => {
    const lamp = await textedAppeal(hotline, '+8613800138000', '小区门口那盏路灯坏了，晚上很黑');
    const noise = await textedAppeal(hotline, '+8613900139000', '楼下广场舞噪音太大');
    await hotline.deps.triage.idle();
    expect(cases(await search(`q=${encodeURIComponent('路灯')}`))).toEqual([lamp.caseNumber]);
    expect(cases(await search(`q=${encodeURIComponent('路灯 很黑')}`))).toEqual([lamp.caseNumber]);
    expect(cases(await search(`q=${encodeURIComponent('路灯 噪音')}`))).toEqual([]);
    expect((await search(`q=${encodeURIComponent('广场舞')}`)).total).toBe(1);

    expect((await post(`/api/appeals/${noise.id}/claim`, {})).status).toBe(200);
    expect((await post(`/api/appeals/${noise.id}/replies`, { text: '已转城管中队夜间巡查' })).status).toBe(201);
    expect((await post(`/api/appeals/${lamp.id}/notes`, { text: '市民说灯杆编号模糊' })).status).toBe(201);
    expect(cases(await search(`q=${encodeURIComponent('夜间巡查')}`))).toEqual([noise.caseNumber]);
    expect(cases(await search(`q=${encodeURIComponent('灯杆编号')}`))).toEqual([lamp.caseNumber]);
  });

  it('matches a phone number however it is typed, a case number exactly, and audits the contacts it returns', async () => {
    const [lamp] = await hotline.database.db.select().from(appeals).where(eq(appeals.summary, '小区门口那盏路灯坏了，晚上很黑'));
    const audits = async () => hotline.database.db.$count(auditLog, eq(auditLog.action, 'records.searched'));
    const before = await audits();
    for (const typed of ['138 0013 8000', '+86 138-0013-8000', '13800138000']) {
      const page = await search(`phone=${encodeURIComponent(typed)}`);
      expect(cases(page)).toEqual([lamp!.caseNumber]);
      expect(page.items[0]!.contact?.phones).toEqual(['+8613800138000']);
    }
    expect(await audits()).toBe(before + 3);
    expect(cases(await search(`caseNumber=${lamp!.caseNumber}`))).toEqual([lamp!.caseNumber]);
    expect(cases(await search(`caseNumber=${lamp!.caseNumber.slice(0, -1)}`))).toEqual([]);
    // Nothing found, no contacts handed out: nothing to audit.
    await search('phone=13000000000');
    expect(await audits()).toBe(before + 4);
  });

  it('filters by street and by the warnings raised, and pages by keyset with the count', async () => {
    const made = await insertTriagedAppeals(hotline, [
      ...Array.from({ length: 5 }, (_, i) => ({
        channel: 'web' as const,
        summary: `竹林街道积水 ${i}`,
        gridCode: 'sf-s1-c1-g1',
        categoryCode: 'city-appearance',
      })),
      { channel: 'web' as const, summary: '梅岭街道积水', gridCode: 'sf-s2-c1-g1', categoryCode: 'city-appearance' },
    ]);
    const accepted = await Promise.all(made.map((a) => acceptAsEvent(hotline, a.id)));
    const red = [accepted[1]!, accepted[3]!, accepted[5]!];
    for (const e of red) await hotline.database.db.update(events).set({ redRaisedAt: new Date() }).where(eq(events.id, e.id));

    const street = await search('street=sf-s1&overdue=red');
    expect(street.total).toBe(2);
    expect(new Set(cases(street))).toEqual(new Set([made[1]!.caseNumber, made[3]!.caseNumber]));
    expect(street.items.every((r) => r.event?.warnings.includes('red'))).toBe(true);
    expect((await search('community=sf-s2-c1')).total).toBe(1);

    const seen: string[] = [];
    let page = await search('street=sf-s1&limit=2');
    expect(page.total).toBe(5);
    for (;;) {
      seen.push(...cases(page));
      if (!page.nextCursor) break;
      page = await search(`street=sf-s1&limit=2&cursor=${page.nextCursor}`);
    }
    // Newest first, each once.
    expect(seen).toEqual(
      made
        .slice(0, 5)
        .map((a) => a.caseNumber)
        .reverse(),
    );

    const bad = await hotline.request('/api/records?street=sf-nowhere', { cookie: agent });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain('street');
    expect((await hotline.request('/api/records?cursor=bm9wZQ', { cookie: agent })).status).toBe(400);
  });

  it('sorts by nearest time limit and by urgency', async () => {
    const [soon, later] = await insertTriagedAppeals(hotline, [
      { channel: 'sms', summary: '时限排序 甲', gridCode: 'sf-s2-c1-g1', categoryCode: 'city-appearance' },
      { channel: 'sms', summary: '时限排序 乙', gridCode: 'sf-s2-c1-g1', categoryCode: 'city-appearance', urgency: 'urgent' },
    ]);
    const [e1, e2] = [await acceptAsEvent(hotline, soon!.id), await acceptAsEvent(hotline, later!.id)];
    await hotline.database.db
      .update(events)
      .set({ timeLimitAt: new Date(Date.now() + 3600_000) })
      .where(eq(events.id, e1.id));
    await hotline.database.db
      .update(events)
      .set({ timeLimitAt: new Date(Date.now() + 7200_000) })
      .where(eq(events.id, e2.id));
    const q = `q=${encodeURIComponent('时限排序')}`;
    expect(cases(await search(`${q}&sort=timeLeft`))).toEqual([soon!.caseNumber, later!.caseNumber]);
    expect(cases(await search(`${q}&sort=urgency`))).toEqual([later!.caseNumber, soon!.caseNumber]);
  });

  it('shows a department only its own events, without contacts, a 举报 masked and unfindable by its numbers', async () => {
    const [own, other] = await insertTriagedAppeals(hotline, [
      { channel: 'sms', summary: '举报工地偷排污水，我的电话13812345678' },
      { channel: 'sms', summary: '举报餐馆油烟' },
    ]);
    await hotline.database.db.update(appeals).set({ appealType: 'report' }).where(eq(appeals.id, own!.id));
    await acceptAsEvent(hotline, own!.id, 'urban');
    await acceptAsEvent(hotline, other!.id, 'market');

    const audits = () => hotline.database.db.$count(auditLog, eq(auditLog.action, 'records.searched'));
    const before = await audits();
    const mine = await search(`q=${encodeURIComponent('举报')}`, handler);
    expect(cases(mine)).toEqual([own!.caseNumber]);
    expect(mine.items[0]).toMatchObject({ contact: null, summary: '举报工地偷排污水，我的电话***********' });
    expect((await search('q=13812345678', handler)).total).toBe(0);
    // No contacts went to the department: nothing to audit.
    expect(await audits()).toBe(before);
    expect((await search('q=13812345678', agent)).total).toBe(1);
    expect((await hotline.request('/api/records?phone=13812345678', { cookie: handler })).status).toBe(403);
  });

  it('keeps saved searches per user, replaced by name, deleted by their owner only', async () => {
    const saved = await post('/api/records/saved', { name: '我的超期', query: 'overdue=red&street=sf-s1' });
    expect(saved.status).toBe(200);
    const { id } = await saved.json();
    expect((await post('/api/records/saved', { name: '我的超期', query: 'overdue=yellow,red' })).status).toBe(200);
    const list = await (await hotline.request('/api/records/saved', { cookie: agent })).json();
    expect(list).toMatchObject([{ id, name: '我的超期', query: 'overdue=yellow,red' }]);
    expect(await (await hotline.request('/api/records/saved', { cookie: handler })).json()).toEqual([]);
    expect((await hotline.request(`/api/records/saved/${id}`, { method: 'DELETE', cookie: handler })).status).toBe(404);
    expect((await hotline.request(`/api/records/saved/${id}`, { method: 'DELETE', cookie: agent })).status).toBe(204);
  });
});
