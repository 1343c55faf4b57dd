import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { type Socket, io } from 'socket.io-client';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, startTestHotline, submitWebAppeal } from '../../testing/hotline.ts';
import { type TestAgent, createStaff, insertTriagedAppeals, openConsole } from '../../testing/staff.ts';
import { appeals } from '../../appeals/index.ts';
import { SESSION_COOKIE, hashToken, sessions, users } from '../../identity/auth/index.ts';
import { AutoRouter, claimAppeal } from '../../routing/index.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './protocol.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const kinds = await testDatabaseKinds();
const HOUR = 3600_000;

/** The session token in a Cookie header. */
const tokenOf = (cookie: string) =>
  cookie
    .split('; ')
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
    .slice(SESSION_COOKIE.length + 1);

/** What a staff console hears about citizens: none of it may reach a socket whose session has ended. */
const FEED = ['appeal:new', 'appeal:updated', 'message:new', 'message:updated', 'event:updated', 'note:new', 'alert:emergency', 'presence:updated'] as const;

/**
 * A socket lives only as long as its staff session: logging out, logging out everywhere, an
 * admin disabling the account and the session's expiry each disconnect it at once (expiry within
 * `SOCKET_SESSION_CHECK_MS`), the agent goes offline, and routing stops giving them work.
 */
