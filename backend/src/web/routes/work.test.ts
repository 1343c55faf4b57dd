import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import { type Socket, io } from 'socket.io-client';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, startTestHotline, submitWebAppeal } from '../../testing/hotline.ts';
import { type FakeProvider, startFakeProvider } from '../../testing/fake-provider.ts';
import { fakeTwilioMessages, postTwilio, smsParams, twilioEnv } from '../../testing/twilio.ts';
import { insertTriagedAppeals } from '../../testing/staff.ts';
import { auditLog } from '../../platform/audit/index.ts';
import { users } from '../../identity/auth/index.ts';
import { conversations, messages } from '../../messaging/index.ts';
import { eventSteps, events } from '../../linkage/index.ts';
import { addWorkingDays } from '../../linkage/index.ts';
import { knowledgeArticles, cannedReplies } from '../../reference/knowledge/index.ts';
import { seedKnowledgeBase } from '../../demo/index.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../realtime/index.ts';
import type { NoteEvent } from '../../appeals/index.ts';
import { appeals } from '../../appeals/index.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const kinds = await testDatabaseKinds();
const HOUR = 3600_000;

describe.each(kinds)('working an appeal on %s', (kind) => {
  let hotline: TestHotline;
  let twilio: FakeProvider;
  let agent1: string;
  let agent2: string;
  let supervisor: string;
  const ids: Record<string, string> = {};
  const sockets: Client[] = [];

  beforeAll(async () => {
    twilio = await startFakeProvider([fakeTwilioMessages]);
    hotline = await startTestHotline(kind, { env: twilioEnv(twilio) });
    [agent1, agent2, supervisor] = (await Promise.all(['agent1', 'agent2', 'supervisor'].map((u) => hotline.loginAs(u)))) as [string, string, string];
    for (const u of await hotline.database.db.select({ id: users.id, username: users.username }).from(users)) ids[u.username] = u.id;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await hotline?.close();
    await twilio?.close();
  });

  const db = () => hotline.database.db;
  const post = (path: string, body: unknown, cookie: string) =>
    hotline.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), cookie });
  const detail = async (id: string) => (await hotline.request(`/api/appeals/${id}`, { cookie: agent1 })).json();
  // Staff-caused entries only: background jobs (citizen notices after a dispatch) write their own, as `system`, at their own pace.
  const auditCount = () => db().$count(auditLog, ne(auditLog.actorType, 'system'));
  async function webAppeal(text: string, extra: Record<string, unknown> = {}, cookie?: string) {
    const { body, cookie: citizen } = await submitWebAppeal(hotline, { text, ...extra }, cookie);
    await hotline.deps.triage.idle();
    const [appeal] = await db().select().from(appeals).where(eq(appeals.caseNumber, body.caseNumber!));
    return { appeal: appeal!, citizen };
  }
  function connect(cookie: string): Promise<Client> {
    const socket: Client = io(hotline.url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    sockets.push(socket);
    return new Promise((resolve, reject) => socket.once('connect', () => resolve(socket)).once('connect_error', reject));
  }

  describe('transfer (转交)', () => {
    it('hands an appeal the agent holds to a colleague, the note kept as a private note, audited', async () => {
      const { appeal } = await webAppeal('转交测试：楼上漏水好几天了');
      await post(`/api/appeals/${appeal.id}/claim`, {}, agent1);
      const before = await detail(appeal.id);

      expect((await post(`/api/appeals/${appeal.id}/transfer`, { toUserId: ids.agent3 }, agent2)).status).toBe(403);
      const res = await post(`/api/appeals/${appeal.id}/transfer`, { toUserId: ids.agent2, note: '市民情绪激动，已安抚，请跟进维修进度' }, agent1);
      expect(res.status).toBe(200);
      const moved = await res.json();
      expect(moved).toMatchObject({ id: appeal.id, status: 'pending', assignee: { id: ids.agent2, displayName: '坐席 张伟' } });
      expect(Date.parse(moved.assignedAt)).toBeGreaterThanOrEqual(Date.parse(before.assignedAt));

      const after = await detail(appeal.id);
      expect(after.notes).toEqual([
        {
          id: expect.any(String),
          author: { id: ids.agent1, displayName: '坐席 李娜' },
          text: '市民情绪激动，已安抚，请跟进维修进度',
          createdAt: expect.any(String),
        },
      ]);
      const [entry] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, appeal.id), eq(auditLog.action, 'appeal.transferred')));
      expect(entry).toMatchObject({ actorId: ids.agent1, before: { assigneeId: ids.agent1 }, after: { assigneeId: ids.agent2, noteId: after.notes[0].id } });
      // The previous holder no longer holds it.
      expect((await post(`/api/appeals/${appeal.id}/transfer`, { toUserId: ids.agent3 }, agent1)).status).toBe(403);
    });

    it('lets supervisors and admins move any appeal and take one over; refuses bad targets with nothing written', async () => {
      const { appeal } = await webAppeal('转交测试：supervisor takes over');
      // An agent cannot transfer what nobody holds; a supervisor can.
      expect((await post(`/api/appeals/${appeal.id}/transfer`, { toUserId: ids.agent2 }, agent1)).status).toBe(403);
      expect((await post(`/api/appeals/${appeal.id}/transfer`, { toUserId: ids.agent3 }, supervisor)).status).toBe(200);
      const takeOver = await post(`/api/appeals/${appeal.id}/transfer`, { toUserId: ids.supervisor }, supervisor);
      expect(await takeOver.json()).toMatchObject({ assignee: { id: ids.supervisor } });
      const admin = await hotline.loginAs('admin');
      expect(await (await post(`/api/appeals/${appeal.id}/transfer`, { toUserId: ids.admin }, admin)).json()).toMatchObject({ assignee: { id: ids.admin } });

      const written = await auditCount();
      expect((await post(`/api/appeals/${appeal.id}/transfer`, { toUserId: ids.admin }, admin)).status).toBe(409);
      expect((await post(`/api/appeals/${appeal.id}/transfer`, { toUserId: ids['dept-water'] }, supervisor)).status).toBe(404);
      expect((await post(`/api/appeals/${appeal.id}/transfer`, { toUserId: ids.admin }, supervisor)).status).toBe(404);
      expect((await post(`/api/appeals/${appeal.id}/transfer`, { toUserId: '00000000-0000-4000-8000-000000000000' }, supervisor)).status).toBe(404);
      expect((await post(`/api/appeals/${appeal.id}/transfer`, { toUserId: 'agent2' }, supervisor)).status).toBe(400);
      expect((await post(`/api/appeals/${appeal.id}/transfer`, { toUserId: ids.agent1, note: 'x'.repeat(2001) }, supervisor)).status).toBe(400);
      expect(await auditCount()).toBe(written);
      expect((await detail(appeal.id)).assignee.id).toBe(ids.admin);

      await post(`/api/appeals/${appeal.id}/reject`, { reason: '测试' }, admin);
      expect((await post(`/api/appeals/${appeal.id}/transfer`, { toUserId: ids.agent1 }, supervisor)).status).toBe(409);
    });
  });

  describe('private notes', () => {
    it('stores notes for staff, lists them oldest first and pushes note:new; the citizen never sees them', async () => {
      const { appeal, citizen } = await webAppeal('备注测试：小区健身器材坏了');
      const staff = await connect(agent2);
      const citizenPage = await connect(citizen);
      const toCitizen: string[] = [];
      citizenPage.on('chat:message', (l) => toCitizen.push(l.text));
      citizenPage.on('note:new' as never, () => void toCitizen.push('a note reached the citizen'));
      const pushed = new Promise<NoteEvent>((resolve) => staff.on('note:new', (n) => n.appealId === appeal.id && resolve(n)));

      const res = await post(`/api/appeals/${appeal.id}/notes`, { text: '内部备注：该市民上周反映过同一问题' }, agent1);
      expect(res.status).toBe(201);
      const note = await res.json();
      expect(note).toEqual({
        id: expect.any(String),
        author: { id: ids.agent1, displayName: '坐席 李娜' },
        text: '内部备注：该市民上周反映过同一问题',
        createdAt: expect.any(String),
      });
      expect(await pushed).toEqual({ ...note, appealId: appeal.id });
      await post(`/api/appeals/${appeal.id}/notes`, { text: '第二条备注' }, agent2);
      // A reply after the notes, so the citizen's socket has certainly received everything sent before it.
      const replied = new Promise<void>((resolve) => citizenPage.on('chat:message', (l) => l.text === '您好，已收到' && resolve()));
      await post(`/api/appeals/${appeal.id}/replies`, { text: '您好，已收到' }, agent1);
      await replied;

      expect((await detail(appeal.id)).notes.map((n: { text: string }) => n.text)).toEqual(['内部备注：该市民上周反映过同一问题', '第二条备注']);
      expect(toCitizen).toEqual(['您好，已收到']);
      const chat = await (await hotline.request('/api/public/chat', { cookie: citizen })).json();
      expect(chat.lines.map((l: { text: string }) => l.text)).toEqual(['备注测试：小区健身器材坏了', '您好，已收到']);
      expect(await db().$count(messages, eq(messages.text, '第二条备注'))).toBe(0);
      const lookup = await (await hotline.request(`/api/public/appeals/${appeal.caseNumber}`)).text();
      expect(lookup).not.toContain('备注');
      const [entry] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, appeal.id), eq(auditLog.action, 'note.added')));
      expect(entry).toMatchObject({ actorId: ids.agent1, after: { noteId: note.id } });
    });

    it('refuses an empty note, a handler and an unknown appeal', async () => {
      const { appeal } = await webAppeal('备注校验');
      const written = await auditCount();
      expect((await post(`/api/appeals/${appeal.id}/notes`, { text: '  ' }, agent1)).status).toBe(400);
      expect((await post(`/api/appeals/${appeal.id}/notes`, { text: 'x' }, await hotline.loginAs('dept-water'))).status).toBe(403);
      expect((await post('/api/appeals/00000000-0000-4000-8000-000000000000/notes', { text: 'x' }, agent1)).status).toBe(404);
      expect(await auditCount()).toBe(written + 1); // the handler's login
    });
  });

  describe('direct answer (直接答复)', () => {
    it("sends the answer on the citizen's channel, closes the appeal as answered, audited", async () => {
      const phone = '+8613811112222';
      await postTwilio(hotline, '/channels/twilio/sms', smsParams(phone, '请问公积金怎么提取？'));
      await hotline.deps.triage.idle();
      const [appeal] = await db().select().from(appeals).where(eq(appeals.summary, '请问公积金怎么提取？'));
      const answer = '您好，租房提取公积金可通过公积金中心网上服务大厅办理，每年一次，需身份证和租房备案。';
      const res = await post(`/api/appeals/${appeal!.id}/answer`, { text: answer }, agent2);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        status: 'answered',
        decidedAt: expect.any(String),
        firstResponseAt: expect.any(String),
        assignee: { id: ids.agent2 },
      });
      const sent = await twilio.waitFor((r) => r.form?.get('Body') === answer);
      expect(sent.form?.get('To')).toBe(phone);
      const [conversation] = await db().select().from(conversations).where(eq(conversations.id, appeal!.conversationId));
      expect(conversation!.status).toBe('closed');
      const [entry] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, appeal!.id), eq(auditLog.action, 'appeal.answered')));
      expect(entry).toMatchObject({ actorId: ids.agent2, before: { status: 'pending' }, after: { status: 'answered' } });
      const lookup = await (await hotline.request(`/api/public/appeals/${appeal!.caseNumber}`)).json();
      expect(lookup).toMatchObject({ status: 'answered', progress: [{ step: 'received' }, { step: 'answered' }] });

      const again = await post(`/api/appeals/${appeal!.id}/answer`, { text: '再答一次' }, agent2);
      expect(again.status).toBe(409);
      expect((await post(`/api/appeals/${appeal!.id}/answer`, { text: '' }, agent2)).status).toBe(400);
    });

    it('sets firstResponseAt on the first staff reply only, and says so on the bus (the wall counts it)', async () => {
      const { appeal } = await webAppeal('首次响应测试');
      expect(appeal.firstResponseAt).toBeNull();
      const changes: string[] = [];
      const off = hotline.deps.domainEvents.on('appeal.updated', ({ appeal: updated, change }) => updated.id === appeal.id && changes.push(change));
      try {
        await post(`/api/appeals/${appeal.id}/replies`, { text: '第一次回复' }, agent1);
        const first = (await detail(appeal.id)).firstResponseAt;
        expect(first).toEqual(expect.any(String));
        await post(`/api/appeals/${appeal.id}/replies`, { text: '第二次回复' }, agent1);
        expect((await detail(appeal.id)).firstResponseAt).toBe(first);
        expect(changes).toEqual(['assigned', 'responded']);
      } finally {
        off();
      }
    });
  });

  it("shows the contact's other appeals across channels, newest first", async () => {
    const phone = '+8613833334444';
    const { appeal: web, citizen } = await webAppeal('历史测试：网页反映路灯不亮', { phone });
    await postTwilio(hotline, '/channels/twilio/sms', smsParams(phone, '历史测试：短信反映噪音'));
    await hotline.deps.triage.idle();
    const [sms] = await db().select().from(appeals).where(eq(appeals.summary, '历史测试：短信反映噪音'));
    await post(`/api/appeals/${web.id}/reject`, { reason: '测试' }, agent1);
    const { appeal: later } = await webAppeal('历史测试：网页再次反映', {}, citizen);

    const history = (await detail(sms!.id)).contactHistory;
    expect(history.map((h: { caseNumber: string }) => h.caseNumber)).toEqual([later.caseNumber, web.caseNumber]);
    expect(history[1]).toEqual({
      id: web.id,
      caseNumber: web.caseNumber,
      channel: 'web',
      status: 'rejected',
      summary: '历史测试：网页反映路灯不亮',
      createdAt: web.createdAt.toISOString(),
      satisfaction: null,
    });
    expect((await detail(later.id)).contactHistory.map((h: { channel: string }) => h.channel)).toEqual(['sms', 'web']);
  });

  describe('accepting as an event (事件)', () => {
    it('drafts the event from the category, or the grid’s street sub-center, with a time limit by urgency', async () => {
      const [construction, placedOnly, emergency] = await insertTriagedAppeals(hotline, [
        { channel: 'web', categoryCode: 'construction', urgency: 'urgent', address: '青禾路88号工地' },
        { channel: 'web', gridCode: 'QH-01-01-01' },
        { channel: 'voice', categoryCode: 'emergency', urgency: 'emergency', gridCode: 'QH-03-01-01' },
      ]);
      const draft = async (id: string) => (await hotline.request(`/api/appeals/${id}/event-draft`, { cookie: agent1 })).json();
      const now = Date.now();
      const first = await draft(construction!.id);
      expect(first).toMatchObject({
        categoryCode: 'construction',
        urgency: 'urgent',
        address: '青禾路88号工地',
        gridCode: null,
        leadDepartmentCode: 'housing',
        coDepartmentCodes: ['enforcement'],
      });
      expect(Date.parse(first.timeLimitAt) - now).toBeGreaterThan(23.9 * HOUR);
      expect(Date.parse(first.timeLimitAt) - now).toBeLessThan(24.1 * HOUR);
      const before = new Date();
      const second = await draft(placedOnly!.id);
      expect(second).toMatchObject({ categoryCode: null, urgency: 'normal', gridCode: 'QH-01-01-01', leadDepartmentCode: 'sc-donghu', coDepartmentCodes: [] });
      // 一般: five working days by the holiday calendar, at the same time of day.
      expect(Date.parse(second.timeLimitAt)).toBeGreaterThanOrEqual(addWorkingDays(before, 5, 'Asia/Shanghai').getTime());
      expect(Date.parse(second.timeLimitAt)).toBeLessThanOrEqual(addWorkingDays(new Date(), 5, 'Asia/Shanghai').getTime());
      const third = await draft(emergency!.id);
      expect(third).toMatchObject({ leadDepartmentCode: 'police', coDepartmentCodes: ['civil'] });
      expect(Date.parse(third.timeLimitAt) - now).toBeLessThan(2.1 * HOUR);
      expect((await hotline.request('/api/appeals/00000000-0000-4000-8000-000000000000/event-draft', { cookie: agent1 })).status).toBe(404);
    });

    it('creates the event from the agent’s form in the same transaction as the acceptance', async () => {
      const [appeal] = await insertTriagedAppeals(hotline, [{ channel: 'web', categoryCode: 'city-appearance' }]);
      const timeLimitAt = new Date(Date.now() + 48 * HOUR).toISOString();
      const form = {
        categoryCode: 'pollution',
        urgency: 'urgent',
        address: '青禾路1号',
        gridCode: 'QH-01-01-01',
        leadDepartmentCode: 'environment',
        coDepartmentCodes: ['enforcement', 'environment', 'enforcement'],
        timeLimitAt,
      };
      const res = await post(`/api/appeals/${appeal!.id}/accept`, form, agent1);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'accepted', assignee: { id: ids.agent1 } });
      const shown = await detail(appeal!.id);
      expect(shown.event).toEqual({
        id: expect.any(String),
        status: 'dispatched',
        categoryCode: 'pollution',
        urgency: 'urgent',
        leadDepartmentCode: 'environment',
        coDepartmentCodes: ['enforcement'],
        timeLimitAt,
      });
      const [row] = await db().select().from(events).where(eq(events.appealId, appeal!.id));
      expect(row).toMatchObject({ caseNumber: appeal!.caseNumber, address: '青禾路1号', gridCode: 'QH-01-01-01', createdByUserId: ids.agent1 });
      const [entry] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, row!.id), eq(auditLog.action, 'event.created')));
      expect(entry).toMatchObject({ actorId: ids.agent1, after: { appealId: appeal!.id, leadDepartmentCode: 'environment' } });
      // The agent's time limit stands; sign-for comes from the rules (紧急: 2 hours), the yellow line at 80%.
      expect(row!.signDueAt.getTime() - row!.dispatchedAt.getTime()).toBe(2 * HOUR);
      expect(row!.warnAt.getTime()).toBe(Math.trunc(row!.dispatchedAt.getTime() + 0.8 * (Date.parse(timeLimitAt) - row!.dispatchedAt.getTime())));
      const steps = await db().select().from(eventSteps).where(eq(eventSteps.eventId, row!.id));
      expect(steps).toEqual([
        expect.objectContaining({ action: 'dispatch', fromStatus: null, toStatus: 'dispatched', departmentCode: 'environment', actorUserId: ids.agent1 }),
      ]);
    });

    it('refuses a bad form with a 400 naming the field, and leaves the appeal pending with no event', async () => {
      const [appeal] = await insertTriagedAppeals(hotline, [{ channel: 'sms', categoryCode: 'pollution' }]);
      const good = { categoryCode: 'pollution', urgency: 'normal', leadDepartmentCode: 'environment', timeLimitAt: new Date(Date.now() + HOUR).toISOString() };
      const written = await auditCount();
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ ...good, categoryCode: 'weather' }, /categoryCode: unknown category weather/],
        [{ ...good, leadDepartmentCode: 'nasa' }, /leadDepartmentCode: unknown department nasa/],
        [{ ...good, coDepartmentCodes: ['urban', 'mars'] }, /coDepartmentCodes: unknown department mars/],
        [{ ...good, gridCode: 'QH-01' }, /gridCode: unknown grid QH-01/],
        [{ ...good, timeLimitAt: new Date(Date.now() - HOUR).toISOString() }, /timeLimitAt: the time limit must be in the future/],
        [{ ...good, timeLimitAt: 'tomorrow' }, /timeLimitAt/],
        [{ ...good, urgency: 'whenever' }, /urgency/],
        [{}, /categoryCode/],
      ];
      for (const [body, message] of cases) {
        const res = await post(`/api/appeals/${appeal!.id}/accept`, body, agent1);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect((await res.json()).error.message).toMatch(message);
      }
      expect(await auditCount()).toBe(written);
      expect(await db().$count(events, eq(events.appealId, appeal!.id))).toBe(0);
      expect((await detail(appeal!.id)).status).toBe('pending');
    });

    it('without a form uses the draft, and accepts an appeal nothing places yet without an event', async () => {
      const [categorised, unplaced] = await insertTriagedAppeals(hotline, [{ channel: 'wechat', categoryCode: 'food-drug-safety' }, { channel: 'web' }]);
      expect((await hotline.request(`/api/appeals/${categorised!.id}/accept`, { method: 'POST', cookie: agent2 })).status).toBe(200);
      expect((await detail(categorised!.id)).event).toMatchObject({
        categoryCode: 'food-drug-safety',
        leadDepartmentCode: 'market',
        urgency: 'normal',
        status: 'dispatched',
      });
      expect((await hotline.request(`/api/appeals/${unplaced!.id}/accept`, { method: 'POST', cookie: agent2 })).status).toBe(200);
      expect(await detail(unplaced!.id)).toMatchObject({ status: 'accepted', event: null });
    });
  });

  describe('reference for the agent', () => {
    it('lists departments and sub-centers', async () => {
      const { departments } = await (await hotline.request('/api/departments', { cookie: agent1 })).json();
      expect(departments).toHaveLength(13);
      expect(departments).toContainEqual({
        code: 'sc-donghu',
        name: '东湖街道联动分中心',
        nameEn: 'Donghu Street Linkage Sub-center',
        kind: 'sub_center',
        streetCode: 'QH-01',
        retired: false,
      });
      expect(departments[0]).toMatchObject({ kind: 'department', streetCode: null });
      expect((await hotline.request('/api/departments')).status).toBe(401);
      // Department handlers name things with the same reference data.
      const handler = await hotline.loginAs('dept-urban');
      expect((await hotline.request('/api/departments', { cookie: handler })).status).toBe(200);
      expect((await hotline.request('/api/categories', { cookie: handler })).status).toBe(200);
    });

    it('lists canned replies in order, seeded once', async () => {
      const { replies } = await (await hotline.request('/api/canned-replies', { cookie: agent1 })).json();
      expect(replies.length).toBeGreaterThanOrEqual(12);
      expect(replies[0]).toEqual({ id: expect.any(String), title: '问候', text: expect.stringContaining('12345') });
      expect(replies.map((r: { title: string }) => r.title)).toEqual(expect.arrayContaining(['已记录', '转交部门', '请提供地址', '办结回访']));
      await seedKnowledgeBase(db());
      expect(await db().$count(cannedReplies)).toBe(replies.length);
      expect((await hotline.request('/api/canned-replies', { cookie: await hotline.loginAs('dept-water') })).status).toBe(403);
    });

    it('searches the knowledge base by words in title, body or keywords, case-insensitive', async () => {
      const search = async (query: string) =>
        (await (await hotline.request(`/api/knowledge?${query}`, { cookie: agent1 })).json()).articles as { title: string; categoryCode: string | null }[];
      expect((await search('q=公积金'))[0]!.title).toContain('公积金');
      expect((await search(`q=${encodeURIComponent('燃气 报修')}`)).map((a) => a.title)).toEqual(['燃气报修与燃气泄漏处置']);
      expect((await search('q=12345')).map((a) => a.title)).toContain('12345热线受理范围');
      const pollution = await search('categoryCode=pollution');
      expect(pollution.length).toBeGreaterThanOrEqual(2);
      expect(pollution.every((a) => a.categoryCode === 'pollution')).toBe(true);
      expect(await search('limit=3')).toHaveLength(3);
      expect((await search('')).length).toBeGreaterThanOrEqual(20);

      await db()
        .insert(knowledgeArticles)
        .values({ title: 'Gas leak: what to do', body: 'Close the valve; 100% of leaks need ventilation.', keywords: 'gas emergency' });
      const [newest] = await search('');
      expect(newest!.title).toBe('Gas leak: what to do');
      expect((await search('q=GAS%20leak')).map((a) => a.title)).toEqual(['Gas leak: what to do']);
      expect((await search('q=100%25')).map((a) => a.title)).toEqual(['Gas leak: what to do']);
      expect(await search('q=%25%25%25nothing')).toEqual([]);
      await seedKnowledgeBase(db());
      expect(await db().$count(knowledgeArticles)).toBe(21);
      expect((await hotline.request('/api/knowledge?limit=0', { cookie: agent1 })).status).toBe(400);
    });
  });

  it('documents every new route in the OpenAPI document', async () => {
    const doc = await (await hotline.request('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/me/presence',
        '/api/agents',
        '/api/agents/{userId}/presence',
        '/api/appeals/{id}/claim',
        '/api/appeals/{id}/transfer',
        '/api/appeals/{id}/notes',
        '/api/appeals/{id}/answer',
        '/api/appeals/{id}/event-draft',
        '/api/canned-replies',
        '/api/knowledge',
        '/api/departments',
      ]),
    );
    expect(doc.paths['/api/me/presence'].put).toBeDefined();
    expect(doc.paths['/api/appeals/{id}/accept'].post.requestBody.required).toBe(false);
  });
});
