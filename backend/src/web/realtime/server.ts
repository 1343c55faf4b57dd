import type { Server as HttpServer } from 'node:http';
import type pg from 'pg';
import { Server } from 'socket.io';
import { parse as parseCookies } from 'hono/utils/cookie';
import { createWebChatSender } from '@hotline/channels/web';
import type { RoutingDeps } from '../../routing/index.ts';
import { QUEUE_ROLES, SESSION_COOKIE } from '../../identity/auth/index.ts';
import { hashToken, liveSessions, resolveSession } from '../../identity/auth/index.ts';
import { CITIZEN_COOKIE } from '../http/index.ts';
import { presenceOnConnect } from '../../routing/index.ts';
import { STAFF_ROOM, citizenRoom, departmentRoom } from './protocol.ts';
import type { RealtimeServer } from './io.ts';
import { joinCluster, presenceLink } from './cluster.ts';
import { type SocketSession, checkSessionsEvery, sessionRoom, userRoom } from './sessions.ts';

export interface Realtime {
  io: RealtimeServer;
  /** Serves socket.io on the HTTP server (socket.io answers /socket.io/ before hono sees the request). */
  attach(httpServer: HttpServer): void;
  /** Stops checking sockets' sessions and sharing presence with other instances, and closes socket.io (and its adapter's connection). */
  close(): Promise<void>;
}

/**
 * Socket.io, before the HTTP server exists (the web channel's sender needs it, and the app needs
 * the senders). A connection is a staff member (session cookie) or a web visitor (citizen cookie);
 * anything else is refused.
 *
 * Given PostgreSQL's pool, the instance joins the others on that database: rooms span every
 * instance and so does presence. Without it (PGlite) it is the only instance.
 */
export async function startRealtime(deps: Omit<RoutingDeps, 'channels'>, cluster: { pool?: pg.Pool } = {}): Promise<Realtime> {
  const io: RealtimeServer = new Server({ serveClient: false });
  const leaveCluster: (() => void)[] = [];
  if (cluster.pool) {
    await joinCluster(io, cluster.pool);
    io.on('presence:ask', () => deps.presence.publishSnapshot());
    leaveCluster.push(deps.presence.link(presenceLink(io)));
  }
  io.use(async (socket, next) => {
    try {
      const cookies = parseCookies(socket.handshake.headers.cookie ?? '');
      const staffToken = cookies[SESSION_COOKIE];
      const session = staffToken ? await resolveSession(deps.db, staffToken) : undefined;
      // A password an admin set must be replaced before any work is heard.
      const user = session?.mustChangePassword ? undefined : session;
      // Queue workers hear the staff room; a department handler only their department's events (no presence).
      const worksQueue = !!user && QUEUE_ROLES.includes(user.role);
      const staffRooms = worksQueue ? [STAFF_ROOM] : user?.role === 'handler' && user.departmentCode ? [departmentRoom(user.departmentCode)] : undefined;
      if (user && staffRooms) {
        // Every staff socket ends with its session, or with all of its user's (see sessions.ts).
        const session: SocketSession = { tokenHash: hashToken(staffToken!), userId: user.id };
        socket.data.session = session;
        socket.data.rooms = [...staffRooms, sessionRoom(session.tokenHash), userRoom(user.id)];
        if (worksQueue) {
          socket.data.user = { userId: user.id, role: user.role };
          // Before the connection counts as open: a new agent is available by the time routing sees them online.
          await presenceOnConnect(deps, user).catch((error) => console.error('presence on connect failed:', error));
        }
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
  const checksOnConnect = new Set<Promise<void>>();
  io.on('connection', (socket) => {
    void socket.join(socket.data.rooms as string[]);
    if (socket.data.user) {
      deps.presence.connected(socket.id, socket.data.user);
      socket.on('disconnect', () => deps.presence.disconnected(socket.id));
    }
    // A session revoked after the handshake read it and before the rooms were joined missed the
    // disconnect: look once more, now that any later revocation reaches this socket through its rooms.
    const session = socket.data.session as SocketSession | undefined;
    if (session) {
      const check = liveSessions(deps.db, [session.tokenHash])
        .then((live) => void (live.has(session.tokenHash) || socket.disconnect(true)))
        .catch((error) => console.error('socket session check failed:', error))
        .finally(() => checksOnConnect.delete(check));
      checksOnConnect.add(check);
    }
  });
  const sessionChecks = checkSessionsEvery(io, deps.db, deps.config.socketSessionCheckMs);
  return {
    io,
    attach: (httpServer) => void io.attach(httpServer),
    async close() {
      await Promise.all([sessionChecks.stop(), ...checksOnConnect]);
      for (const leave of leaveCluster) leave();
      await io.close();
    },
  };
}

/** The web channel's sender: a reply reaches the visitor's open page through their room. */
export function webChatSender(io: RealtimeServer) {
  return createWebChatSender((sessionHash, push) => {
    io.to(citizenRoom(sessionHash)).emit('chat:message', {
      id: push.messageId,
      direction: 'out',
      text: push.text,
      caseNumber: push.caseNumber,
      createdAt: push.sentAt,
    });
  });
}
