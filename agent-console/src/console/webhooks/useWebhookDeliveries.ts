import { useState } from 'react';
import type { WebhookDeliveryView } from '@hotline/backend/api-types';
import { staffApi } from '../api.ts';
import type { DeliveryFilter } from './webhook-format.ts';
import { useApiResource } from '../common/useApiResource.ts';

export const DELIVERIES_PAGE_SIZE = 20;

/** A page of the webhook delivery log, and 重试 of a failed delivery (the row shows it pending at once). */
export function useWebhookDeliveries(filter: DeliveryFilter, page: number) {
  const query = { filter, page, pageSize: DELIVERIES_PAGE_SIZE };
  const resource = useApiResource(`${filter}|${page}`, (signal) => staffApi.webhookDeliveries(query, signal));
  const [retrying, setRetrying] = useState<string | null>(null);
  const [retryError, setRetryError] = useState<{ id: string; error: unknown } | null>(null);

  async function retry(delivery: WebhookDeliveryView): Promise<WebhookDeliveryView | null> {
    setRetrying(delivery.id);
    setRetryError(null);
    try {
      const pending = await staffApi.retryWebhookDelivery(delivery.id);
      resource.replace((p) => ({ ...p, items: p.items.map((item) => (item.id === pending.id ? pending : item)) }));
      return pending;
    } catch (error) {
      setRetryError({ id: delivery.id, error });
      return null;
    } finally {
      setRetrying(null);
    }
  }

  return { page: resource.value, loading: resource.loading, error: resource.error, refetch: resource.refetch, retry, retrying, retryError };
}
