import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hotline/backend/api-types';
import { isApiError } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useNow } from '../../shared/hooks.ts';
import { UrgencyBadge } from '../common/badges.tsx';
import { useCategoryName } from '../common/categories.tsx';
import type { EventDetail, EventSummary, StaffAction } from '../contract.ts';
import type { ShortcutRow } from '../shell/ShortcutHelp.tsx';
import { useKeyTable } from '../shell/shortcuts.ts';
import { followLink } from '../common/links.tsx';
import { Pager } from '../common/Pager.tsx';
import { arrowTabs } from '../common/tabs.ts';
import { useRowCursor } from '../common/useRowCursor.ts';
import { useDepartmentName } from '../common/useReference.ts';
import { DueBadge, EventStatusBadge } from './EventBadges.tsx';
import { CENTER_FILTERS, type EventFilter, HANDLER_FILTERS, STEP_FIELDS } from './event-helpers.ts';
import { EVENT_SHORTCUTS, type EventShortcutAction } from './event-shortcuts.ts';
import { type EventViewHandle, EventView } from './EventView.tsx';
import { useEventDetail } from './useEventDetail.ts';
import { type EventList, useEventList } from './useEventList.ts';
import './events.css';

const STAFF_ACTIONS = Object.keys(STEP_FIELDS) as StaffAction[];

interface EventsScreenProps {
  user: SessionUser;
  eventId: string | null;
  onOpenEvent(id: string | null): void;
  /** The latest `event:updated` push; each new one is applied to the list and the open event. */
  push: EventSummary | null;
  /** Counts the socket's connects: each reconnect refetches, since pushes while offline are gone. */
  connections: number;
  onHelp(): void;
  /** Center staff go from an event to its appeal. */
  onOpenAppeal?(appealId: string): void;
  /** Said to screen readers (and shown by the owner's announcer): steps taken, events changed. */
  onAnnounce(text: string): void;
}

/**
 * 事件: a department handler's worklist (待签收 / 处置中 / 已退回 / 全部) or the linkage center's board
 * (待核查 / 已退回 / 延期待批 / 临期·超期 / 进行中 / 已结案 / 全部) on the left, the open event on the
 * right. Live by `event:updated`; j/k/Enter move and open, one key per step.
 */
export function EventsScreen({ user, eventId, onOpenEvent, push, connections, onHelp, onOpenAppeal, onAnnounce }: EventsScreenProps) {
  const { t } = useTranslation();
  const handler = user.role === 'handler';
  const list = useEventList(handler ? HANDLER_FILTERS : CENTER_FILTERS);
  const open = useEventDetail(eventId);
  const now = useNow();
  const view = useRef<EventViewHandle | null>(null);
  const items = list.data?.items ?? [];
  const cursor = useRowCursor(items.length);

  const { applyEvent, refetch: refetchList } = list;
  const { refetch: refetchOpen } = open;
  const openId = open.detail?.id;
  const firstConnection = useRef(connections);
  useEffect(() => {
    // The first load fetched already; a (re)connect after it may have missed pushes.
    if (connections === firstConnection.current) return;
    void refetchList();
    void refetchOpen();
  }, [connections, refetchList, refetchOpen]);
  // Each push once: opening another event must not replay the last one over newer data, and a push
  // from before this screen showed is already in what it loads.
  const applied = useRef(push);
  useEffect(() => {
    if (!push || push === applied.current) return;
    applied.current = push;
    applyEvent(push);
    if (push.id === openId) void refetchOpen();
  }, [push, applyEvent, refetchOpen, openId]);

  function handleDone(detail: EventDetail, action: StaffAction) {
    open.replace(detail);
    list.applyEvent(detail);
    onAnnounce(t('events.view.done', { caseNumber: detail.caseNumber, step: t(`events.step.${action}`) }));
  }

  // Every step's key does what its button does (EventView.start), when the open event offers it.
  const stepKeys = Object.fromEntries(STAFF_ACTIONS.map((action) => [action, () => view.current?.start(action)])) as Record<StaffAction, () => void>;
  const keys: Record<EventShortcutAction, () => void> = {
    ...stepKeys,
    next: () => cursor.move(1),
    previous: () => cursor.move(-1),
    open: () => {
      const item = items[cursor.activeIndex];
      if (item) onOpenEvent(item.id);
    },
    back: () => onOpenEvent(null),
    help: onHelp,
  };
  useKeyTable(EVENT_SHORTCUTS, keys);

  return (
    <main className="workbench events-screen" data-testid="events-screen" data-mode={handler ? 'handler' : 'center'}>
      <EventListPanel
        list={list}
        heading={t(handler ? 'events.heading.handler' : 'events.heading.center')}
        filters={handler ? HANDLER_FILTERS : CENTER_FILTERS}
        openId={eventId}
        activeIndex={cursor.activeIndex}
        now={now}
        onOpen={(item, index) => {
          cursor.setActiveIndex(index);
          onOpenEvent(item.id);
        }}
        rowRef={cursor.rowRef}
      />
      <div className="appeal-pane">
        {!eventId ? (
          <p className="appeal-placeholder muted">{t('events.view.placeholder')}</p>
        ) : open.detail ? (
          <EventView
            key={open.detail.id}
            event={open.detail}
            now={now}
            handle={view}
            onDone={handleDone}
            onConflict={() => void open.refetch()}
            onOpenAppeal={handler ? undefined : onOpenAppeal}
            onBack={() => onOpenEvent(null)}
          />
        ) : open.error ? (
          <ErrorAlert
            error={open.error}
            title={isApiError(open.error, 404) || isApiError(open.error, 400) ? t('events.view.notFound') : undefined}
            onRetry={() => void open.refetch()}
          />
        ) : (
          <p className="appeal-placeholder muted">{t('common.loading')}</p>
        )}
      </div>
    </main>
  );
}

