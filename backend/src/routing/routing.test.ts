import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { type Socket, io } from 'socket.io-client';
import { testDatabaseKinds } from '../testing/databases.ts';
import { type TestHotline, startTestHotline, submitWebAppeal } from '../testing/hotline.ts';
import { createStaff, insertTriagedAppeals, openConsole } from '../testing/staff.ts';
import { auditLog } from '../platform/audit/index.ts';
import { appeals } from '../appeals/index.ts';
import { users } from '../identity/auth/index.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../web/realtime/index.ts';
import type { PresenceUpdate } from './views.ts';
import { agentPresence, agentSkills } from './schema.ts';
import { callTakers } from './presence.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const kinds = await testDatabaseKinds();

describe.each(kinds)('presence and routing on %s', (kind) => {
  let hotline: TestHotline;
  const cleanups: (() => void)[] = [];
  let names = 0;

  beforeAll(async () => {
    hotline = await startTestHotline(kind, { env: { ROUTING_MODE: 'auto' } });
  });
  afterEach(async () => {
    for (const close of cleanups.splice(0)) close();
    // A real socket's disconnect reaches the server a moment later: no agent may stay online into the next spec.
    for (let i = 0; i < 100 && hotline.deps.presence.onlineUserIds().size; i++) await new Promise((r) => setTimeout(r, 20));
    await settle();
  });
  afterAll(() => hotline?.close());

  const db = () => hotline.database.db;
  const send = (method: string, body: unknown) => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  /** Until NLP and routing have done everything they were asked to. */
  async function settle() {
    await hotline.deps.triage.idle();
    await hotline.deps.routing?.idle();
  }
  /** Every pending appeal decided, so each spec starts from an empty queue and agents with no load. */
  async function clearQueue() {
    await settle();
    await db().update(appeals).set({ status: 'rejected', rejectReason: 'spec cleanup', decidedAt: new Date() }).where(eq(appeals.status, 'pending'));
  }
  /** Fresh agents, logged in, with their session cookies. */
  async function agents(n: number) {
    const created = await createStaff(
      hotline,
      Array.from({ length: n }, () => `r${++names}`),
    );
    return Promise.all(created.map(async (a) => ({ ...a, cookie: await hotline.loginAs(a.username) })));
  }
  const setStatus = (cookie: string, status: string) => hotline.request('/api/me/presence', { ...send('PUT', { status }), cookie });
  const online = (userId: string) => cleanups.push(openConsole(hotline, userId));
  const holderOf = async (appealId: string) =>
    (await db().select({ assigneeId: appeals.assigneeId }).from(appeals).where(eq(appeals.id, appealId)))[0]!.assigneeId;
  const claim = (appealId: string, cookie: string) => hotline.request(`/api/appeals/${appealId}/claim`, { method: 'POST', cookie });

  function connect(cookie: string): Promise<Client> {
    const socket: Client = io(hotline.url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    cleanups.push(() => socket.disconnect());
    return new Promise((resolve, reject) => socket.once('connect', () => resolve(socket)).once('connect_error', reject));
  }

  describe('presence', () => {
    it('is offline until set; a change is audited and pushed to staff as presence:updated', async () => {
      const [agent] = await agents(1);
      expect(await (await hotline.request('/api/me/presence', { cookie: agent!.cookie })).json()).toEqual({
        status: 'offline',
        capacity: { chats: 4, calls: 1 },
        load: { chats: 0, calls: 0 },
      });

      const watcher = await connect(await hotline.loginAs('supervisor'));
      const pushed = new Promise<PresenceUpdate>((resolve) => watcher.on('presence:updated', (u) => u.userId === agent!.id && resolve(u)));
      const res = await setStatus(agent!.cookie, 'busy');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'busy', capacity: { chats: 4, calls: 1 } });
      expect(await pushed).toEqual({ userId: agent!.id, status: 'busy', online: false });

      const audited = () =>
        db()
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.entityId, agent!.id), eq(auditLog.action, 'presence.changed')));
      expect(await audited()).toEqual([expect.objectContaining({ actorId: agent!.id, before: { status: 'offline' }, after: { status: 'busy' } })]);
      expect((await setStatus(agent!.cookie, 'busy')).status).toBe(200);
      expect((await setStatus(agent!.cookie, 'lunch')).status).toBe(400);
      expect(await audited()).toHaveLength(1);
      expect((await hotline.request('/api/me/presence', {})).status).toBe(401);
    });

    it("lets supervisors set an agent's presence, audited with who did it, and nobody else", async () => {
      const [agent, other] = await agents(2);
      const supervisor = await hotline.loginAs('supervisor');
      const res = await hotline.request(`/api/agents/${agent!.id}/presence`, { ...send('PUT', { status: 'away' }), cookie: supervisor });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'away' });
      const [supervisorRow] = await db().select({ id: users.id }).from(users).where(eq(users.username, 'supervisor'));
      const [entry] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, agent!.id), eq(auditLog.action, 'presence.changed')));
      expect(entry).toMatchObject({ actorType: 'user', actorId: supervisorRow!.id, before: { status: 'offline' }, after: { status: 'away' } });

      expect((await hotline.request(`/api/agents/${other!.id}/presence`, { ...send('PUT', { status: 'away' }), cookie: agent!.cookie })).status).toBe(403);
      const [handler] = await db().select({ id: users.id }).from(users).where(eq(users.username, 'dept-water'));
      expect((await hotline.request(`/api/agents/${handler!.id}/presence`, { ...send('PUT', { status: 'available' }), cookie: supervisor })).status).toBe(404);
      expect(
        (await hotline.request('/api/agents/00000000-0000-4000-8000-000000000000/presence', { ...send('PUT', { status: 'away' }), cookie: supervisor })).status,
      ).toBe(404);
      expect((await hotline.request(`/api/agents/${other!.id}/presence`, { ...send('PUT', { status: 'gone' }), cookie: supervisor })).status).toBe(400);
      expect(await (await hotline.request('/api/me/presence', { cookie: other!.cookie })).json()).toMatchObject({ status: 'offline' });
    });

    it('lists agents and supervisors with status, open console, load and capacity', async () => {
      await clearQueue();
      const [agent] = await agents(1);
      await setStatus(agent!.cookie, 'busy');
      online(agent!.id);
      const [appeal] = await insertTriagedAppeals(hotline, [{ channel: 'voice' }]);
      expect((await claim(appeal!.id, agent!.cookie)).status).toBe(200);

      const res = await hotline.request('/api/agents', { cookie: (await agents(1))[0]!.cookie });
      expect(res.status).toBe(200);
      const { agents: roster } = await res.json();
      expect(roster.find((a: { id: string }) => a.id === agent!.id)).toEqual({
        id: agent!.id,
        username: agent!.username,
        displayName: agent!.displayName,
        role: 'agent',
        status: 'busy',
        online: true,
        load: { chats: 0, calls: 1 },
        capacity: { chats: 4, calls: 1 },
      });
      const usernames = roster.map((a: { username: string }) => a.username);
      expect(usernames).toEqual(expect.arrayContaining(['agent1', 'agent2', 'agent3', 'supervisor']));
      expect(usernames).not.toContain('admin');
      expect(usernames).not.toContain('dept-water');
      expect(roster.at(-1).role).toBe('supervisor');
    });

    it('makes an agent available on their first console, and keeps a status they chose after', async () => {
      const [agent] = await agents(1);
      const watcher = await connect(await hotline.loginAs('supervisor'));
      const cameOnline = new Promise<PresenceUpdate>((resolve) => watcher.on('presence:updated', (u) => u.userId === agent!.id && u.online && resolve(u)));
      const socket = await connect(agent!.cookie);
      // Available before the socket counts as connected, so routing and voice see it at once.
      expect(await (await hotline.request('/api/me/presence', { cookie: agent!.cookie })).json()).toMatchObject({ status: 'available' });
      expect(await cameOnline).toEqual({ userId: agent!.id, status: 'available', online: true });
      const [entry] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, agent!.id), eq(auditLog.action, 'presence.changed')));
      expect(entry).toMatchObject({ before: { status: 'offline' }, after: { status: 'available', reason: 'first console' } });

      await setStatus(agent!.cookie, 'away');
      const wentOffline = new Promise<PresenceUpdate>((resolve) => watcher.on('presence:updated', (u) => u.userId === agent!.id && !u.online && resolve(u)));
      socket.disconnect();
      expect(await wentOffline).toEqual({ userId: agent!.id, status: 'away', online: false });
      await connect(agent!.cookie);
      expect(await (await hotline.request('/api/me/presence', { cookie: agent!.cookie })).json()).toMatchObject({ status: 'away' });
    });
  });

  describe('claims (manual pick)', () => {
    it('gives the appeal to the first agent; the second sees who has it; the holder may claim again', async () => {
      const [first, second] = await agents(2);
      const { body } = await submitWebAppeal(hotline, { text: '领取测试：小区门口的垃圾桶坏了' });
      await settle();
      const [appeal] = await db().select().from(appeals).where(eq(appeals.caseNumber, body.caseNumber!));

      const won = await claim(appeal!.id, first!.cookie);
      expect(won.status).toBe(200);
      expect(await won.json()).toMatchObject({ id: appeal!.id, assignee: { id: first!.id, displayName: first!.displayName }, assignedAt: expect.any(String) });
      const lost = await claim(appeal!.id, second!.cookie);
      expect(lost.status).toBe(409);
      expect((await lost.json()).error).toMatchObject({
        code: 'conflict',
        message: `案件 ${appeal!.caseNumber} 已由 ${first!.displayName} 处理中`,
        details: { assignee: { id: first!.id, displayName: first!.displayName } },
      });
      expect((await claim(appeal!.id, first!.cookie)).status).toBe(200);
      const claims = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, appeal!.id), eq(auditLog.action, 'appeal.assigned')));
      expect(claims).toEqual([expect.objectContaining({ actorId: first!.id, after: { assigneeId: first!.id, by: 'claim' } })]);
    });

    it('lets exactly one of many agents win the same appeal at once', async () => {
      const crowd = await agents(8);
      const [appeal] = await insertTriagedAppeals(hotline, [{ channel: 'wechat' }]);
      const results = await Promise.all(crowd.map((a) => claim(appeal!.id, a.cookie)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
      const winner = crowd[results.findIndex((r) => r.status === 200)]!;
      expect(await holderOf(appeal!.id)).toBe(winner.id);
      for (const r of results.filter((r) => r.status === 409)) expect((await r.json()).error.details.assignee.id).toBe(winner.id);
    });

    it('respects capacity for chats and calls apart; finishing one makes room', async () => {
      const [agent] = await agents(1);
      const chats = await insertTriagedAppeals(
        hotline,
        Array.from({ length: 5 }, (_, i) => ({ channel: (['web', 'sms', 'wechat'] as const)[i % 3]! })),
      );
      const calls = await insertTriagedAppeals(hotline, [{ channel: 'voice' }, { channel: 'voice' }]);
      for (const a of chats.slice(0, 4)) expect((await claim(a.id, agent!.cookie)).status).toBe(200);
      const full = await claim(chats[4]!.id, agent!.cookie);
      expect(full.status).toBe(409);
      expect((await full.json()).error).toMatchObject({
        code: 'conflict',
        reason: 'capacity_full',
        message: expect.stringContaining('已达上限 4'),
        details: { capacity: { chats: 4, calls: 1 }, load: { chats: 4, calls: 0 } },
      });
      expect((await claim(calls[0]!.id, agent!.cookie)).status).toBe(200);
      expect((await claim(calls[1]!.id, agent!.cookie)).status).toBe(409);
      expect(await holderOf(chats[4]!.id)).toBeNull();

      expect((await hotline.request(`/api/appeals/${chats[0]!.id}/reject`, { ...send('POST', { reason: '测试' }), cookie: agent!.cookie })).status).toBe(200);
      expect((await claim(chats[4]!.id, agent!.cookie)).status).toBe(200);
      const decided = await claim(chats[0]!.id, agent!.cookie);
      expect(decided.status).toBe(409);
      expect((await decided.json()).error).toMatchObject({ reason: 'appeal_settled', details: { status: 'rejected', caseNumber: chats[0]!.caseNumber } });
      expect((await claim('00000000-0000-4000-8000-000000000000', agent!.cookie)).status).toBe(404);
      expect((await hotline.request(`/api/appeals/${chats[1]!.id}/claim`, { method: 'POST', cookie: await hotline.loginAs('dept-water') })).status).toBe(403);
    });
  });

  describe('emergencies over the chat limit', () => {
    it('lets an agent at the chat limit claim a 特急 written appeal, not a normal one nor an emergency call', async () => {
      const [agent] = await agents(1);
      const held = await insertTriagedAppeals(
        hotline,
        Array.from({ length: 4 }, () => ({ channel: 'web' as const })),
      );
      for (const a of held) expect((await claim(a.id, agent!.cookie)).status).toBe(200);
      const [normal, emergency] = await insertTriagedAppeals(hotline, [{ channel: 'sms' }, { channel: 'wechat', urgency: 'emergency' }]);
      expect((await claim(normal!.id, agent!.cookie)).status).toBe(409);
      expect((await claim(emergency!.id, agent!.cookie)).status).toBe(200);
      expect(await holderOf(emergency!.id)).toBe(agent!.id);

      const [call, emergencyCall] = await insertTriagedAppeals(hotline, [{ channel: 'voice' }, { channel: 'voice', urgency: 'emergency' }]);
      expect((await claim(call!.id, agent!.cookie)).status).toBe(200);
      const second = await claim(emergencyCall!.id, agent!.cookie);
      expect(second.status).toBe(409);
      expect((await second.json()).error).toMatchObject({ reason: 'capacity_full', details: { kind: 'calls' } });
    });

    it('routes a 特急 written appeal to the least-loaded available agent even when every one is at the limit', async () => {
      await clearQueue();
      const [full] = await agents(1);
      const held = await insertTriagedAppeals(
        hotline,
        Array.from({ length: 4 }, () => ({ channel: 'web' as const })),
      );
      for (const a of held) expect((await claim(a.id, full!.cookie)).status).toBe(200);
      await setStatus(full!.cookie, 'available');
      online(full!.id);
      await settle();
      const [normal, emergency] = await insertTriagedAppeals(hotline, [{ channel: 'web' }, { channel: 'web', urgency: 'emergency' }]);
      hotline.deps.routing!.kick();
      await settle();
      expect(await holderOf(emergency!.id)).toBe(full!.id);
      expect(await holderOf(normal!.id)).toBeNull();
    });
  });

  describe('auto-assign', () => {
    it('routes an appeal to an available agent with a console open once NLP has classified it', async () => {
      await clearQueue();
      const [agent] = await agents(1);
      await setStatus(agent!.cookie, 'available');
      online(agent!.id);
      const { body } = await submitWebAppeal(hotline, { text: '自动分配测试：湖滨花园小区的路灯坏了好几天' });
      await settle();
      const [appeal] = await db().select().from(appeals).where(eq(appeals.caseNumber, body.caseNumber!));
      expect(appeal).toMatchObject({ assigneeId: agent!.id, assignedAt: expect.any(Date), nlpProcessedAt: expect.any(Date) });
      const [entry] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, appeal!.id), eq(auditLog.action, 'appeal.assigned')));
      expect(entry).toMatchObject({ actorType: 'system', after: { assigneeId: agent!.id, by: 'routing' } });
    });

    it('gives the most urgent, then the oldest, to the least-loaded agent', async () => {
      await clearQueue();
      const [busy, fresh] = await agents(2);
      const [held] = await insertTriagedAppeals(hotline, [{ channel: 'web' }]);
      await claim(held!.id, busy!.cookie);
      const [oldCall, urgentCall] = await insertTriagedAppeals(hotline, [{ channel: 'voice' }, { channel: 'voice', urgency: 'emergency' }]);
      const waiting = await insertTriagedAppeals(hotline, [{ channel: 'sms' }, { channel: 'web', urgency: 'urgent' }, { channel: 'wechat' }]);
      // Both become routable at once (no event in between), then one pass runs.
      online(busy!.id);
      online(fresh!.id);
      await settle();
      await db()
        .insert(agentPresence)
        .values([busy!, fresh!].map((a) => ({ userId: a.id, status: 'available' as const })));
      hotline.deps.routing!.kick();
      await settle();

      // One call each at most: the emergency went first, to the agent with fewer calls (a tie: then fewer overall).
      expect(await holderOf(urgentCall!.id)).toBe(fresh!.id);
      expect(await holderOf(oldCall!.id)).toBe(busy!.id);
      const loads = await db()
        .select({ id: appeals.id, assigneeId: appeals.assigneeId })
        .from(appeals)
        .where(
          inArray(
            appeals.id,
            waiting.map((a) => a.id),
          ),
        );
      const count = (id: string) => loads.filter((l) => l.assigneeId === id).length;
      // busy held 1 chat: fresh gets the urgent one first, then they alternate by load.
      expect(await holderOf(waiting[1]!.id)).toBe(fresh!.id);
      expect(count(fresh!.id) + count(busy!.id)).toBe(3);
      expect(count(fresh!.id)).toBe(2);
    });

    it('gives nothing to agents away, busy or offline, or without a console open', async () => {
      await clearQueue();
      const [away, busy, neverSet, noConsole] = await agents(4);
      await setStatus(away!.cookie, 'away');
      await setStatus(busy!.cookie, 'busy');
      await setStatus(noConsole!.cookie, 'available');
      for (const a of [away, busy, neverSet]) online(a!.id);
      const waiting = await insertTriagedAppeals(hotline, [{ channel: 'web' }, { channel: 'voice' }]);
      hotline.deps.routing!.kick();
      await settle();
      for (const a of waiting) expect(await holderOf(a.id)).toBeNull();

      await setStatus(busy!.cookie, 'available');
      await settle();
      for (const a of waiting) expect(await holderOf(a.id)).toBe(busy!.id);
    });

    it('respects skills: channel, language and the platform of the category', async () => {
      await clearQueue();
      const [english, market] = await agents(2);
      await db()
        .insert(agentSkills)
        .values([
          { userId: english!.id, channels: [], languages: ['en'], platforms: [] },
          { userId: market!.id, channels: ['wechat', 'web'], languages: ['zh'], platforms: ['market'] },
        ]);
      for (const a of [english, market]) await setStatus(a!.cookie, 'available');
      const [inEnglish, consumer, streetOrder, call] = await insertTriagedAppeals(hotline, [
        { channel: 'sms', summary: 'The street light outside Lakeside Garden is broken' },
        { channel: 'wechat', summary: '超市卖过期牛奶，要求退货', categoryCode: 'consumer-rights' },
        { channel: 'wechat', summary: '路口有流动摊贩占道经营', categoryCode: 'street-order' },
        { channel: 'voice', summary: '来电反映噪音' },
      ]);
      online(english!.id);
      online(market!.id);
      await settle();
      expect(await holderOf(inEnglish!.id)).toBe(english!.id);
      expect(await holderOf(consumer!.id)).toBe(market!.id);
      expect(await holderOf(streetOrder!.id)).toBeNull();
      expect(await holderOf(call!.id)).toBeNull();
    });

    it('queues a caller only while an agent is available, online and under the calls capacity', async () => {
      await clearQueue();
      const ctx = { ...hotline.deps, actor: { type: 'system' as const } };
      expect(await callTakers(ctx)).toBe(0);
      const [agent] = await agents(1);
      await setStatus(agent!.cookie, 'busy');
      online(agent!.id);
      expect(await callTakers(ctx)).toBe(0);
      await setStatus(agent!.cookie, 'available');
      await settle();
      expect(await callTakers(ctx)).toBe(1);
      const [call] = await insertTriagedAppeals(hotline, [{ channel: 'voice' }]);
      hotline.deps.routing!.kick();
      await settle();
      expect(await holderOf(call!.id)).toBe(agent!.id);
      expect(await callTakers(ctx)).toBe(0);
    });
  });
});
