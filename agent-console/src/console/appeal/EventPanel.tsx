import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.ts';
import { UrgencyBadge } from '../common/badges.tsx';
import { useCategoryName } from '../common/categories.tsx';
import type { EventView } from '../contract.ts';
import { EventStatusBadge } from '../events/EventBadges.tsx';
import { goTo, pathFor } from '../shell/route.ts';
import { followLink } from '../common/links.tsx';
import { useDepartmentName } from '../common/useReference.ts';

/** After 受理: the event as dispatched — its status, responsible units and time limit, and a link to follow it on the events screen. */
export function EventPanel({ id, event }: { id?: string; event: EventView }) {
  const { t, i18n } = useTranslation();
  const categoryName = useCategoryName();
  const deptName = useDepartmentName();
  const overdue = Date.parse(event.timeLimitAt) < Date.now();
  const route = { screen: 'events', appealId: null, eventId: event.id } as const;

  return (
    <section id={id} className="event-panel" aria-label={t('console.event.heading')} data-testid="event-panel">
      <span className="event-label">{t('console.event.heading')}</span>
      <EventStatusBadge status={event.status} />
      <span>{categoryName(event.categoryCode)}</span>
      <UrgencyBadge urgency={event.urgency} />
      <span data-testid="event-lead-name">{t('console.event.lead', { name: deptName(event.leadDepartmentCode) })}</span>
      {event.coDepartmentCodes.length > 0 && <span>{t('console.event.co', { names: event.coDepartmentCodes.map(deptName).join('、') })}</span>}
      <span className={overdue ? 'event-limit is-overdue' : 'event-limit'}>
        {t('console.event.timeLimit', { time: formatDateTime(event.timeLimitAt, i18n.language) })}
      </span>
      <a href={pathFor(route)} onClick={(e) => followLink(e, () => goTo(route))} data-testid="event-link">
        {t('console.event.open')}
      </a>
    </section>
  );
}
