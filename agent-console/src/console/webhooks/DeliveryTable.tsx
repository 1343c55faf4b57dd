import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookDeliveryView } from '@hotline/backend/api-types';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { followLink } from '../common/links.tsx';
import { goTo, pathFor } from '../shell/route.ts';
import { formatPayload, lastResult } from './webhook-format.ts';

interface DeliveryTableProps {
  items: WebhookDeliveryView[];
  retrying: string | null;
  retryError: { id: string; error: unknown } | null;
  onRetry(delivery: WebhookDeliveryView): void;
}

/** One row per delivery; a row can show its payload, and a failed one its retry's failure, beneath it. */
export function DeliveryTable({ items, retrying, retryError, onRetry }: DeliveryTableProps) {
  const { t } = useTranslation();
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
          {items.map((delivery) => (
            <DeliveryRows
              key={delivery.id}
              delivery={delivery}
              open={expanded === delivery.id}
              onToggle={() => setExpanded(expanded === delivery.id ? null : delivery.id)}
              retrying={retrying}
              retryError={retryError?.id === delivery.id ? retryError.error : null}
              onRetry={onRetry}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const payloadId = (delivery: WebhookDeliveryView) => `webhook-payload-${delivery.id}`;

interface DeliveryRowProps {
  delivery: WebhookDeliveryView;
  open: boolean;
  onToggle(): void;
  retrying: string | null;
  onRetry(delivery: WebhookDeliveryView): void;
}

/** The delivery's row, then (when there is one) its retry's failure and (when opened) its payload. */
function DeliveryRows({ retryError, ...row }: DeliveryRowProps & { retryError: unknown }) {
  const { t } = useTranslation();
  const { delivery } = row;
  return (
    <>
      <DeliveryRow {...row} />
      {retryError ? (
        <tr>
          <td colSpan={8}>
            <ErrorAlert error={retryError} title={t('webhookLog.retryFailed')} />
          </td>
        </tr>
      ) : null}
      {row.open && (
        <tr className="webhook-payload-row">
          <td colSpan={8} id={payloadId(delivery)}>
            <p className="muted">{t('webhookLog.payloadOf', { url: delivery.url })}</p>
            <pre className="webhook-payload" data-testid="webhook-payload">
              {formatPayload(delivery.payload)}
            </pre>
          </td>
        </tr>
      )}
    </>
  );
}

function DeliveryRow({ delivery, open, onToggle, retrying, onRetry }: DeliveryRowProps) {
  const { t, i18n } = useTranslation();
  return (
    <tr data-testid="webhook-row" data-status={delivery.status}>
      <td className="times">{formatDateTime(delivery.createdAt, i18n.language)}</td>
      <td>{t(`webhookLog.topics.${delivery.topic}`)}</td>
      <td className="mono">
        <EventLink delivery={delivery} />
      </td>
      <td>
        <span className={`badge webhook-status webhook-status-${delivery.status}`}>{t(`webhookLog.filters.${delivery.status}`)}</span>
        {delivery.status === 'pending' && (
          <span className="times">{t('webhookLog.nextAttempt', { time: formatDateTime(delivery.nextAttemptAt, i18n.language) })}</span>
        )}
      </td>
      <td className="num">{delivery.attempts}</td>
      <td className="webhook-result">{lastResult(delivery) ?? <span className="muted">{t('webhookLog.noResult')}</span>}</td>
      <td className="times">{delivery.deliveredAt ? formatDateTime(delivery.deliveredAt, i18n.language) : '—'}</td>
      <td className="webhook-actions">
        <button type="button" className="button button-small button-quiet" aria-expanded={open} aria-controls={payloadId(delivery)} onClick={onToggle}>
          {open ? t('webhookLog.hidePayload') : t('webhookLog.showPayload')}
        </button>
        {delivery.status === 'failed' && (
          <button type="button" className="button button-small" disabled={retrying !== null} onClick={() => onRetry(delivery)}>
            {retrying === delivery.id ? t('webhookLog.retrying') : t('webhookLog.retry')}
          </button>
        )}
      </td>
    </tr>
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