/** The events screen's rows for the `?` overlay, from the same table its key listener reads. */
export function eventShortcutRows(t: TFunction): ShortcutRow[] {
  return [
    ...EVENT_SHORTCUTS.map(({ action, shown }) => ({ id: action, shown, text: shortcutText(t, action) })),
    // Every dialog is a native <dialog>: the browser closes it on Esc.
    { id: 'escape', shown: ['Esc'], text: t('events.shortcuts.escape') },
  ];
}

function shortcutText(t: TFunction, action: EventShortcutAction): string {
  switch (action) {
    case 'next':
    case 'previous':
    case 'open':
    case 'back':
    case 'help':
      return t(`events.shortcuts.${action}`);
    default:
      return t(`events.action.${action}`);
  }
}

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

function EventListPanel({ list, heading, filters, openId, activeIndex, now, onOpen, rowRef }: EventListPanelProps) {
  const { t } = useTranslation();
  const { data, filter } = list;
  const [search, setSearch] = useState(list.q);

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    list.search(search);
  }

  return (
    <section className="queue event-list" aria-labelledby="event-list-heading">
      <div className="queue-heading-row">
        <h2 id="event-list-heading">{heading}</h2>
        {data && <span className="muted">{t('events.total', { count: data.total })}</span>}
      </div>
      <form className="event-search" role="search" onSubmit={submitSearch}>
        <input type="search" aria-label={t('events.search')} placeholder={t('events.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} onBlur={() => list.search(search)} />
      </form>
      <div className="tabs event-tabs" role="tablist" aria-label={t('events.filtersLabel')} onKeyDown={arrowTabs(filters, filter, list.changeFilter, 'event-tab-')}>
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
            {list.counts[item] !== undefined && (
              <span className={list.counts[item] > 0 && item !== 'all' ? 'tab-count is-new' : 'tab-count'} data-testid="tab-count" data-count={list.counts[item]}>
                {list.counts[item]}
              </span>
            )}
          </button>
        ))}
      </div>
      <div id="event-list-panel" role="tabpanel" aria-labelledby={`event-tab-${filter}`} aria-busy={list.loading} className="queue-panel">
        {list.error ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : !data ? (
          <p className="queue-state muted">{t('common.loading')}</p>
        ) : data.items.length === 0 ? (
          <p className="queue-state empty-state" data-testid="event-list-empty">
            {t(`events.empty.${filter}`)}
          </p>
        ) : (
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
        )}
      </div>
      {data && data.total > data.pageSize && <Pager page={data.page} pages={Math.ceil(data.total / data.pageSize)} onPage={list.changePage} />}
    </section>
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
