import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../../shared/api.ts';
import type { EventPage, EventSummary } from '../contract.ts';
import { useFreshIds } from '../common/useFreshIds.ts';
import { eventsApi } from './api.ts';
import { type EventFilter, matchesFilter, tabCount } from './event-helpers.ts';

export const EVENT_PAGE_SIZE = 20;
/** Pushes come in bursts (a step, then the scheduler's warning): one refetch for the burst. */
const REFETCH_DELAY_MS = 400;

/**
 * One tab of a worklist or board, its page and case-number search, plus the count of every tab.
 * `event:updated` moves a row at once; a refetch shortly after brings new arrivals and the counts.
 */
export function useEventList(filters: readonly EventFilter[]) {
  const [filter, setFilter] = useState<EventFilter>(filters[0]!);
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [data, setData] = useState<EventPage | null>(null);
  const [counts, setCounts] = useState<Partial<Record<EventFilter, number>>>({});
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const { freshIds, markFresh } = useFreshIds();
  const query = useRef({ filter, page, q });
  query.current = { filter, page, q };
  const sequence = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  const refetch = useCallback(async () => {
    const mine = ++sequence.current;
    const wanted = query.current;
    setLoading(true);
    try {
      // Counts are per tab, without the search, so the tabs do not jump while the agent types.
      const [result, totals] = await Promise.all([eventsApi.list({ ...wanted, pageSize: EVENT_PAGE_SIZE }), eventsApi.counts()]);
      if (mine !== sequence.current) return; // a newer request (tab, page, push) supersedes this one
      setData(result);
      setCounts(Object.fromEntries(filters.map((f) => [f, tabCount(f, totals)])));
      setError(null);
    } catch (e) {
      if (mine === sequence.current && !isAbort(e)) setError(e);
    } finally {
      if (mine === sequence.current) setLoading(false);
    }
  }, [filters]);

  useEffect(() => {
    void refetch();
  }, [filter, page, q, refetch]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const refetchSoon = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void refetch(), REFETCH_DELAY_MS);
  }, [refetch]);

  /** An event changed (a push, or this user's own step): its row changes or leaves the tab now. */
  const applyEvent = useCallback(
    (event: EventSummary) => {
      setData((current) => {
        if (!current || !current.items.some((item) => item.id === event.id)) return current;
        const items = matchesFilter(query.current.filter, event, Date.now())
          ? current.items.map((item) => (item.id === event.id ? event : item))
          : current.items.filter((item) => item.id !== event.id);
        return { ...current, items, total: current.total - (current.items.length - items.length) };
      });
      markFresh(event.id);
      refetchSoon();
    },
    [markFresh, refetchSoon],
  );

  const changeFilter = useCallback((next: EventFilter) => {
    setFilter(next);
    setPage(1);
    setData(null);
  }, []);

  const search = useCallback((next: string) => {
    setQ(next);
    setPage(1);
  }, []);

  return { filter, page, q, data, counts, loading, error, freshIds, refetch, applyEvent, changeFilter, changePage: setPage, search };
}

export type EventList = ReturnType<typeof useEventList>;
