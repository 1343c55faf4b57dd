import { useTranslation } from 'react-i18next';
import type { RecordRow } from '@hotline/backend/api-types';
import { formatDateTime } from '../../shared/format.ts';
import { StatusBadge } from '../../shared/components/StatusBadge.tsx';
import { ChannelLabel, UrgencyBadge } from '../common/badges.tsx';
import { useCategoryName } from '../common/categories.tsx';
import { useDepartmentName } from '../common/useReference.ts';

function EventCell({ event }: { event: RecordRow['event'] }) {
  const { t } = useTranslation();
  const departmentName = useDepartmentName();
  if (!event) return <span className="muted">{t('records.noEvent')}</span>;
  return (
    <>
      <span className={`badge event-${event.status}`}>{t(`events.status.${event.status}`)}</span> {departmentName(event.leadDepartmentCode)}
      {event.warnings.map((w) => (
        <span key={w} className={`badge records-warning records-warning-${w}`}>
          {t(`records.warnings.${w}`)}
        </span>
      ))}
    </>
  );
}

/** Who filed it: the center sees the name and numbers; a 举报 is flagged so nobody passes them on. */
function ContactCell({ row }: { row: RecordRow }) {
  const { t } = useTranslation();
  if (!row.contact) return <span className="muted">—</span>;
  const reach = [...row.contact.phones, ...row.contact.openids].join(' · ');
  return (
    <>
      {row.confidential && <span className="badge badge-confidential">{t('records.confidential')}</span>} {row.contact.name ?? ''}{' '}
      <span className="muted">{reach}</span>
    </>
  );
}

/** The results: one row per appeal, the newest (or most urgent, or nearest its limit) first; a row opens the appeal. */
export function RecordTable({ rows, onOpenAppeal }: { rows: RecordRow[]; onOpenAppeal(id: string): void }) {
  const { t, i18n } = useTranslation();
  const categoryName = useCategoryName();
  return (
    <div className="records-table-wrap">
      <table className="records-table" data-testid="records-table">
        <thead>
          <tr>
            <th scope="col">{t('records.columns.caseNumber')}</th>
            <th scope="col">{t('records.columns.received')}</th>
            <th scope="col">{t('records.columns.status')}</th>
            <th scope="col">{t('records.columns.summary')}</th>
            <th scope="col">{t('records.columns.category')}</th>
            <th scope="col">{t('records.columns.event')}</th>
            <th scope="col">{t('records.columns.contact')}</th>
            <th scope="col">{t('records.columns.rating')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.appealId} data-testid="records-row">
              <td>
                <button type="button" className="link-button" onClick={() => onOpenAppeal(row.appealId)}>
                  {row.caseNumber}
                </button>
              </td>
              <td>
                {formatDateTime(row.receivedAt, i18n.language)} <ChannelLabel channel={row.channel} />
              </td>
              <td>
                <StatusBadge status={row.status} /> <UrgencyBadge urgency={row.urgency} />
              </td>
              <td className="records-summary">
                {row.summary}
                {row.address && <span className="muted"> · {row.address}</span>}
              </td>
              <td>{row.categoryCode ? categoryName(row.categoryCode) : '—'}</td>
              <td>
                <EventCell event={row.event} />
              </td>
              <td>
                <ContactCell row={row} />
              </td>
              <td>{row.satisfaction ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
