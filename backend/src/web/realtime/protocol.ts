/**
 * Socket.io event names and payloads, shared by the backend and the console (types only:
 * this module is safe to import in the browser).
 */
import type { AppealSummary, EmergencyAlert, NoteEvent } from '../../appeals/index.ts';
import type { CallView } from '../../routing/index.ts';
import type { ChatLine, MessageView } from '../../messaging/index.ts';
import type { PresenceUpdate } from '../../routing/index.ts';
import type { WallSnapshot } from '../../reporting/stats/index.ts';
import type { EventSummary } from '../../linkage/index.ts';

export interface ServerToClientEvents {
  /** To staff: an appeal entered the pre-acceptance queue. */
  'appeal:new': (appeal: AppealSummary) => void;
  /** To staff: an appeal changed (new message, accepted, rejected…). */
  'appeal:updated': (appeal: AppealSummary) => void;
  /** To staff: a message was added to an appeal's conversation, either way. */
  'message:new': (message: MessageView) => void;
  /** To staff: an outbound message's delivery state changed. */
  'message:updated': (message: MessageView) => void;
  /** To staff: an emergency appeal arrived (fire, gas leak, injury…); it is already at the top of the queue. */
  'alert:emergency': (alert: EmergencyAlert) => void;
  /** To staff: a phone call's state changed (queued, answered, abandoned, ended). */
  'call:updated': (call: CallView) => void;
  /** To supervisors and admins: the supervisor wall changed (at most every 2 s while anything changes). */
  'wall:updated': (wall: WallSnapshot) => void;
  /** To staff: an agent's presence status changed, or their console opened or closed. */
  'presence:updated': (update: PresenceUpdate) => void;
  /** To staff: a private note was added to an appeal (never sent to citizens' rooms). */
  'note:new': (note: NoteEvent) => void;
  /** To center staff and to the handlers of the event's lead and co-departments: an event took a step. */
  'event:updated': (event: EventSummary) => void;
  /** To one citizen's web page: a reply from the hotline. */
  'chat:message': (line: ChatLine) => void;
}

// The console only listens for now; actions go through the HTTP API.
export type ClientToServerEvents = Record<string, never>;

/**
 * Rooms: every logged-in queue worker (center staff), one per department for its handlers (they
 * get only their events, never appeals), and one per web visitor session.
 */
export const STAFF_ROOM = 'staff';
export const departmentRoom = (departmentCode: string) => `department:${departmentCode}`;
export const citizenRoom = (sessionHash: string) => `citizen:${sessionHash}`;
