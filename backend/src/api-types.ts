/**
 * The API's response types for the console and citizen page. Browser-safe: it re-exports the
 * views' zod-inferred types only, so clients and server cannot drift apart.
 */
export type {
  AppealSummary,
  AppealDetail,
  AppealPage,
  CallView,
  ClassificationView,
  DuplicateView,
  EmergencyAlert,
  HotReport,
  MessageView,
  PublicAppeal,
  ChatLine,
} from './appeals/views.ts';
export type { WallSnapshot, WallChannel, WallAgent, WallWarning, WallCharts } from './stats/views.ts';
export type { SessionUser } from './auth/sessions.ts';
export type { ServerToClientEvents, ClientToServerEvents } from './realtime/protocol.ts';
export type ApiError = { error: { code: string; message: string; requestId?: string } };
export type { CategoryView } from './taxonomy/routes.ts';
export type { NoteView, NoteEvent, ContactHistoryItem } from './appeals/views.ts';
export type { MyPresence, AgentView, AgentRoster, PresenceUpdate, WorkCounts } from './routing/views.ts';
export type { PresenceStatus } from './routing/schema.ts';
export type { CannedReply, KnowledgeArticle } from './knowledge/views.ts';
export type { DepartmentView } from './departments/routes.ts';
export type { AssessmentReport, AssessmentRow } from './assessment/views.ts';
export type { WebhookDeliveryView, WebhookDeliveryPage } from './outbound-webhooks/views.ts';
export type { EventView, EventDraft, EventInput, EventSummary, EventDetail, EventStepView, EventCounts, StepInput, TimeLimitRuleView } from './events/views.ts';
export type EventPage = import('zod').infer<typeof import('./events/views.ts').eventPageSchema>;
