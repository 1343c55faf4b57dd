import type { Db } from '../../platform/db/index.ts';
import type { DomainEventMap } from '../../platform/domain-events/index.ts';
import { liveSessions } from '../../identity/auth/index.ts';
import type { RealtimeServer } from './io.ts';

/**
 * A staff socket lives no longer than the session it was opened with. Each one joins a room of its
 * session and one of its user, so ending a session (logout) or all of a user's (logout everywhere,
 * a disabled account) disconnects exactly those sockets, on every instance; a periodic check
 * drops the sockets whose session expired, or ended where no event reached this instance.
 */
export const sessionRoom = (tokenHash: string) => `session:${tokenHash}`;
export const userRoom = (userId: string) => `user:${userId}`;

/** What a staff socket keeps of the session it was opened with. */
export interface SocketSession {
  tokenHash: string;
  userId: string;
}

/** Sessions checked per query. */
const CHECK_BATCH = 500;

/**
 * Disconnects the sockets of revoked sessions: this instance's at once (before the request that
 * revoked them is answered), every other instance's through the adapter. Their presence follows
 * (each socket's disconnect closes its console).
 */
export function disconnectRevoked(io: RealtimeServer, { userId, tokenHashes, scope }: DomainEventMap['session.revoked']): void {
  const rooms = scope === 'user' ? [userRoom(userId)] : tokenHashes.map(sessionRoom);
  if (!rooms.length) return;
  io.local.in(rooms).disconnectSockets(true);
  io.in(rooms).disconnectSockets(true);
}

/** Disconnects this instance's staff sockets whose session is no longer live (expired, revoked, account disabled). */
export async function dropEndedSessions(io: RealtimeServer, db: Db): Promise<void> {
  const bySession = new Map<string, string[]>();
  for (const socket of io.of('/').sockets.values()) {
    const session = socket.data.session as SocketSession | undefined;
    if (session) bySession.set(session.tokenHash, [...(bySession.get(session.tokenHash) ?? []), socket.id]);
  }
  const hashes = [...bySession.keys()];
  for (let i = 0; i < hashes.length; i += CHECK_BATCH) {
    const batch = hashes.slice(i, i + CHECK_BATCH);
    const live = await liveSessions(db, batch);
    for (const hash of batch) if (!live.has(hash)) for (const id of bySession.get(hash)!) io.of('/').sockets.get(id)?.disconnect(true);
  }
}

/** Runs `dropEndedSessions` every `everyMs` (never two at once) until stopped; `stop` waits for a check under way. */
export function checkSessionsEvery(io: RealtimeServer, db: Db, everyMs: number): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = dropEndedSessions(io, db)
      .catch((error) => console.error('socket session check failed:', error))
      .finally(() => (running = undefined));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
