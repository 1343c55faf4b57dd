import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.ts';
import { useCategoryName } from '../common/categories.tsx';
import { followLink } from '../common/links.tsx';
import { useDepartmentName } from '../common/useReference.ts';
import type { EventDetail } from '../contract.ts';
import { pathFor } from '../shell/route.ts';

/** What the event is, where, who leads it, its limits and what was done; center staff may open its appeal. */
export function EventFacts({ event, onOpenAppeal }: { event: EventDetail; onOpenAppeal?(appealId: string): void }) {
  const { t, i18n } = useTranslation();
  const categoryName = useCategoryName();
  const deptName = useDepartmentName();
  const time = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : t('events.view.none'));
  const facts: [string, string][] = [
    [t('events.view.category'), categoryName(event.categoryCode)],
    [t('events.view.address'), event.address ?? t('events.view.none')],
    [t('events.view.grid'), event.gridCode ?? t('events.view.none')],
    [t('events.view.lead'), deptName(event.leadDepartmentCode)],
    [t('events.view.co'), event.coDepartmentCodes.length ? event.coDepartmentCodes.map(deptName).join('、') : t('events.view.none')],
    [t('events.view.dispatchedAt'), time(event.dispatchedAt)],
    [t('events.view.signDueAt'), time(event.signDueAt)],
    [t('events.view.timeLimitAt'), time(event.timeLimitAt)],
    [t('events.view.signedAt'), time(event.signedAt)],
    [t('events.view.reportedAt'), time(event.reportedAt)],
    [t('events.view.closedAt'), time(event.closedAt)],
  ];

  return (
    <section className="event-section">
      <p className="event-summary">{event.summary}</p>
      <dl className="event-facts" data-testid="event-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {event.result && (
        <div className="event-result">
          <h3>{t('events.view.result')}</h3>
          <p data-testid="event-result">{event.result}</p>
        </div>
      )}
      {onOpenAppeal && (
        <a href={pathFor({ screen: 'workbench', appealId: event.appealId })} onClick={(e) => followLink(e, () => onOpenAppeal(event.appealId))}>
          {t('events.view.openAppeal')}
        </a>
      )}
    </section>
  );
}

/** 延期申请: each request for more time, and what became of it. */
export function Extensions({ event }: { event: EventDetail }) {
  const { t, i18n } = useTranslation();
  const deptName = useDepartmentName();
  return (
    <section className="event-section">
      <h3>{t('events.extensions.heading')}</h3>
      <ul className="event-extensions">
        {event.extensions.map((x) => (
          <li key={x.id} data-testid="extension" data-status={x.status}>
            <span className={`badge extension-${x.status}`}>{t(`events.extensions.${x.status}`)}</span>
            <span>{t('events.extensions.line', { time: formatDateTime(x.requestedTimeLimitAt, i18n.language) })}</span>
            <span className="muted">
              {deptName(x.departmentCode)} · {formatDateTime(x.createdAt, i18n.language)}
            </span>
            <p>{x.reason}</p>
            {x.decisionNote && <p className="muted">{t('events.extensions.decision', { note: x.decisionNote })}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
