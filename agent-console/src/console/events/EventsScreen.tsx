import { type RefObject, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hotline/backend/api-types';
import { useNow } from '../../shared/hooks.ts';
import { DetailPane } from '../common/DetailPane.tsx';
import { useRowCursor } from '../common/useRowCursor.ts';
import type { EventDetail, EventSummary, StaffAction } from '../contract.ts';
import { useKeyTable } from '../shell/shortcuts.ts';
import { CENTER_FILTERS, HANDLER_FILTERS, STEP_FIELDS } from './event-helpers.ts';
import { EVENT_SHORTCUTS, type EventShortcutAction } from './event-shortcuts.ts';
import { EventListPanel } from './EventListPanel.tsx';
import { type EventViewHandle, EventView } from './EventView.tsx';
import { useEventDetail } from './useEventDetail.ts';
import { useEventFeed } from './useEventFeed.ts';
import { useEventList } from './useEventList.ts';
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
  const filters = handler ? HANDLER_FILTERS : CENTER_FILTERS;
  const list = useEventList(filters);
  const open = useEventDetail(eventId);
  const now = useNow();
  const view = useRef<EventViewHandle | null>(null);
  const items = list.data?.items ?? [];
  const cursor = useRowCursor(items.length);
  useEventFeed(list, open, push, connections);
  useEventKeys(view, {
    next: () => cursor.move(1),
    previous: () => cursor.move(-1),
    open: () => {
      const item = items[cursor.activeIndex];
      if (item) onOpenEvent(item.id);
    },
    back: () => onOpenEvent(null),
    help: onHelp,
  });

  function handleDone(detail: EventDetail, action: StaffAction) {
    open.replace(detail);
    list.applyEvent(detail);
    onAnnounce(t('events.view.done', { caseNumber: detail.caseNumber, step: t(`events.step.${action}`) }));
  }

  return (
    <main className="workbench events-screen" data-testid="events-screen" data-mode={handler ? 'handler' : 'center'}>
      <EventListPanel
        list={list}
        heading={t(handler ? 'events.heading.handler' : 'events.heading.center')}
        filters={filters}
        openId={eventId}
        activeIndex={cursor.activeIndex}
        now={now}
        onOpen={(item, index) => {
          cursor.setActiveIndex(index);
          onOpenEvent(item.id);
        }}
        rowRef={cursor.rowRef}
      />
      <DetailPane
        wanted={eventId !== null}
        placeholder={t('events.view.placeholder')}
        error={open.error}
        notFound={t('events.view.notFound')}
        onRetry={() => void open.refetch()}
      >
        {open.detail && (
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
        )}
      </DetailPane>
    </main>
  );
}

type MoveKeys = Record<Exclude<EventShortcutAction, StaffAction>, () => void>;

/** The screen's keys: moving and opening in the list, and every step's key doing what its button does (EventView.start). */
function useEventKeys(view: RefObject<EventViewHandle | null>, moves: MoveKeys) {
  const stepKeys = Object.fromEntries(STAFF_ACTIONS.map((action) => [action, () => view.current?.start(action)])) as Record<StaffAction, () => void>;
  useKeyTable(EVENT_SHORTCUTS, { ...stepKeys, ...moves });
}
