import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Socket, io } from 'socket.io-client';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, startTestHotline, submitWebAppeal } from '../../testing/hotline.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './protocol.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const kinds = await testDatabaseKinds();

describe.each(kinds)('realtime on %s', (kind) => {
  let hotline: TestHotline;
  const sockets: Client[] = [];

  beforeAll(async () => {
    hotline = await startTestHotline(kind);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await hotline?.close();
  });

  /** A real socket.io client over the network, authenticated by the same cookie a browser sends. */
  function connect(cookie?: string): Promise<Client> {
    const socket: Client = io(hotline.url, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  const next = <E extends keyof ServerToClientEvents>(socket: Client, event: E, match: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean) =>
    new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve) => {
      const listener = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
        if (!match(payload)) return;
        socket.off(event, listener as never);
        resolve(payload);
      };
      socket.on(event, listener as never);
    });

  it('pushes appeal:new to a logged-in agent when a citizen submits', async () => {
    const agent = await connect(await hotline.loginAs('agent1'));
    const arrival = next(agent, 'appeal:new', (a) => a.summary === '实时推送测试：路灯不亮');
    const { body } = await submitWebAppeal(hotline, { text: '实时推送测试：路灯不亮', latitude: 30.205, longitude: 120.105 });
    const appeal = await arrival;
    expect(appeal).toMatchObject({ caseNumber: body.caseNumber, status: 'pending', channel: 'web', gridName: '湖滨社区第1网格' });
  });

  it("pushes the agent's reply to the citizen's page and appeal:updated to agents on a decision", async () => {
    const cookie = await hotline.loginAs('agent2');
    const agent = await connect(cookie);
    const { body, cookie: citizenCookie } = await submitWebAppeal(hotline, { text: '实时回复测试' });
    const citizen = await connect(citizenCookie);
    const page = await (await hotline.request('/api/appeals?pageSize=100', { cookie })).json();
    const appeal = page.items.find((a: { caseNumber: string }) => a.caseNumber === body.caseNumber);

    const reply = next(citizen, 'chat:message', (l) => l.text === '您好，正在为您处理');
    const staffCopy = next(agent, 'message:new', (m) => m.text === '您好，正在为您处理');
    const delivered = next(agent, 'message:updated', (m) => m.text === '您好，正在为您处理');
    const claimed = next(agent, 'appeal:updated', (a) => a.id === appeal.id && a.assignee !== null);
    await hotline.request(`/api/appeals/${appeal.id}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '您好，正在为您处理' }),
      cookie,
    });
    expect(await reply).toMatchObject({ direction: 'out', caseNumber: body.caseNumber });
    expect(await staffCopy).toMatchObject({ appealId: appeal.id, direction: 'out' });
    expect(await delivered).toMatchObject({ deliveryStatus: 'sent' });
    expect((await claimed).assignee).toMatchObject({ displayName: '坐席 张伟' });

    const updated = next(agent, 'appeal:updated', (a) => a.id === appeal.id && a.status === 'rejected');
    const notice = next(citizen, 'chat:message', (l) => l.text.includes('不予受理'));
    await hotline.request(`/api/appeals/${appeal.id}/reject`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: '测试原因' }),
      cookie,
    });
    expect(await updated).toMatchObject({ rejectReason: '测试原因' });
    expect((await notice).text).toContain('测试原因');
  });

  it('does not send one citizen the replies meant for another', async () => {
    const cookie = await hotline.loginAs('agent3');
    const first = await submitWebAppeal(hotline, { text: '甲的诉求' });
    const second = await submitWebAppeal(hotline, { text: '乙的诉求' });
    const bystander = await connect(second.cookie);
    const received: string[] = [];
    bystander.on('chat:message', (l) => received.push(l.text));
    const owner = await connect(first.cookie);
    const delivered = next(owner, 'chat:message', (l) => l.text === '只给甲的回复');
    const page = await (await hotline.request('/api/appeals?pageSize=100', { cookie })).json();
    const appeal = page.items.find((a: { caseNumber: string }) => a.caseNumber === first.body.caseNumber);
    await hotline.request(`/api/appeals/${appeal.id}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '只给甲的回复' }),
      cookie,
    });
    await delivered;
    expect(received).toEqual([]);
  });

  it('refuses a socket with neither a staff session nor a citizen session', async () => {
    await expect(connect()).rejects.toThrow('unauthenticated');
    await expect(connect('hotline_session=forged')).rejects.toThrow('unauthenticated');
  });

  it('keeps department handlers out of the staff room: they join only their department’s room (events, never appeals)', async () => {
    const handler = await connect(await hotline.loginAs('dept-police'));
    // Besides the rooms that end it with its session (session:…, user:…).
    const rooms = () => [...(hotline.io.sockets.sockets.get(handler.id!)?.rooms ?? [])].filter((room) => !/^(session|user):/.test(room));
    await vi.waitFor(() => expect(rooms().sort()).toEqual([handler.id, 'department:police'].sort()));
  });
});
