import type {
  AppealPage,
  AppealSummary,
  AssessmentReport,
  HotReport,
  MessageView,
  RecordPage,
  SavedSearchView,
  SessionUser,
  WebhookDeliveryPage,
  WebhookDeliveryView,
} from '@hotline/backend/api-types';
import type { TerritoryCollection } from '../citizen/territory.ts';
import { apiRequest } from '../shared/api.ts';
import { assessmentPath } from './assessment/assessment-format.ts';
import { recordsPath } from './records/records-query.ts';
import { type DeliveryFilter, deliveriesPath } from './webhooks/webhook-format.ts';
import type {
  AgentView,
  CannedReply,
  ConsoleAppeal,
  DepartmentView,
  EventDraft,
  EventInput,
  KnowledgeArticle,
  NoteView,
  PresenceStatus,
  PresenceView,
  WallCharts,
  WallSnapshot,
} from './contract.ts';

export type AppealStatus = AppealSummary['status'];
export type AppealType = NonNullable<AppealSummary['appealType']>;
export type Urgency = AppealSummary['urgency'];

export const APPEAL_TYPES: AppealType[] = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'];
export const URGENCIES: Urgency[] = ['normal', 'urgent', 'emergency'];

/** The four platforms, in the order the centre names them (综治, 市场监管, 综合执法, 便民服务). */
export const PLATFORMS = ['governance', 'market', 'enforcement', 'services'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * A matter category (事项分类) as GET /api/categories lists it. Declared here because the backend
 * does not export a view type for it; the shape is the route's documented answer.
 */
export interface CategoryView {
  code: string;
  name: string;
  nameEn: string;
  kind: 'event' | 'component';
  platform: Platform;
}

/** An agent's correction of what NLP decided; only the fields that changed are sent. */
export interface ClassificationCorrection {
  appealType?: AppealType;
  categoryCode?: string;
  urgency?: Urgency;
}

export type HotPeriod = HotReport['period'];

/** The staff API; the session lives in an httpOnly cookie set by login. */
export const staffApi = {
  me: () => apiRequest<{ user: SessionUser }>('/api/auth/me', { expectUnauthorized: true }),
  login: (username: string, password: string) =>
    apiRequest<{ user: SessionUser }>('/api/auth/login', { json: { username, password }, expectUnauthorized: true }),
  logout: () => apiRequest<void>('/api/auth/logout', { method: 'POST', expectUnauthorized: true }),

  listAppeals: (query: { status: AppealStatus; page: number; pageSize: number }, signal?: AbortSignal) =>
    apiRequest<AppealPage>(`/api/appeals?${new URLSearchParams({ status: query.status, page: String(query.page), pageSize: String(query.pageSize) })}`, {
      signal,
    }),
  getAppeal: (id: string, signal?: AbortSignal) => apiRequest<ConsoleAppeal>(`/api/appeals/${encodeURIComponent(id)}`, { signal }),

  reply: (id: string, text: string) => apiRequest<MessageView>(`/api/appeals/${encodeURIComponent(id)}/replies`, { json: { text } }),
  /** 受理 as an event, with the (edited) event draft. */
  accept: (id: string, event: EventInput) => apiRequest<AppealSummary>(`/api/appeals/${encodeURIComponent(id)}/accept`, { json: event }),
  eventDraft: (id: string, signal?: AbortSignal) => apiRequest<EventDraft>(`/api/appeals/${encodeURIComponent(id)}/event-draft`, { signal }),
  /** 直接答复: the answer goes to the citizen and the appeal closes as answered. */
  answer: (id: string, text: string) => apiRequest<AppealSummary>(`/api/appeals/${encodeURIComponent(id)}/answer`, { json: { text } }),
  reject: (id: string, reason: string) => apiRequest<AppealSummary>(`/api/appeals/${encodeURIComponent(id)}/reject`, { json: { reason } }),

  /** Routing: take an unassigned appeal (409 names who holds it), or hand one over with a note. */
  claim: (id: string) => apiRequest<AppealSummary>(`/api/appeals/${encodeURIComponent(id)}/claim`, { method: 'POST' }),
  transfer: (id: string, toUserId: string, note: string) =>
    apiRequest<AppealSummary>(`/api/appeals/${encodeURIComponent(id)}/transfer`, { json: { toUserId, note } }),
  addNote: (id: string, text: string) => apiRequest<NoteView>(`/api/appeals/${encodeURIComponent(id)}/notes`, { json: { text } }),

  myPresence: (signal?: AbortSignal) => apiRequest<PresenceView>('/api/me/presence', { signal }),
  setMyPresence: (status: PresenceStatus) => apiRequest<PresenceView>('/api/me/presence', { method: 'PUT', json: { status } }),
  agents: (signal?: AbortSignal) => apiRequest<{ agents: AgentView[] }>('/api/agents', { signal }),
  setAgentPresence: (userId: string, status: PresenceStatus) =>
    apiRequest<unknown>(`/api/agents/${encodeURIComponent(userId)}/presence`, { method: 'PUT', json: { status } }),

  cannedReplies: (signal?: AbortSignal) => apiRequest<{ replies: CannedReply[] }>('/api/canned-replies', { signal }),
  knowledge: (query: { q: string; categoryCode: string | null; limit: number }, signal?: AbortSignal) => {
    const params = new URLSearchParams({ q: query.q, limit: String(query.limit) });
    if (query.categoryCode) params.set('categoryCode', query.categoryCode);
    return apiRequest<{ articles: KnowledgeArticle[] }>(`/api/knowledge?${params}`, { signal });
  },
  departments: (signal?: AbortSignal) => apiRequest<{ departments: DepartmentView[] }>('/api/departments', { signal }),

  wall: (signal?: AbortSignal) => apiRequest<WallSnapshot>('/api/stats/wall', { signal }),
  charts: (signal?: AbortSignal) => apiRequest<WallCharts>('/api/stats/charts', { signal }),

  categories: (signal?: AbortSignal) => apiRequest<{ categories: CategoryView[] }>('/api/categories', { signal }),
  correctClassification: (id: string, correction: ClassificationCorrection) =>
    apiRequest<AppealSummary>(`/api/appeals/${encodeURIComponent(id)}/classification`, { method: 'PATCH', json: correction }),
  /** 举报人保密 by hand: anyone in the center marks, only supervisors and admins clear (403 otherwise). */
  setConfidential: (id: string, confidential: boolean) =>
    apiRequest<AppealSummary>(`/api/appeals/${encodeURIComponent(id)}/confidential`, { method: 'PUT', json: { confidential } }),
  merge: (id: string, intoId: string) => apiRequest<AppealSummary>(`/api/appeals/${encodeURIComponent(id)}/merge`, { json: { intoId } }),

  hotReport: (query: { period: HotPeriod; streetCode: string | null }, signal?: AbortSignal) => {
    const params = new URLSearchParams({ period: query.period });
    if (query.streetCode) params.set('streetCode', query.streetCode);
    return apiRequest<HotReport>(`/api/stats/hot?${params}`, { signal });
  },
  territory: (signal?: AbortSignal) => apiRequest<TerritoryCollection>('/api/public/territory', { signal }),

  /** 考核 of one month (YYYY-MM), or of this month on the hotline's clock. */
  assessment: (month: string | null, signal?: AbortSignal) => apiRequest<AssessmentReport>(assessmentPath(month), { signal }),
  webhookDeliveries: (query: { filter: DeliveryFilter; page: number; pageSize: number }, signal?: AbortSignal) =>
    apiRequest<WebhookDeliveryPage>(deliveriesPath(query), { signal }),
  /** 综合查询: one keyset page of the search in `query` (the screen's query string). */
  records: (query: string, cursor: string | null, signal?: AbortSignal) => apiRequest<RecordPage>(recordsPath(query, cursor), { signal }),
  savedSearches: (signal?: AbortSignal) => apiRequest<SavedSearchView[]>('/api/records/saved', { signal }),
  saveSearch: (name: string, query: string) => apiRequest<SavedSearchView>('/api/records/saved', { json: { name, query } }),
  deleteSavedSearch: (id: string) => apiRequest<void>(`/api/records/saved/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  /** A failed delivery goes out again (409 when it is not failed any more). */
  retryWebhookDelivery: (id: string) => apiRequest<WebhookDeliveryView>(`/api/admin/webhook-deliveries/${encodeURIComponent(id)}/retry`, { method: 'POST' }),
};
