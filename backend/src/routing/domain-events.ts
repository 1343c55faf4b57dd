import type { PresenceStatus } from './schema.ts';
import type { Call } from './calls/schema.ts';

declare module '../platform/domain-events/bus.ts' {
  interface DomainEventMap {
    /** An agent's presence status changed (by them, a supervisor, or on first opening the console). */
    'presence.changed': { userId: string; status: PresenceStatus; previous: PresenceStatus };
    /** A phone call's state changed (ringing, queued, answered, abandoned, ended…). */
    'call.updated': { call: Call };
  }
}