describe.each(kinds)('sockets of ended sessions on %s', (kind) => {
  let hotline: TestHotline;
  let router: AutoRouter;
  let supervisor: string;
  let observer: Client;
  const sockets: Client[] = [];
  const closeConsoles: (() => void)[] = [];
  let names = 0;

  beforeAll(async () => {
    // Room for every appeal a spec routes, so a full agent never passes for an excluded one.
    hotline = await startTestHotline(kind, { env: { SOCKET_SESSION_CHECK_MS: '200', AGENT_CAPACITY_CHATS: '50' } });
    // Manual mode on the server; the specs run automatic routing passes themselves, when they choose.
    const { config } = hotline.deps;
    router = new AutoRouter({ ...hotline.deps, config: { ...config, routing: { ...config.routing, mode: 'auto' } } });
    supervisor = await hotline.loginAs('supervisor');
    observer = await connect(supervisor);
  });
  afterEach(() => {
    for (const close of closeConsoles.splice(0)) close();
  });
  afterAll(async () => {
    router?.stop();
    for (const s of sockets) s.disconnect();
    await hotline?.close();
  });

  function connect(cookie: string): Promise<Client> {
    const socket: Client = io(hotline.url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    sockets.push(socket);
    return new Promise((resolve, reject) => socket.once('connect', () => resolve(socket)).once('connect_error', reject));
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

  /** Every event the socket hears from now on, with its payload. */
  function record(...clients: Client[]): string[] {
    const heard: string[] = [];
    for (const client of clients) for (const name of FEED) client.on(name, (payload: unknown) => heard.push(`${name} ${JSON.stringify(payload)}`));
    return heard;
  }

  /** Whether the server still holds a socket by this id (a client's id is the server's). */
  const serverHas = (socketId: string) => hotline.io.sockets.sockets.has(socketId);

  async function route(): Promise<void> {
    await hotline.deps.triage.idle();
    router.kick();
    await router.idle();
  }

  const holderOf = async (appealId: string) =>
    (await hotline.database.db.select({ assigneeId: appeals.assigneeId }).from(appeals).where(eq(appeals.id, appealId)))[0]!.assigneeId;

  /** A fresh agent with the console open, proven routable: a routing pass gives them a triaged appeal. */
  async function agentOnline(): Promise<{ agent: TestAgent; cookie: string; socket: Client }> {
    const [agent] = await createStaff(hotline, [`revoked${++names}`]);
    const cookie = await hotline.loginAs(agent!.username);
    const socket = await connect(cookie);
    await vi.waitFor(() => expect(hotline.deps.presence.isOnline(agent!.id)).toBe(true));
    const [appeal] = await insertTriagedAppeals(hotline, [{ channel: 'web' }]);
    // The feed reaches them too: the assignment's push is heard before the session ends.
    const pushed = next(socket, 'appeal:updated', (a) => a.id === appeal!.id && a.assignee !== null);
    await route();
    expect(await holderOf(appeal!.id)).toBe(agent!.id);
    await pushed;
    return { agent: agent!, cookie, socket };
  }

  /**
   * What must hold once the session has ended: the socket is disconnected by the server, hears
   * nothing of new appeals, messages, updates or events, the agent is offline for everyone, and a
   * routing pass leaves a new appeal unassigned rather than giving it to them.
   */
  async function expectCutOff(agent: TestAgent, socket: Client, heard: string[]) {
    await vi.waitFor(() => expect(socket.connected, 'the server disconnects the socket').toBe(false), { timeout: 5_000, interval: 20 });
    await vi.waitFor(() => expect(hotline.deps.presence.isOnline(agent.id)).toBe(false));

    // New work arrives, is triaged, answered and accepted as an event: the supervisor hears all of it, the agent nothing.
    const text = `会话结束后的诉求 ${agent.username}：路灯不亮`;
    const created = next(observer, 'appeal:new', (a) => a.summary === text);
    const inbound = next(observer, 'message:new', (m) => m.text === text);
    const triaged = next(observer, 'appeal:updated', (a) => a.summary === text);
    await submitWebAppeal(hotline, { text });
    const appeal = await created;
    await Promise.all([inbound, triaged]);
    const reply = next(observer, 'message:new', (m) => m.appealId === appeal.id && m.direction === 'out');
    const replied = await hotline.request(`/api/appeals/${appeal.id}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '您好，已收到' }),
      cookie: supervisor,
    });
    expect(replied.status).toBe(201);
    await reply;
    const dispatched = next(observer, 'event:updated', (e) => e.appealId === appeal.id);
    const accepted = await hotline.request(`/api/appeals/${appeal.id}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        categoryCode: 'city-appearance',
        urgency: 'normal',
        leadDepartmentCode: 'urban',
        timeLimitAt: new Date(Date.now() + 72 * HOUR).toISOString(),
      }),
      cookie: supervisor,
    });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    await dispatched;
    // Not a word of it reached the agent.
    expect(heard.filter((line) => line.includes(appeal.id) || line.includes(text))).toEqual([]);

    // Routing passes them over: nobody else is online, so a new appeal waits in the queue.
    const [waiting] = await insertTriagedAppeals(hotline, [{ channel: 'web' }]);
    await route();
    expect(await holderOf(waiting!.id)).toBeNull();
  }

  it('logout disconnects that session’s socket at once, and only that session’s', async () => {
    const { agent, cookie, socket } = await agentOnline();
    const otherDevice = await connect(await hotline.loginAs(agent.username));
    const [id, otherId] = [socket.id!, otherDevice.id!];
    expect((await hotline.request('/api/auth/logout', { method: 'POST', cookie })).status).toBe(204);
    // Gone by the time the logout is answered; the other device's session is still valid, its console open, the agent online.
    expect(serverHas(id)).toBe(false);
    expect(serverHas(otherId)).toBe(true);
    const heard = record(socket);
    await vi.waitFor(() => expect(socket.connected).toBe(false), { timeout: 5_000, interval: 20 });
    expect(otherDevice.connected).toBe(true);
    expect(hotline.deps.presence.isOnline(agent.id)).toBe(true);

    const offline = next(observer, 'presence:updated', (u) => u.userId === agent.id && !u.online);
    otherDevice.disconnect();
    await offline;
    await expectCutOff(agent, socket, heard);
    await expect(connect(cookie)).rejects.toThrow('unauthenticated');
  });

  it('logout everywhere disconnects every socket of the user at once; they go offline and routing skips them', async () => {
    const { agent, cookie, socket } = await agentOnline();
    const phone = await connect(await hotline.loginAs(agent.username));
    const ids = [socket.id!, phone.id!];
    const offline = next(observer, 'presence:updated', (u) => u.userId === agent.id && !u.online);
    expect((await hotline.request('/api/auth/logout-everywhere', { method: 'POST', cookie })).status).toBe(200);
    expect(ids.filter(serverHas)).toEqual([]);
    const heard = record(socket, phone);
    await offline;
    await vi.waitFor(() => expect(phone.connected).toBe(false), { timeout: 5_000, interval: 20 });
    await expectCutOff(agent, socket, heard);
  });

  it('disabling an account disconnects its sockets at once; they go offline and routing skips them', async () => {
    const { agent, socket } = await agentOnline();
    const id = socket.id!;
    const offline = next(observer, 'presence:updated', (u) => u.userId === agent.id && !u.online);
    const admin = await hotline.loginAs('admin');
    expect((await hotline.request(`/api/admin/users/${agent.id}/disable`, { method: 'POST', cookie: admin })).status).toBe(200);
    expect(serverHas(id)).toBe(false);
    const heard = record(socket);
    await offline;
    await expectCutOff(agent, socket, heard);
  });

  it('drops the socket of a session that expired, at the next periodic check', async () => {
    const { agent, cookie, socket } = await agentOnline();
    const offline = next(observer, 'presence:updated', (u) => u.userId === agent.id && !u.online);
    await hotline.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(sessions.tokenHash, hashToken(tokenOf(cookie))));
    // SOCKET_SESSION_CHECK_MS is 200 here.
    await vi.waitFor(() => expect(socket.connected).toBe(false), { timeout: 5_000, interval: 20 });
    const heard = record(socket);
    await offline;
    await expectCutOff(agent, socket, heard);
  });

  /** A fresh agent logged in, with a console open as far as presence knows (no socket, so no periodic check drops it), proven routable. */
  async function consoleOpenWithoutSocket(): Promise<{ agent: TestAgent; cookie: string }> {
    const [agent] = await createStaff(hotline, [`revoked${++names}`]);
    const cookie = await hotline.loginAs(agent!.username);
    await hotline.request('/api/me/presence', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'available' }),
      cookie,
    });
    closeConsoles.push(openConsole(hotline, agent!.id));
    const [appeal] = await insertTriagedAppeals(hotline, [{ channel: 'web' }]);
    await route();
    expect(await holderOf(appeal!.id)).toBe(agent!.id);
    return { agent: agent!, cookie };
  }
  it('routing skips an agent whose console still counts as open but whose session ended where this instance did not hear of it', async () => {
    const { agent, cookie } = await consoleOpenWithoutSocket();
    // As when another instance's presence snapshot has not arrived yet: presence says online, the database says logged out.
    await hotline.database.db
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(eq(sessions.tokenHash, hashToken(tokenOf(cookie))));
    expect(hotline.deps.presence.isOnline(agent.id)).toBe(true);
    const [waiting] = await insertTriagedAppeals(hotline, [{ channel: 'web' }]);
    await route();
    expect(await holderOf(waiting!.id)).toBeNull();
  });

  it('routing skips an agent whose session expired while their console still counts as open', async () => {
    const { agent, cookie } = await consoleOpenWithoutSocket();
    await hotline.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(sessions.tokenHash, hashToken(tokenOf(cookie))));
    expect(hotline.deps.presence.isOnline(agent.id)).toBe(true);
    const [waiting] = await insertTriagedAppeals(hotline, [{ channel: 'web' }]);
    await route();
    expect(await holderOf(waiting!.id)).toBeNull();
  });

  it('refuses a claim by an agent disabled after their request was authenticated', async () => {
    const [agent] = await createStaff(hotline, [`revoked${++names}`]);
    await hotline.loginAs(agent!.username);
    const [appeal] = await insertTriagedAppeals(hotline, [{ channel: 'web' }]);
    await hotline.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, agent!.id));
    const ctx = { ...hotline.deps, actor: { type: 'user' as const, user: { ...agent!, role: 'agent' as const, departmentCode: null } } };
    await expect(claimAppeal({ ctx, input: { appealId: appeal!.id } })).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await holderOf(appeal!.id)).toBeNull();
  });
});
