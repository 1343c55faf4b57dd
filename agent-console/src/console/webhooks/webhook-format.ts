import type { WebhookDeliveryView } from '@hotline/backend/api-types';

export type DeliveryStatus = WebhookDeliveryView['status'];
/** The status filter: every delivery, or one status. */
export type DeliveryFilter = DeliveryStatus | 'all';
export const DELIVERY_FILTERS: DeliveryFilter[] = ['all', 'pending', 'delivered', 'failed'];

/** The log's API path for a filter and page. */
export function deliveriesPath(query: { filter: DeliveryFilter; page: number; pageSize: number }): string {
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
  if (query.filter !== 'all') params.set('status', query.filter);
  return `/api/admin/webhook-deliveries?${params}`;
}

/** Pages for `total` rows; an empty log still has its one (empty) page. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The JSON body as it was posted, indented for reading. */
export function formatPayload(payload: WebhookDeliveryView['payload']): string {
  return JSON.stringify(payload, null, 2);
}

/** What the receiver last answered: its HTTP status and/or the error, or null before the first attempt. */
export function lastResult(delivery: Pick<WebhookDeliveryView, 'lastStatusCode' | 'lastError'>): string | null {
  const parts = [delivery.lastStatusCode === null ? null : `HTTP ${delivery.lastStatusCode}`, delivery.lastError].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}
