import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookDeliveryView } from '@hotline/backend/api-types';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Open311Panel } from '../open311/Open311Panel.tsx';
import { DeliveryTable } from './DeliveryTable.tsx';
import { DELIVERIES_PAGE_SIZE, useWebhookDeliveries } from './useWebhookDeliveries.ts';
import { DELIVERY_FILTERS, type DeliveryFilter, pageCount } from './webhook-format.ts';
import './webhook-log.css';

/**
 * 推送记录: what went to the external linkage platform and how it fared — filter by status, page
 * through, read a payload, send a failed one again. Admins only.
 */
export function WebhookLogScreen({ onAnnounce }: { onAnnounce(message: string): void }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<DeliveryFilter>('all');
  const [page, setPage] = useState(1);
  const log = useWebhookDeliveries(filter, page);
  const pages = log.page ? pageCount(log.page.total, DELIVERIES_PAGE_SIZE) : 1;

  function changeFilter(next: DeliveryFilter) {
    setFilter(next);
    setPage(1);
  }

  async function retry(delivery: WebhookDeliveryView) {
    const pending = await log.retry(delivery);
    if (pending) onAnnounce(t('webhookLog.retried', { caseNumber: pending.caseNumber ?? pending.eventId ?? pending.id }));
  }

  return (
    <main className="webhook-log-screen" aria-labelledby="webhook-log-heading" aria-busy={log.loading} data-testid="webhook-log-screen">
      <div className="hot-toolbar">
        <h2 id="webhook-log-heading">{t('webhookLog.heading')}</h2>
        <div className="segmented" role="group" aria-label={t('webhookLog.filter')}>
          {DELIVERY_FILTERS.map((f) => (
            <button key={f} type="button" aria-pressed={f === filter} onClick={() => changeFilter(f)}>
              {t(`webhookLog.filters.${f}`)}
            </button>
          ))}
        </div>
        <button type="button" className="button button-small hot-refresh" disabled={log.loading} onClick={log.refetch}>
          {log.loading ? t('common.loading') : t('webhookLog.refresh')}
        </button>
      </div>
      <p className="muted webhook-log-intro">{t('webhookLog.intro')}</p>
      {log.error ? (
        <div className="hot-state">
          <ErrorAlert error={log.error} title={t('webhookLog.failed')} onRetry={log.refetch} />
        </div>
      ) : !log.page ? (
        <p className="hot-state muted">{t('common.loading')}</p>
      ) : log.page.items.length === 0 ? (
        <p className="card empty-state webhook-log-empty" data-testid="webhook-log-empty">
          {filter === 'all' && page === 1 ? t('webhookLog.notConfigured') : t('webhookLog.emptyFilter', { status: t(`webhookLog.filters.${filter}`) })}
        </p>
      ) : (
        <section className="card webhook-log-card">
          <DeliveryTable items={log.page.items} retrying={log.retrying} retryError={log.retryError} onRetry={(d) => void retry(d)} />
          <nav className="webhook-log-pages" aria-label={t('webhookLog.pagination')}>
            <button type="button" className="button button-small" disabled={page <= 1 || log.loading} onClick={() => setPage(page - 1)}>
              {t('webhookLog.previousPage')}
            </button>
            <span className="muted" aria-live="polite">
              {t('webhookLog.pageOf', { page, pages, total: log.page.total })}
            </span>
            <button type="button" className="button button-small" disabled={page >= pages || log.loading} onClick={() => setPage(page + 1)}>
              {t('webhookLog.nextPage')}
            </button>
          </nav>
        </section>
      )}
      <Open311Panel onAnnounce={onAnnounce} />
    </main>
  );
}
