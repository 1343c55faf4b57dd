/**
 * The API's response types for the console and citizen page. Browser-safe: it re-exports the
 * views' zod-inferred types only, so clients and server cannot drift apart.
 */
export type {
  AppealSummary,
  AppealPage,
  ClassificationView,
  DuplicateView,
  EmergencyAlert,
  NoteView,
  NoteEvent,
  ContactHistoryItem,
} from '../appeals/index.ts';
export type { AccountView, AppealDetail, AuditPage, CategoryView, DepartmentView } from './routes/index.ts';
export type { CallView, MyPresence, AgentView, AgentRoster, PresenceUpdate, PresenceStatus, WorkCounts } from '../routing/index.ts';
export type { MessageView, ChatLine } from '../messaging/index.ts';
export type { PublicAppeal } from '../followup/index.ts';
export type { HotReport, WallSnapshot, WallChannel, WallAgent, WallWarning, WallCharts } from '../reporting/stats/index.ts';
export type { AssessmentReport, AssessmentRow } from '../reporting/assessment/index.ts';
export type { RecordPage, RecordRow, SavedSearchView } from '../reporting/records/index.ts';
export type { SessionUser } from '../identity/auth/index.ts';
export type { CannedReply, KnowledgeArticle } from '../reference/knowledge/index.ts';
export type { WebhookDeliveryView, WebhookDeliveryPage } from '../interop/linkage-webhooks/index.ts';
export type {
  EventView,
  EventDraft,
  EventInput,
  EventPage,
  EventSummary,
  EventDetail,
  EventStepView,
  EventCounts,
  StepInput,
  TimeLimitRuleView,
} from '../linkage/index.ts';
export type { ServerToClientEvents, ClientToServerEvents } from './realtime/index.ts';
export type ApiError = { error: { code: string; message: string; requestId?: string } };
