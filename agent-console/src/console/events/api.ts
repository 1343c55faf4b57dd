import { apiRequest } from '../../shared/api.ts';
import type { EventCounts, EventDetail, EventPage, StepInput } from '../contract.ts';
import { type EventListQuery, eventListParams } from './event-helpers.ts';

const eventPath = (id: string) => `/api/events/${encodeURIComponent(id)}`;

/** The events API (事件): worklists, one event with its timeline, and the steps of the closed loop. */
export const eventsApi = {
  /** One page of a tab or filter. */
  list: (query: EventListQuery, signal?: AbortSignal) => apiRequest<EventPage>(`/api/events?${eventListParams(query)}`, { signal }),
  /** Every tab's count in one request. */
  counts: (signal?: AbortSignal) => apiRequest<EventCounts>('/api/events/counts', { signal }),
  get: (id: string, signal?: AbortSignal) => apiRequest<EventDetail>(eventPath(id), { signal }),
  /** One step; the answer is the event as it is now, with the buttons for what comes next. */
  step: (id: string, input: StepInput) => apiRequest<EventDetail>(`${eventPath(id)}/steps`, { json: input }),
  /** 处置反馈 with photos (multipart/form-data, built by `reportForm`). */
  report: (id: string, form: FormData) => apiRequest<EventDetail>(`${eventPath(id)}/steps`, { form }),
};
