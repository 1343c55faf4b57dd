import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { type Socket, io } from 'socket.io-client';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, startTestHotline, submitWebAppeal } from '../../testing/hotline.ts';
import { type FakeProvider, startFakeProvider } from '../../testing/fake-provider.ts';
import { callParams, fakeTwilioMessages, postTwilio, smsParams, twilioEnv, twilioSid } from '../../testing/twilio.ts';
import { type Appeal, appeals } from '../../appeals/index.ts';
import { calls } from '../../routing/index.ts';
import { users } from '../../identity/auth/index.ts';
import type { RoutingCtx } from '../../routing/index.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../web/realtime/index.ts';
import { wallSnapshot } from './wall.ts';
import { wallCharts } from './charts.ts';
import { throttle } from '../../web/realtime/index.ts';
import { loadConfig } from '../../platform/config/index.ts';
import { type WallSnapshot, wallChartsSchema, wallSnapshotSchema } from './views.ts';

const kinds = await testDatabaseKinds();

// The wall is computed for a fixed instant: noon in Shanghai on 14 March 2031. Every row's times
// are set relative to it, so nothing depends on when the test runs.
const MIDNIGHT = new Date('2031-03-13T16:00:00Z'); // 00:00 on 14 March in Asia/Shanghai
const NOW = new Date(MIDNIGHT.getTime() + 12 * 3600_000);
/** A time on the hotline's clock today ('09:01:30'), or yesterday with `day = -1`. */
const at = (clock: string, day = 0) => {
  const [h, m, s = 0] = clock.split(':').map(Number);
  return new Date(MIDNIGHT.getTime() + day * 86_400_000 + ((h! * 60 + m!) * 60 + s) * 1000);
};

const TEXTS = {
  w0: '青禾路上的路灯坏了三天了，晚上很黑',
  w1: '小区门口的垃圾桶满了一直没人清理',
  w2: '咨询一下社保卡补办需要带什么材料',
  w3: '和平小区3栋着火了，楼道里全是烟，有老人被困在楼上！',
  w4: '菜市场旁边有人占道经营，车过不去',
  w5: '楼下饭店油烟太大，熏得窗户都不能开',
  s1: '公交站的广告牌字掉了好几个，很难看',
  s2: '工地晚上十一点还在施工，吵得睡不着',
  v1: '我要投诉南桥镇稻香村的养殖场臭味太大',
  v2: '河边的绿化带好久没人修剪了',
} as const;
type Key = keyof typeof TEXTS;

type Times = Partial<Pick<Appeal, 'assigneeId' | 'createdAt' | 'assignedAt' | 'firstResponseAt' | 'decidedAt' | 'categoryCode' | 'gridCode' | 'urgency'>>;

