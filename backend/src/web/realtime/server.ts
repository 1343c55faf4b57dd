import type { Server as HttpServer } from 'node:http';
import type pg from 'pg';
import { Server } from 'socket.io';
import { parse as parseCookies } from 'hono/utils/cookie';
import { createWebChatSender } from '@hotline/channels/web';
import type { Deps } from '../../platform/context.ts';
import { QUEUE_ROLES, SESSION_COOKIE } from '../http/auth.ts';
import { hashToken, resolveSession } from '../../identity/auth/sessions.ts';
import { CITIZEN_COOKIE } from '../http/citizen-session.ts';
import DataLoader from 'dataloader';
import { loadAppealSummaries, loadMessageViews } from '../../appeals/queries.ts';
import { toCallView } from '../../routing/calls/record.ts';
import { loadNoteView } from '../../appeals/notes.ts';
import { presenceOf, presenceOnConnect } from '../../routing/presence.ts';
import { loadEventSummary } from '../../linkage/queries.ts';
import { type ClientToServerEvents, STAFF_ROOM, type ServerToClientEvents, citizenRoom, departmentRoom } from './protocol.ts';
import { type InterServerEvents, joinCluster, presenceLink, shareTriage } from './cluster.ts';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents>;

export interface Realtime {
  io: RealtimeServer;
  /** Stops sharing presence and triage with other instances and closes socket.io (and its adapter's connection). */
  close(): Promise<void>;
  /** Waits for pushes still loading their payload, so shutdown never pulls the database from under them. */
  drain(): Promise<void>;
}

/**
 * Socket.io on the HTTP server. A connection is a staff member (session cookie) or a web visitor
 * (citizen cookie); anything else is refused. Domain events fan out to the right rooms.
 *
 * Given PostgreSQL's pool, the instance joins the others on that database: rooms span every
 * instance and so does presence. Without it (PGlite) it is the only instance.
 */
export async function attachRealtime(httpServer: HttpServer, deps: Deps, cluster: { pool?: pg.Pool } = {}): Promise<Realtime> {
  const io: RealtimeServer = new Server(httpServer, { serveClient: false });
  const leaveCluster: (() => void)[] = [];
  if (cluster.pool) {
    await joinCluster(io, cluster.pool);
    io.on('presence:ask', () => deps.presence.publishSnapshot());
    leaveCluster.push(deps.presence.link(presenceLink(io)), shareTriage(io, deps));
  }

  io.use(async (socket, next) => {
    try {
      const cookies = parseCookies(socket.handshake.headers.cookie ?? '');
      const staffToken = cookies[SESSION_COOKIE];
      const user = staffToken ? await resolveSession(deps.db, staffToken) : undefined;
      if (user && QUEUE_ROLES.includes(user.role)) {
        socket.data.rooms = [STAFF_ROOM];
        socket.data.user = { userId: user.id, role: user.role };
        // Before the connection counts as open: a new agent is available by the time routing sees them online.
        await presenceOnConnect(deps, user).catch((error) => console.error('presence on connect failed:', error));
      } else if (user?.role === 'handler' && user.departmentCode) {
        // A department handler hears only of their department's events: no staff room, no presence.
        socket.data.rooms = [departmentRoom(user.departmentCode)];
      } else if (cookies[CITIZEN_COOKIE]) {
        socket.data.rooms = [citizenRoom(hashToken(cookies[CITIZEN_COOKIE]))];
      } else {
        return next(new Error('unauthenticated'));
      }
      next();
    } catch (error) {
      next(error as Error);
    }
  });
  io.on('connection', (socket) => {
    void socket.join(socket.data.rooms as string[]);
    if (socket.data.user) {
      deps.presence.connected(socket.id, socket.data.user);
      socket.on('disconnect', () => deps.presence.disconnected(socket.id));
    }
  });

  const ctx = { ...deps, actor: { type: 'system' as const } };
  const inFlight = new Set<Promise<void>>();
  const fanOut = (work: () => Promise<void>) => {
    const push = work()
      .catch((error) => console.error('realtime fan-out failed:', error))
      .finally(() => inFlight.delete(push));
    inFlight.add(push);
  };
  // Payloads are read after commit; the pushes of one moment share one query (a burst of N new
  // appeals reads N summaries at once, not N times). No cache: every push reads the current row.
  const coalesced = { cache: false, batchScheduleFn: (load: () => void) => setImmediate(load) };
  const appealSummary = new DataLoader((ids: readonly string[]) => loadAppealSummaries(ctx, ids), coalesced);
  const messageView = new DataLoader((ids: readonly string[]) => loadMessageViews(deps.db, ids), coalesced);
  deps.bus.on('appeal.created', ({ appeal }) => fanOut(async () => void io.to(STAFF_ROOM).emit('appeal:new', await appealSummary.load(appeal.id))));
  deps.bus.on('appeal.updated', ({ appeal }) => fanOut(async () => void io.to(STAFF_ROOM).emit('appeal:updated', await appealSummary.load(appeal.id))));
  deps.bus.on('message.created', ({ message }) => fanOut(async () => void io.to(STAFF_ROOM).emit('message:new', await messageView.load(message.id))));
  deps.bus.on('alert.emergency', ({ appeal, evidence }) =>
    fanOut(async () => void io.to(STAFF_ROOM).emit('alert:emergency', { appeal: await appealSummary.load(appeal.id), evidence })),
  );
  deps.bus.on('call.updated', ({ call }) => void io.to(STAFF_ROOM).emit('call:updated', toCallView(call)));
  deps.bus.on('message.updated', ({ message }) => fanOut(async () => void io.to(STAFF_ROOM).emit('message:updated', await messageView.load(message.id))));
  // Notes go to the staff room only: citizens' rooms never receive them.
  deps.bus.on('note.created', ({ note }) => fanOut(async () => void io.to(STAFF_ROOM).emit('note:new', { ...(await loadNoteView(deps.db, note)), appealId: note.appealId })));
  deps.bus.on('presence.changed', ({ userId, status }) => void io.to(STAFF_ROOM).emit('presence:updated', { userId, status, online: deps.presence.isOnline(userId) }));
  deps.bus.on('event.changed', ({ event, step }) =>
    fanOut(async () => {
      // A re-dispatch also tells the department it was taken from (the step's detail), so it leaves their worklist.
      const previousLead = step.action === 'redispatch' && step.detail ? [step.detail] : [];
      const departments = [...new Set([event.leadDepartmentCode, ...event.coDepartmentCodes, ...previousLead])];
      io.to([STAFF_ROOM, ...departments.map(departmentRoom)]).emit('event:updated', await loadEventSummary(deps.db, event.id));
    }),
  );
  // Every instance hears of every console opening or closing (shared presence), so each tells only its own sockets.
  deps.presence.onChange(({ userId, online }) =>
    fanOut(async () => void io.local.to(STAFF_ROOM).emit('presence:updated', { userId, status: await presenceOf(deps.db, userId), online })),
  );

  return {
    io,
    async close() {
      for (const leave of leaveCluster) leave();
      await io.close();
    },
    drain: async () => void (await Promise.all(inFlight)),
  };
}

/** The web channel's sender: a reply reaches the visitor's open page through their room. */
export function webChatSenderFor(io: () => RealtimeServer | undefined) {
  return createWebChatSender((sessionHash, push) => {
    const server = io();
    if (!server) throw new Error('realtime is not running');
    server.to(citizenRoom(sessionHash)).emit('chat:message', {
      id: push.messageId,
      direction: 'out',
      text: push.text,
      caseNumber: push.caseNumber,
      createdAt: push.sentAt,
    });
  });
}
