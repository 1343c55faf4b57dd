/**
 * The console issue's staff API shapes, as the backend exports them from `@hotline/backend/api-types`
 * (re-exported here under the names the console uses), plus the few the API leaves implicit.
 */
import type { AppealDetail, EventDetail, MyPresence, PresenceStatus, StepInput, WorkCounts } from '@hotline/backend/api-types';

export type {
  AgentView,
  CannedReply,
  ContactHistoryItem as ContactAppeal,
  DepartmentView,
  EventCounts,
  EventDetail,
  EventDraft,
  EventInput,
  EventPage,
  EventStepView,
  EventSummary,
  EventView,
  StepInput,
  KnowledgeArticle,
  NoteEvent,
  NoteView,
  PresenceStatus,
  PresenceUpdate,
  WallAgent,
  WallChannel,
  WallCharts,
  WallSnapshot,
  WallWarning,
} from '@hotline/backend/api-types';

export type Load = WorkCounts;
export type PresenceView = MyPresence;
export type EventStatus = NonNullable<AppealDetail['event']>['status'];
/** The steps staff take on an event (签收, 反馈, 核查…): StepInput's `action`, one per row of the backend's lifecycle table. */
export type StaffAction = StepInput['action'];
export type EventExtension = EventDetail['extensions'][number];
/** A citizen linked to an event, with their 回访 state (center staff only). */
export type EventReporter = EventDetail['reporters'][number];

/** In the order the switch offers them: 在线, 忙碌, 离开, 离线. */
export const PRESENCE_STATUSES: PresenceStatus[] = ['available', 'busy', 'away', 'offline'];

/** The appeal as the console shows it: notes, contact history and event are part of the detail. */
export type ConsoleAppeal = AppealDetail;

/** A claim's 409 names who holds the appeal in `error.details.assignee`. */
export interface ConflictDetails {
  assignee?: { id: string; displayName: string };
}
