import type { Server } from 'socket.io';
import type { PresenceSnapshot } from '../../routing/index.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './protocol.ts';

/** Events between backend instances (never sent to browsers). */
export interface InterServerEvents {
  /** An instance's consoles: sent on change, on a heartbeat and when asked. */
  'presence:snapshot': (snapshot: PresenceSnapshot) => void;
  /** A starting instance asks the others for their snapshots. */
  'presence:ask': () => void;
  /** An appeal was triaged, corrected or left the open queue: other instances update their duplicate index. */
  'triage:appeal': (change: { appealId: string; corrected: boolean }) => void;
  /** A territory file was imported: other instances re-read it and rebuild their locator. */
  'territory:changed': () => void;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents>;
