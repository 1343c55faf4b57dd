import { type Socket, io } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@hotline/backend/api-types';

export type HotlineSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A socket to the page's own origin. The server tells staff and web visitors apart by their
 * httpOnly cookies, so it must not connect before the cookie exists: callers call `connect()`.
 */
export function createSocket(): HotlineSocket {
  return io({ autoConnect: false, withCredentials: true });
}

/** The server refuses a handshake without a valid cookie with this message; retrying will not help. */
export const isUnauthenticated = (error: Error) => error.message === 'unauthenticated';
