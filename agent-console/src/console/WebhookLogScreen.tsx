import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookDeliveryView } from '@hotline/backend/api-types';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../shared/format.ts';
import { followLink } from './common/links.tsx';
import { goTo, pathFor } from './shell/route.ts';
import { DELIVERY_FILTERS, type DeliveryFilter, formatPayload, lastResult, pageCount } from './webhook-format.ts';
import { DELIVERIES_PAGE_SIZE, useWebhookDeliveries } from './useWebhookDeliveries.ts';
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
    </main>
  );
}

interface DeliveryTableProps {
  items: WebhookDeliveryView[];
  retrying: string | null;
  retryError: { id: string; error: unknown } | null;
  onRetry(delivery: WebhookDeliveryView): void;
}

function DeliveryTable({ items, retrying, retryError, onRetry }: DeliveryTableProps) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState<string | null>(null);
  return (
    <div className="table-scroll">
      <table className="data-table webhook-log-table" data-testid="webhook-log-table">
        <thead>
          <tr>
            <th scope="col">{t('webhookLog.time')}</th>
            <th scope="col">{t('webhookLog.topic')}</th>
            <th scope="col">{t('webhookLog.case')}</th>
            <th scope="col">{t('webhookLog.status')}</th>
            <th scope="col" className="num">
              {t('webhookLog.attempts')}
            </th>
            <th scope="col">{t('webhookLog.lastResult')}</th>
            <th scope="col">{t('webhookLog.deliveredAt')}</th>
            <th scope="col">{t('webhookLog.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((delivery) => {
            const open = expanded === delivery.id;
            const payloadId = `webhook-payload-${delivery.id}`;
            return (
              <Fragment key={delivery.id}>
                <tr data-testid="webhook-row" data-status={delivery.status}>
                  <td className="times">{formatDateTime(delivery.createdAt, i18n.language)}</td>
                  <td>{t(`webhookLog.topics.${delivery.topic}`)}</td>
                  <td className="mono">
                    <EventLink delivery={delivery} />
                  </td>
                  <td>
                    <span className={`badge webhook-status webhook-status-${delivery.status}`}>{t(`webhookLog.filters.${delivery.status}`)}</span>
                    {delivery.status === 'pending' && <span className="times">{t('webhookLog.nextAttempt', { time: formatDateTime(delivery.nextAttemptAt, i18n.language) })}</span>}
                  </td>
                  <td className="num">{delivery.attempts}</td>
                  <td className="webhook-result">{lastResult(delivery) ?? <span className="muted">{t('webhookLog.noResult')}</span>}</td>
                  <td className="times">{delivery.deliveredAt ? formatDateTime(delivery.deliveredAt, i18n.language) : '—'}</td>
                  <td className="webhook-actions">
                    <button type="button" className="button button-small button-quiet" aria-expanded={open} aria-controls={payloadId} onClick={() => setExpanded(open ? null : delivery.id)}>
                      {open ? t('webhookLog.hidePayload') : t('webhookLog.showPayload')}
                    </button>
                    {delivery.status === 'failed' && (
                      <button type="button" className="button button-small" disabled={retrying !== null} onClick={() => onRetry(delivery)}>
                        {retrying === delivery.id ? t('webhookLog.retrying') : t('webhookLog.retry')}
                      </button>
                    )}
                  </td>
                </tr>
                {retryError?.id === delivery.id && (
                  <tr>
                    <td colSpan={8}>
                      <ErrorAlert error={retryError.error} title={t('webhookLog.retryFailed')} />
                    </td>
                  </tr>
                )}
                {open && (
                  <tr className="webhook-payload-row">
                    <td colSpan={8} id={payloadId}>
                      <p className="muted">{t('webhookLog.payloadOf', { url: delivery.url })}</p>
                      <pre className="webhook-payload" data-testid="webhook-payload">
                        {formatPayload(delivery.payload)}
                      </pre>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The case number, linking to the event in the console (a real link: middle-click opens a tab). */
function EventLink({ delivery }: { delivery: WebhookDeliveryView }) {
  if (!delivery.eventId) return <>{delivery.caseNumber ?? '—'}</>;
  const route = { screen: 'events' as const, appealId: null, eventId: delivery.eventId };
  return (
    <a href={pathFor(route)} onClick={(event) => followLink(event, () => goTo(route))}>
      {delivery.caseNumber ?? delivery.eventId}
    </a>
  );
}
