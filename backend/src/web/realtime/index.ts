export { shareTerritory, shareTriage } from './cluster.ts';
export type { RealtimeServer } from './io.ts';
export { realtimeListeners } from './listeners.ts';
export type { ClientToServerEvents, ServerToClientEvents } from './protocol.ts';
export { type Realtime, startRealtime, webChatSender } from './server.ts';
export { startWallLive, throttle } from './wall-live.ts';
