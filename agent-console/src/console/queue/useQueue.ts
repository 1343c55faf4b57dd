import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppealSummary } from '@hotline/backend/api-types';
import { type AppealStatus, staffApi } from '../api.ts';
import { useFreshIds } from '../common/useFreshIds.ts';
import { type QueuePage, withArrival, withChange, withEscalation } from './queue-order.ts';

export const PAGE_SIZE = 20;

type LiveEvent = { at: number; apply(page: QueuePage): QueuePage };

/**
 * One tab and page of the pre-acceptance queue, kept current by socket events. A refetch answers
 * for the moment it was sent, so events that arrive while it is in flight are replayed on its result.
 */
export function useQueue() {
  const [status, setStatus] = useState<AppealStatus>('pending');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<QueuePage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const { freshIds, markFresh } = useFreshIds();
  const query = useRef({ status, page });
  query.current = { status, page };
  const sequence = useRef(0);
  const liveEvents = useRef<LiveEvent[]>([]);

  const refetch = useCallback(async () => {
    const mine = ++sequence.current;
    const startedAt = performance.now();
    const wanted = query.current;
    setLoading(true);
    try {
      const result = await staffApi.listAppeals({ ...wanted, pageSize: PAGE_SIZE });
      if (mine !== sequence.current) return; // a newer request (tab, page, reconnect) supersedes this one
      const replay = liveEvents.current.filter((event) => event.at >= startedAt);
      liveEvents.current = replay;
      setData(replay.reduce((acc, event) => event.apply(acc), { ...result, status: wanted.status }));
      setError(null);
    } catch (e) {
      if (mine === sequence.current) setError(e);
    } finally {
      if (mine === sequence.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refetch();
  }, [status, page, refetch]);

  const apply = useCallback((change: (page: QueuePage) => QueuePage) => {
    const now = performance.now();
    // Kept only long enough to be replayed on a refetch that is in flight.
    liveEvents.current = [...liveEvents.current.filter((event) => event.at > now - 60_000), { at: now, apply: change }];
    setData((current) => (current ? change(current) : current));
  }, []);

  /** appeal:new: into the pending tab's first page, highlighted for a few seconds. */
  const applyNew = useCallback(
    (appeal: AppealSummary) => {
      apply((current) => withArrival(current, appeal));
      markFresh(appeal.id);
    },
    [apply, markFresh],
  );

  /** appeal:updated: update the row, or move it out of (or into) the tab. */
  const applyUpdated = useCallback((appeal: AppealSummary) => apply((current) => withChange(current, appeal)), [apply]);

  /** alert:emergency: to the top of the first page, highlighted like an arrival. */
  const applyEscalated = useCallback(
    (appeal: AppealSummary) => {
      apply((current) => withEscalation(current, appeal));
      markFresh(appeal.id);
    },
    [apply, markFresh],
  );

  const changeStatus = useCallback(
    (next: AppealStatus) => {
      // Back to the tab already loaded (from 我的, say): refresh it in place.
      if (next === query.current.status && query.current.page === 1) {
        void refetch();
        return;
      }
      setStatus(next);
      setPage(1);
      setData(null);
    },
    [refetch],
  );

  const changePage = useCallback((next: number) => {
    setPage(next);
    setData(null);
  }, []);

  return { status, page, data, loading, error, freshIds, refetch, applyNew, applyUpdated, applyEscalated, changeStatus, changePage };
}

export type Queue = ReturnType<typeof useQueue>;