describe.each(kinds)('the supervisor wall on %s', (kind) => {
  let hotline: TestHotline;
  let twilio: FakeProvider;
  let agent1: string;
  let agent2: string;
  let supervisor: string;
  let agentSocket: Socket<ServerToClientEvents, ClientToServerEvents>;
  const ids = {} as Record<Key, string>;
  const caseNumbers = {} as Record<Key, string>;
  const agentIds = {} as Record<'agent1' | 'agent2' | 'agent3', string>;
  let ctx: RoutingCtx;

  const post = (path: string, cookie: string, body?: unknown) =>
    hotline.request(path, { method: 'POST', cookie, ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });
  const expectOk = async (res: Response | Promise<Response>) => {
    const r = await res;
    expect(r.status, await r.clone().text()).toBeLessThan(300);
  };
  const connect = async (cookie: string) => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(hotline.url, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('connect_error', reject));
    return socket;
  };
  const set = (key: Key, values: Times) => hotline.database.db.update(appeals).set(values).where(eq(appeals.id, ids[key]));

  beforeAll(async () => {
    twilio = await startFakeProvider([fakeTwilioMessages]);
    hotline = await startTestHotline(kind, {
      env: {
        ...twilioEnv(twilio),
        SERVICE_LEVEL_TARGET_SECONDS: '120',
        WARN_WAITING_COUNT: '3',
        WARN_LONGEST_WAIT_SECONDS: '600',
        SLA_FIRST_RESPONSE_SECONDS: '1800',
      },
    });
    ctx = { ...hotline.deps, actor: { type: 'system' } };
    [agent1, agent2, supervisor] = await Promise.all([hotline.loginAs('agent1'), hotline.loginAs('agent2'), hotline.loginAs('supervisor')]);
    for (const row of await hotline.database.db
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(inArray(users.username, ['agent1', 'agent2', 'agent3']))) {
      agentIds[row.username as keyof typeof agentIds] = row.id;
    }
    // agent1's console is open (a first console makes an agent available), so callers wait in the
    // queue for them; agent2 is busy; agent3 never set a status.
    agentSocket = await connect(agent1);
    await expectOk(
      hotline.request('/api/me/presence', {
        method: 'PUT',
        cookie: agent2,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'busy' }),
      }),
    );

    // Appeals arrive through the real channels: the citizen page, Twilio SMS, Twilio voice.
    for (const key of ['w0', 'w1', 'w2', 'w3', 'w4', 'w5'] as const) expect((await submitWebAppeal(hotline, { text: TEXTS[key] })).res.status).toBe(201);
    await expectOk(postTwilio(hotline, '/channels/twilio/sms', smsParams('+8613911110001', TEXTS.s1)));
    await expectOk(postTwilio(hotline, '/channels/twilio/sms', smsParams('+8613911110002', TEXTS.s2)));
    const voice = (step: string, params: Record<string, string>) => expectOk(postTwilio(hotline, `/channels/twilio/voice${step}`, params));
    const [c1, c2, c3] = [twilioSid('CA'), twilioSid('CA'), twilioSid('CA')];
    // v1's caller is answered (bridged), v2's hangs up while waiting, a third only hears the menu.
    await voice('/menu', callParams(c1, '+8613922220001', { SpeechResult: TEXTS.v1, Confidence: '0.9' }));
    await voice('/queue-result', callParams(c1, '+8613922220001', { QueueResult: 'bridged', QueueTime: '20' }));
    await voice('/menu', callParams(c2, '+8613922220002', { SpeechResult: TEXTS.v2, Confidence: '0.9' }));
    await voice('/queue-result', callParams(c2, '+8613922220002', { QueueResult: 'hangup', QueueTime: '95' }));
    await voice('', callParams(c3, '+8613922220003', { CallStatus: 'ringing' }));
    await hotline.deps.triage.idle();

    const rows = await hotline.database.db
      .select({ id: appeals.id, summary: appeals.summary, caseNumber: appeals.caseNumber, status: appeals.status })
      .from(appeals);
    for (const key of Object.keys(TEXTS) as Key[]) {
      const row = rows.find((r) => r.summary === TEXTS[key]);
      expect(row, key).toMatchObject({ status: 'pending' });
      ids[key] = row!.id;
      caseNumbers[key] = row!.caseNumber;
    }
    expect(rows).toHaveLength(10);

    // Agents work through the API: replies claim an appeal (首问负责制), decisions close it.
    await expectOk(post(`/api/appeals/${ids.w1}/replies`, agent1, { text: '已转环卫部门处理' }));
    await expectOk(post(`/api/appeals/${ids.w1}/accept`, agent1));
    await expectOk(post(`/api/appeals/${ids.w4}/accept`, agent1));
    await expectOk(post(`/api/appeals/${ids.w5}/accept`, agent1));
    await expectOk(post(`/api/appeals/${ids.w2}/answer`, agent2, { text: '补办社保卡请携带身份证到街道便民服务中心办理。' }));
    await expectOk(post(`/api/appeals/${ids.s1}/replies`, agent1, { text: '收到，已通知站务' }));
    await expectOk(post(`/api/appeals/${ids.v1}/replies`, agent2, { text: '您反映的情况已记录' }));

    const stamped = await hotline.database.db
      .select()
      .from(appeals)
      .where(inArray(appeals.id, [ids.w1, ids.w2, ids.s1, ids.v1]));
    expect(
      stamped
        .map((a) => [a.summary, a.status, a.assigneeId, a.assignedAt instanceof Date, a.firstResponseAt instanceof Date, a.decidedAt instanceof Date])
        .sort(),
    ).toEqual(
      [
        [TEXTS.w1, 'accepted', agentIds.agent1, true, true, true],
        [TEXTS.w2, 'answered', agentIds.agent2, true, true, true],
        [TEXTS.s1, 'pending', agentIds.agent1, true, true, false],
        [TEXTS.v1, 'pending', agentIds.agent2, true, true, false],
      ].sort(),
    );

    // The API stamps those times with the real clock; the wall measures them, so they are set
    // here to fixed values, together with who holds what.
    const none = { assigneeId: null, assignedAt: null, firstResponseAt: null, decidedAt: null, categoryCode: null, gridCode: null, urgency: 'normal' } as const;
    const { agent1: a1, agent2: a2 } = agentIds;
    await set('w0', { ...none, createdAt: at('23:00', -1), gridCode: 'QH-01-01-01' });
    await set('w1', {
      ...none,
      assigneeId: a1,
      createdAt: at('09:00'),
      assignedAt: at('09:01'),
      firstResponseAt: at('09:01:30'),
      decidedAt: at('09:11'),
      categoryCode: 'sanitation-facilities',
      gridCode: 'QH-01-01-01',
    });
    // Answered directly (直接答复) without being assigned first.
    await set('w2', {
      ...none,
      assigneeId: a2,
      createdAt: at('10:00'),
      decidedAt: at('10:05'),
      categoryCode: 'sanitation-facilities',
      gridCode: 'QH-01-01-01',
    });
    await set('w3', { ...none, createdAt: at('11:50'), urgency: 'emergency' });
    await set('w4', { ...none, assigneeId: a1, createdAt: at('22:00', -1), assignedAt: at('23:00', -1), decidedAt: at('01:00') });
    await set('w5', { ...none, assigneeId: a1, createdAt: at('20:00', -1), assignedAt: at('20:00', -1), decidedAt: at('21:00', -1) });
    await set('s1', {
      ...none,
      assigneeId: a1,
      createdAt: at('11:00'),
      assignedAt: at('11:02'),
      firstResponseAt: at('11:03'),
      categoryCode: 'advertising',
      gridCode: 'QH-02-01-03',
    });
    await set('s2', { ...none, createdAt: at('11:20') });
    await set('v1', { ...none, assigneeId: a2, createdAt: at('11:40'), assignedAt: at('11:40:30'), firstResponseAt: at('11:41') });
    await set('v2', { ...none, createdAt: at('11:45') });
    await hotline.database.db.update(calls).set({ createdAt: at('11:40') });
    // A caller who hung up in the queue yesterday is not today's abandoned call.
    await hotline.database.db.insert(calls).values({
      callSid: twilioSid('CA'),
      fromNumber: '+8613922220009',
      toNumber: '+8657112345',
      status: 'completed',
      enqueuedAt: at('23:30', -1),
      queueResult: 'hangup',
      createdAt: at('23:30', -1),
    });
  });
  afterAll(async () => {
    agentSocket?.disconnect();
    await hotline?.close();
    await twilio?.close();
  });

  it('counts per channel what waits, what is worked on, the service level and abandoned calls today', async () => {
    const wall = await wallSnapshot({ ctx, input: { now: NOW } });
    expect(wall.generatedAt).toBe(NOW.toISOString());
    expect(wall.serviceLevelTargetSeconds).toBe(120);
    expect(wall.channels).toEqual([
      // v1 answered in 60 s; 2 of today's callers queued, v2's hung up.
      {
        channel: 'voice',
        waiting: 1,
        longestWaitSeconds: 15 * 60,
        inProgress: 1,
        answeredToday: 1,
        answeredWithinTarget: 1,
        serviceLevel: 1,
        abandonedCalls: 1,
        enqueuedCalls: 2,
        abandonRate: 0.5,
      },
      // s1 first answered after 180 s: outside the 120 s target.
      {
        channel: 'sms',
        waiting: 1,
        longestWaitSeconds: 40 * 60,
        inProgress: 1,
        answeredToday: 1,
        answeredWithinTarget: 0,
        serviceLevel: 0,
        abandonedCalls: 0,
        enqueuedCalls: 0,
        abandonRate: null,
      },
      {
        channel: 'wechat',
        waiting: 0,
        longestWaitSeconds: 0,
        inProgress: 0,
        answeredToday: 0,
        answeredWithinTarget: 0,
        serviceLevel: null,
        abandonedCalls: 0,
        enqueuedCalls: 0,
        abandonRate: null,
      },
      // w0 has waited since 23:00 yesterday; w1 answered in 90 s, w2 decided after 300 s; w4 and w5 arrived yesterday.
      {
        channel: 'web',
        waiting: 2,
        longestWaitSeconds: 13 * 3600,
        inProgress: 0,
        answeredToday: 2,
        answeredWithinTarget: 1,
        serviceLevel: 0.5,
        abandonedCalls: 0,
        enqueuedCalls: 0,
        abandonRate: null,
      },
    ]);
    expect(wallSnapshotSchema.parse(wall)).toEqual(wall);
  });

  it('shows agents by presence, and per agent the load, today’s handled appeals and average handling time', async () => {
    const wall = await wallSnapshot({ ctx, input: { now: NOW } });
    expect(wall.agents).toEqual({ available: 1, busy: 1, away: 0, offline: 1 });
    expect(wall.perAgent).toEqual([
      // w1: 09:01 → 09:11 (600 s); w4: assigned 23:00 yesterday, decided 01:00 (7200 s); w5 was decided yesterday.
      {
        id: agentIds.agent1,
        displayName: '坐席 李娜',
        status: 'available',
        online: true,
        load: { chats: 1, calls: 0 },
        handledToday: 2,
        averageHandlingSeconds: 3900,
      },
      // w2 was answered without an assignment time: handling counts from its arrival at 10:00 to 10:05.
      {
        id: agentIds.agent2,
        displayName: '坐席 张伟',
        status: 'busy',
        online: false,
        load: { chats: 0, calls: 1 },
        handledToday: 1,
        averageHandlingSeconds: 300,
      },
      {
        id: agentIds.agent3,
        displayName: '坐席 陈静',
        status: 'offline',
        online: false,
        load: { chats: 0, calls: 0 },
        handledToday: 0,
        averageHandlingSeconds: null,
      },
    ]);
  });

  it('warns of emergencies, the waiting count, the longest wait and SLA breaches, each linked to its appeal', async () => {
    const wall = await wallSnapshot({ ctx, input: { now: NOW } });
    expect(wall.warnings).toEqual([
      {
        kind: 'emergency',
        severity: 'critical',
        appealId: ids.w3,
        caseNumber: caseNumbers.w3,
        message: `特急诉求待处理：案件 ${caseNumbers.w3}「和平小区3栋着火了，楼道里全是烟，有老人被困在楼上！」，来件已 10 分钟`,
      },
      // 13 hours is more than twice the 600 s threshold: critical.
      {
        kind: 'longest_wait',
        severity: 'critical',
        appealId: ids.w0,
        caseNumber: caseNumbers.w0,
        message: `待受理预警：最长等待 13 小时，超过 10 分钟（案件 ${caseNumbers.w0}）`,
      },
      { kind: 'waiting_count', severity: 'warning', message: '待受理预警：4 件诉求待受理，达到预警线 3 件' },
      // Pending with no first response after 1800 s, oldest first; s1 was answered, v2 and w3 are younger.
      {
        kind: 'sla_breach',
        severity: 'critical',
        appealId: ids.w0,
        caseNumber: caseNumbers.w0,
        message: `首次响应超时：案件 ${caseNumbers.w0} 已等待 13 小时 仍未答复（时限 30 分钟）`,
      },
      {
        kind: 'sla_breach',
        severity: 'warning',
        appealId: ids.s2,
        caseNumber: caseNumbers.s2,
        message: `首次响应超时：案件 ${caseNumbers.s2} 已等待 40 分钟 仍未答复（时限 30 分钟）`,
      },
    ]);

    // Below every threshold only the emergency remains.
    const calm = {
      ...ctx,
      config: {
        ...ctx.config,
        wall: { ...ctx.config.wall, warnWaitingCount: 5, warnLongestWaitSeconds: 13 * 3600 + 1, slaFirstResponseSeconds: 13 * 3600 + 1 },
      },
    };
    expect((await wallSnapshot({ ctx: calm, input: { now: NOW } })).warnings.map((w) => w.kind)).toEqual(['emergency']);
  });

  it('charts today’s intake per hour and channel, the category mix and the grid heat', async () => {
    const charts = await wallCharts({ ctx, input: { now: NOW } });
    expect(charts.intakeByHour).toHaveLength(24);
    expect(charts.intakeByHour.map((h) => h.hour)).toEqual([...Array(24).keys()]);
    const busy = charts.intakeByHour.filter((h) => h.voice + h.sms + h.wechat + h.web > 0);
    expect(busy).toEqual([
      { hour: 9, voice: 0, sms: 0, wechat: 0, web: 1 },
      { hour: 10, voice: 0, sms: 0, wechat: 0, web: 1 },
      { hour: 11, voice: 2, sms: 2, wechat: 0, web: 1 },
    ]);
    expect(charts.categoryMix).toEqual([
      { categoryCode: 'unclassified', count: 4 },
      { categoryCode: 'sanitation-facilities', count: 2 },
      { categoryCode: 'advertising', count: 1 },
    ]);
    // w0 in QH-01-01-01 arrived yesterday.
    expect(charts.gridHeat).toEqual([
      { gridCode: 'QH-01-01-01', count: 2 },
      { gridCode: 'QH-02-01-03', count: 1 },
    ]);
  });

  it('serves the wall and the charts to supervisors and admins only', async () => {
    const admin = await hotline.loginAs('admin');
    for (const cookie of [supervisor, admin]) {
      const res = await hotline.request('/api/stats/wall', { cookie });
      expect(res.status).toBe(200);
      const wall = wallSnapshotSchema.parse(await res.json());
      // What waits does not depend on the day.
      expect(wall.channels.map((c) => [c.channel, c.waiting, c.inProgress])).toEqual([
        ['voice', 1, 1],
        ['sms', 1, 1],
        ['wechat', 0, 0],
        ['web', 2, 0],
      ]);
      const charts = await hotline.request('/api/stats/charts', { cookie });
      expect(charts.status).toBe(200);
      expect(wallChartsSchema.parse(await charts.json()).intakeByHour).toHaveLength(24);
    }
    for (const path of ['/api/stats/wall', '/api/stats/charts']) {
      expect((await hotline.request(path, { cookie: agent1 })).status).toBe(403);
      expect((await hotline.request(path)).status).toBe(401);
    }
  });

  it('pushes wall:updated to supervisors (not agents) when a console connects, appeals change and presence changes', async () => {
    const agentSeen: WallSnapshot[] = [];
    agentSocket.on('wall:updated', (wall) => agentSeen.push(wall));
    const socket = await connect(supervisor);
    try {
      const pushes: WallSnapshot[] = [];
      const next = (test: (wall: WallSnapshot) => boolean) =>
        new Promise<WallSnapshot>((resolve) => {
          const found = pushes.find(test);
          if (found) return resolve(found);
          socket.on('wall:updated', (wall) => test(wall) && resolve(wall));
        });
      socket.on('wall:updated', (wall) => pushes.push(wall));
      // The supervisor's own arrival is a change (who is online): the wall comes at once.
      const first = await next(() => true);
      const webWaiting = (wall: WallSnapshot) => wall.channels.find((c) => c.channel === 'web')!.waiting;
      expect(webWaiting(first)).toBe(2);

      await submitWebAppeal(hotline, { text: '小区地下车库的灯全灭了' });
      const after = await next((wall) => webWaiting(wall) === 3);
      expect(after.warnings.find((w) => w.kind === 'waiting_count')).toMatchObject({ message: '待受理预警：5 件诉求待受理，达到预警线 3 件' });

      // An agent stepping away is a change too.
      const agent3 = await hotline.loginAs('agent3');
      await expectOk(
        hotline.request('/api/me/presence', {
          method: 'PUT',
          cookie: agent3,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ status: 'away' }),
        }),
      );
      expect((await next((wall) => wall.agents.away === 1)).agents).toEqual({ available: 1, busy: 1, away: 1, offline: 0 });
      expect(agentSeen).toEqual([]);
    } finally {
      socket.disconnect();
      await hotline.deps.triage.idle();
      // Back on the test's clock: it arrived at 11:55, an ordinary appeal.
      await hotline.database.db
        .update(appeals)
        .set({ createdAt: at('11:55'), urgency: 'normal' })
        .where(eq(appeals.summary, '小区地下车库的灯全灭了'));
    }
  });

  it('lists at most 20 SLA breaches, oldest first', async () => {
    const { db } = hotline.database;
    const [w0] = await db.select().from(appeals).where(eq(appeals.id, ids.w0));
    await db.insert(appeals).values(
      Array.from({ length: 25 }, (_, i) => ({
        caseNumber: `SLA-${String(i).padStart(2, '0')}`,
        channel: 'web' as const,
        contactId: w0!.contactId,
        conversationId: w0!.conversationId,
        summary: `积压诉求 ${i}`,
        createdAt: at(`0${Math.floor(i / 10)}:${String(i % 10).padStart(2, '0')}`),
      })),
    );
    const wall = await wallSnapshot({ ctx, input: { now: NOW } });
    const breaches = wall.warnings.filter((w) => w.kind === 'sla_breach');
    expect(breaches).toHaveLength(20);
    expect(breaches.map((b) => b.caseNumber)).toEqual([caseNumbers.w0, ...Array.from({ length: 19 }, (_, i) => `SLA-${String(i).padStart(2, '0')}`)]);
    // 1 + 1 + 2 + 1 (the live test's) + 25 waiting: past twice the threshold of 3.
    expect(wall.warnings.find((w) => w.kind === 'waiting_count')).toMatchObject({
      severity: 'critical',
      message: '待受理预警：30 件诉求待受理，达到预警线 3 件',
    });
    expect(await db.$count(appeals, sql`${appeals.caseNumber} like 'SLA-%'`)).toBe(25);
  });
});

