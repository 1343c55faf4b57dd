import type { Server as HttpServer } from 'node:http';
import type pg from 'pg';
import { Server } from 'socket.io';
import { parse as parseCookies } from 'hono/utils/cookie';
import { createWebChatSender } from '@hotline/channels/web';
import type { RoutingDeps } from '../../routing/index.ts';
import { QUEUE_ROLES, SESSION_COOKIE } from '../../identity/auth/index.ts';
import { hashToken, resolveSession } from '../../identity/auth/index.ts';
import { CITIZEN_COOKIE } from '../http/index.ts';
import { presenceOnConnect } from '../../routing/index.ts';
import { STAFF_ROOM, citizenRoom, departmentRoom } from './protocol.ts';
import type { RealtimeServer } from './io.ts';
import { joinCluster, presenceLink } from './cluster.ts';

export interface Realtime {
  io: RealtimeServer;
  /** Serves socket.io on the HTTP server (socket.io answers /socket.io/ before hono sees the request). */
  attach(httpServer: HttpServer): void;
  /** Stops sharing presence with other instances and closes socket.io (and its adapter's connection). */
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
  return {
    io,
    attach: (httpServer) => void io.attach(httpServer),
    async close() {
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
