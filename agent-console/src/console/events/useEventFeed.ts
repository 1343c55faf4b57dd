import { useEffect, useRef } from 'react';
import type { EventSummary } from '../contract.ts';
import type { EventList } from './useEventList.ts';
import type { useEventDetail } from './useEventDetail.ts';

/**
 * Keeps the list and the open event live: each `event:updated` push is applied once, and every
 * reconnect refetches both, since pushes sent while offline are gone.
 */
export function useEventFeed(list: EventList, open: ReturnType<typeof useEventDetail>, push: EventSummary | null, connections: number) {
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
}
