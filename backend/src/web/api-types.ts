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
} from '../appeals/views.ts';
export type { WallSnapshot, WallChannel, WallAgent, WallWarning, WallCharts } from '../reporting/stats/views.ts';
export type { SessionUser } from '../identity/auth/sessions.ts';
export type { ServerToClientEvents, ClientToServerEvents } from './realtime/protocol.ts';
export type ApiError = { error: { code: string; message: string; requestId?: string } };
export type { CategoryView } from './routes/taxonomy.ts';
export type { NoteView, NoteEvent, ContactHistoryItem } from '../appeals/views.ts';
export type { MyPresence, AgentView, AgentRoster, PresenceUpdate, WorkCounts } from '../routing/views.ts';
export type { PresenceStatus } from '../routing/schema.ts';
export type { CannedReply, KnowledgeArticle } from '../reference/knowledge/index.ts';
export type { DepartmentView } from './routes/departments.ts';
export type { AssessmentReport, AssessmentRow } from '../reporting/assessment/views.ts';
export type { WebhookDeliveryView, WebhookDeliveryPage } from '../interop/linkage-webhooks/views.ts';
export type { EventView, EventDraft, EventInput, EventSummary, EventDetail, EventStepView, EventCounts, StepInput, TimeLimitRuleView } from '../linkage/views.ts';
export type EventPage = import('zod').infer<typeof import('../linkage/views.ts').eventPageSchema>;