describe('the wall push throttle', () => {
  it('runs shortly after the first change, then at most once per interval, always catching the last change', () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const runs: number[] = [];
      const push = throttle(() => runs.push(Date.now()), { minIntervalMs: 2000, settleMs: 200 });
      push.request();
      push.request();
      vi.advanceTimersByTime(199);
      expect(runs).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(runs).toEqual([200]);
      // A burst right after a push waits for the interval and becomes one push.
      for (let i = 0; i < 10; i++) {
        push.request();
        vi.advanceTimersByTime(100);
      }
      vi.advanceTimersByTime(2000);
      expect(runs).toEqual([200, 2200]);
      // After a quiet spell the next change goes out after the settle time only.
      vi.advanceTimersByTime(10_000);
      push.request();
      vi.advanceTimersByTime(200);
      expect(runs).toEqual([200, 2200, 13_400]);
      push.request();
      push.cancel();
      vi.advanceTimersByTime(5000);
      expect(runs).toEqual([200, 2200, 13_400]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the wall configuration', () => {
  it('has defaults, and names a bad threshold', () => {
    expect(loadConfig({}).wall).toEqual({ serviceLevelTargetSeconds: 120, warnWaitingCount: 20, warnLongestWaitSeconds: 300, slaFirstResponseSeconds: 1800 });
    expect(loadConfig({ SERVICE_LEVEL_TARGET_SECONDS: '60', WARN_WAITING_COUNT: '5' }).wall).toMatchObject({
      serviceLevelTargetSeconds: 60,
      warnWaitingCount: 5,
    });
    expect(() => loadConfig({ WARN_WAITING_COUNT: '0', SLA_FIRST_RESPONSE_SECONDS: 'soon' })).toThrow(/WARN_WAITING_COUNT[\s\S]*SLA_FIRST_RESPONSE_SECONDS/);
  });
});
