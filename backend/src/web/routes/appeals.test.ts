import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, startTestHotline, submitWebAppeal } from '../../testing/hotline.ts';
import { auditLog } from '../../platform/audit/index.ts';
import { conversations } from '../../messaging/index.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('the pre-acceptance queue on %s', (kind) => {
  let hotline: TestHotline;
  let agent: string;
  beforeAll(async () => {
    hotline = await startTestHotline(kind);
    agent = await hotline.loginAs('agent1');
  });
  afterAll(() => hotline?.close());

  const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  async function fileAppeal(text: string) {
    const { body, cookie } = await submitWebAppeal(hotline, { text });
    const page = await (await hotline.request('/api/appeals?pageSize=100', { cookie: agent })).json();
    return { appeal: page.items.find((a: { caseNumber: string }) => a.caseNumber === body.caseNumber), citizen: cookie };
  }

  it('lists pending appeals oldest first, a page at a time', async () => {
    for (let i = 1; i <= 5; i++) await submitWebAppeal(hotline, { text: `排队诉求 ${i}` });
    const first = await (await hotline.request('/api/appeals?status=pending&page=1&pageSize=2', { cookie: agent })).json();
    const second = await (await hotline.request('/api/appeals?status=pending&page=2&pageSize=2', { cookie: agent })).json();
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 5 });
    expect(first.items.map((a: { summary: string }) => a.summary)).toEqual(['排队诉求 1', '排队诉求 2']);
    expect(second.items.map((a: { summary: string }) => a.summary)).toEqual(['排队诉求 3', '排队诉求 4']);
    expect((await hotline.request('/api/appeals?pageSize=101', { cookie: agent })).status).toBe(400);
    expect((await hotline.request('/api/appeals?status=lost', { cookie: agent })).status).toBe(400);
  });

  it('shows one appeal with its conversation, and 404 for an unknown id', async () => {
    const { appeal } = await fileAppeal('公园的长椅坏了');
    const detail = await (await hotline.request(`/api/appeals/${appeal.id}`, { cookie: agent })).json();
    expect(detail).toMatchObject({ id: appeal.id, status: 'pending', channel: 'web' });
    expect(detail.messages).toEqual([expect.objectContaining({ direction: 'in', text: '公园的长椅坏了', author: null })]);
    const unknown = await hotline.request('/api/appeals/00000000-0000-4000-8000-000000000000', { cookie: agent });
    expect(unknown.status).toBe(404);
    expect((await hotline.request('/api/appeals/not-a-uuid', { cookie: agent })).status).toBe(400);
  });

  it("sends a reply on the appeal's own channel, makes the agent its owner, and shows it to the citizen", async () => {
    const { appeal, citizen } = await fileAppeal('小区停车位被占');
    const res = await hotline.request(`/api/appeals/${appeal.id}/replies`, { ...json({ text: '您好，我们已收到，正在核实。' }), cookie: agent });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ direction: 'out', channel: 'web', deliveryStatus: 'sent', author: { displayName: '坐席 李娜' } });
    const detail = await (await hotline.request(`/api/appeals/${appeal.id}`, { cookie: agent })).json();
    expect(detail.assignee).toMatchObject({ displayName: '坐席 李娜' });
    const claims = await hotline.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, appeal.id), eq(auditLog.action, 'appeal.assigned')));
    expect(claims).toHaveLength(1);
    const chat = await (await hotline.request('/api/public/chat', { cookie: citizen })).json();
    expect(chat.lines.at(-1)).toMatchObject({ direction: 'out', text: '您好，我们已收到，正在核实。' });
    expect((await hotline.request(`/api/appeals/${appeal.id}/replies`, { ...json({ text: '' }), cookie: agent })).status).toBe(400);
  });

  it('accepts an appeal once; a second decision is a 409 with the current state', async () => {
    const { appeal, citizen } = await fileAppeal('道路中间有大坑');
    const accepted = await hotline.request(`/api/appeals/${appeal.id}/accept`, { method: 'POST', cookie: agent });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: 'accepted', decidedAt: expect.any(String) });
    const again = await hotline.request(`/api/appeals/${appeal.id}/reject`, { ...json({ reason: '重复' }), cookie: agent });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ code: 'conflict', details: { status: 'accepted' } });
    const lookup = await (await hotline.request(`/api/public/appeals/${appeal.caseNumber}`)).json();
    // Then the event's own steps follow (dispatched…), when the draft placed it as one.
    expect(lookup.progress.map((p: { step: string }) => p.step).slice(0, 2)).toEqual(['received', 'accepted']);
    // One notice for the step: the dispatch notice when an event was placed, else the acceptance's own.
    const expected = lookup.event ? '已受理，派由' : '已受理，我们将尽快交办处理';
    await vi.waitFor(async () => {
      const chat = await (await hotline.request('/api/public/chat', { cookie: citizen })).json();
      expect(chat.lines.filter((line: { text: string }) => line.text.includes('已受理')).map((line: { text: string }) => line.text)).toEqual([
        expect.stringContaining(expected),
      ]);
    }, 5_000);
  });

  it('rejects with a reason the citizen sees, closes the conversation, and audits before → after', async () => {
    const { appeal, citizen } = await fileAppeal('想咨询一下邻市的公积金政策');
    const res = await hotline.request(`/api/appeals/${appeal.id}/reject`, { ...json({ reason: '不属于本区受理范围，请咨询邻市12345' }), cookie: agent });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'rejected', rejectReason: '不属于本区受理范围，请咨询邻市12345', assignee: { displayName: '坐席 李娜' } });

    const lookup = await (await hotline.request(`/api/public/appeals/${appeal.caseNumber}`)).json();
    expect(lookup).toMatchObject({ status: 'rejected', rejectReason: '不属于本区受理范围，请咨询邻市12345' });
    const chat = await (await hotline.request('/api/public/chat', { cookie: citizen })).json();
    expect(chat.lines.at(-1).text).toContain('不属于本区受理范围');

    const { db } = hotline.database;
    const [conversation] = await db.select().from(conversations).where(eq(conversations.currentAppealId, appeal.id));
    expect(conversation!.status).toBe('closed');
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, appeal.id), eq(auditLog.action, 'appeal.rejected')));
    expect(entry).toMatchObject({
      actorType: 'user',
      before: { status: 'pending' },
      after: { status: 'rejected', rejectReason: '不属于本区受理范围，请咨询邻市12345' },
    });

    // The citizen writes again after the decision: that opens a new appeal, not a reopened one.
    const next = await hotline.request('/api/public/chat/messages', { ...json({ text: '那我换个问题' }), cookie: citizen });
    expect((await next.json()).line.caseNumber).not.toBe(appeal.caseNumber);
  });

  it('requires a reason to reject', async () => {
    const { appeal } = await fileAppeal('没有理由的拒绝');
    const res = await hotline.request(`/api/appeals/${appeal.id}/reject`, { ...json({ reason: ' ' }), cookie: agent });
    expect(res.status).toBe(400);
    const detail = await (await hotline.request(`/api/appeals/${appeal.id}`, { cookie: agent })).json();
    expect(detail.status).toBe('pending');
  });

  it('keeps department handlers out of queue actions', async () => {
    const { appeal } = await fileAppeal('处置部门不能直接受理');
    const handler = await hotline.loginAs('dept-water');
    expect((await hotline.request(`/api/appeals/${appeal.id}/accept`, { method: 'POST', cookie: handler })).status).toBe(403);
    expect((await hotline.request(`/api/appeals/${appeal.id}/replies`, { ...json({ text: 'x' }), cookie: handler })).status).toBe(403);
    expect((await hotline.request(`/api/appeals/${appeal.id}/accept`, { method: 'POST' })).status).toBe(401);
  });
});
