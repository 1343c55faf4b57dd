import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { UrgencyBadge } from '../common/badges.tsx';
import { useCategoryName } from '../common/categories.tsx';
import { followLink } from '../common/links.tsx';
import { Pager } from '../common/Pager.tsx';
import { arrowTabs } from '../common/tabs.ts';
import { useDepartmentName } from '../common/useReference.ts';
import type { EventSummary } from '../contract.ts';
import { DueBadge, EventStatusBadge } from './EventBadges.tsx';
import type { EventFilter } from './event-helpers.ts';
import type { EventList } from './useEventList.ts';

interface EventListPanelProps {
  list: EventList;
  heading: string;
  filters: readonly EventFilter[];
  openId: string | null;
  activeIndex: number;
  now: number;
  onOpen(item: EventSummary, index: number): void;
  rowRef(index: number, element: HTMLAnchorElement | null): void;
}

/** The worklist or board: its heading and total, the case-number search, the filter tabs, the rows and the pager. */
export function EventListPanel({ list, heading, filters, ...rows }: EventListPanelProps) {
  const { t } = useTranslation();
  const { data, filter } = list;
  return (
    <section className="queue event-list" aria-labelledby="event-list-heading">
      <div className="queue-heading-row">
        <h2 id="event-list-heading">{heading}</h2>
        {data && <span className="muted">{t('events.total', { count: data.total })}</span>}
      </div>
      <EventSearch list={list} />
      <EventFilterTabs list={list} filters={filters} />
      <div id="event-list-panel" role="tabpanel" aria-labelledby={`event-tab-${filter}`} aria-busy={list.loading} className="queue-panel">
        <EventRows list={list} {...rows} />
      </div>
      {data && data.total > data.pageSize && <Pager page={data.page} pages={Math.ceil(data.total / data.pageSize)} onPage={list.changePage} />}
    </section>
  );
}

/** A case number (or its start): searched on Enter and when the box loses focus. */
function EventSearch({ list }: { list: EventList }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(list.q);

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    list.search(search);
  }

  return (
    <form className="event-search" role="search" onSubmit={submitSearch}>
      <input
        type="search"
        aria-label={t('events.search')}
        placeholder={t('events.searchPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onBlur={() => list.search(search)}
      />
    </form>
  );
}

/** One tab per filter with its count; a count that waits for someone stands out (全部 never does). */
function EventFilterTabs({ list, filters }: { list: EventList; filters: readonly EventFilter[] }) {
  const { t } = useTranslation();
  const { filter, counts } = list;
  return (
    <div
      className="tabs event-tabs"
      role="tablist"
      aria-label={t('events.filtersLabel')}
      onKeyDown={arrowTabs(filters, filter, list.changeFilter, 'event-tab-')}
    >
      {filters.map((item) => (
        <button
          key={item}
          id={`event-tab-${item}`}
          type="button"
          role="tab"
          aria-selected={item === filter}
          aria-controls="event-list-panel"
          tabIndex={item === filter ? 0 : -1}
          data-filter={item}
          onClick={() => list.changeFilter(item)}
        >
          {t(`events.filter.${item}`)}
          {counts[item] !== undefined && (
            <span className={counts[item] > 0 && item !== 'all' ? 'tab-count is-new' : 'tab-count'} data-testid="tab-count" data-count={counts[item]}>
              {counts[item]}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}

/** The filter's events, or why there are none to show. */
function EventRows({ list, openId, activeIndex, now, onOpen, rowRef }: Omit<EventListPanelProps, 'heading' | 'filters'>) {
  const { t } = useTranslation();
  const { data } = list;
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (!data) return <p className="queue-state muted">{t('common.loading')}</p>;
  if (data.items.length === 0) {
    return (
      <p className="queue-state empty-state" data-testid="event-list-empty">
        {t(`events.empty.${list.filter}`)}
      </p>
    );
  }
  return (
    <ul className="queue-list" data-testid="event-list">
      {data.items.map((item, index) => (
        <EventRow
          key={item.id}
          event={item}
          open={item.id === openId}
          active={index === activeIndex}
          fresh={list.freshIds.has(item.id)}
          now={now}
          linkRef={(element) => rowRef(index, element)}
          onOpen={() => onOpen(item, index)}
        />
      ))}
    </ul>
  );
}

interface EventRowProps {
  event: EventSummary;
  open: boolean;
  active: boolean;
  fresh: boolean;
  now: number;
  linkRef(element: HTMLAnchorElement | null): void;
  onOpen(): void;
}

/** A row is a real link to /console/events/<id>, so a middle-click opens it in a new tab. */
function EventRow({ event, open, active, fresh, now, linkRef, onOpen }: EventRowProps) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const deptName = useDepartmentName()(event.leadDepartmentCode);

  const classes = ['queue-row', open && 'is-open', active && 'is-active', fresh && 'is-fresh', `urgency-row-${event.urgency}`].filter(Boolean).join(' ');
  return (
    <li className={classes} data-testid="event-row" data-case-number={event.caseNumber} data-status={event.status}>
      <a href={`/console/events/${event.id}`} ref={linkRef} aria-current={open ? 'page' : undefined} onClick={(e) => followLink(e, onOpen)}>
        <span className="row-top">
          <span className="mono row-case">{event.caseNumber}</span>
          <EventStatusBadge status={event.status} />
          <DueBadge event={event} now={now} />
          <UrgencyBadge urgency={event.urgency} />
          {event.extensionPending && <span className="badge badge-extension">{t('events.row.extensionPending')}</span>}
          {event.supervised && <span className="badge badge-supervised">{t('events.row.supervised')}</span>}
        </span>
        <span className="row-summary">{event.summary}</span>
        <span className="row-meta">
          <span>{categoryName(event.categoryCode)}</span>
          <span>{t('events.row.lead', { name: deptName })}</span>
          {event.address && <span>{event.address}</span>}
          {event.urgeCount > 0 && <span className="row-urged">{t('events.row.urged', { count: event.urgeCount })}</span>}
          {event.reporterCount > 1 && <span>{t('events.row.reporters', { count: event.reporterCount })}</span>}
        </span>
      </a>
    </li>
  );
}
