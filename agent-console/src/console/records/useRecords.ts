import { useCallback, useEffect, useState } from 'react';
import { staffApi } from '../api.ts';
import { useApiResource } from '../common/useApiResource.ts';
import { shareableQuery } from './records-query.ts';

/** The search in the address bar, kept in step with it (a pasted link, back and forward). */
export function useRecordsQuery() {
  const [query, setQuery] = useState(() => shareableQuery(window.location.search.slice(1)));
  useEffect(() => {
    const onPopState = () => setQuery(shareableQuery(window.location.search.slice(1)));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  const search = useCallback((next: string) => {
    const clean = shareableQuery(next);
    window.history.pushState(null, '', `/console/records${clean ? `?${clean}` : ''}`);
    setQuery(clean);
  }, []);
  return { query, search };
}

/**
 * One page of the search: the cursors of the pages before it are kept, so 上一页 goes back the way
 * it came (keyset pages have no page numbers to jump to).
 */
export function useRecordPages(query: string) {
  const [trail, setTrail] = useState<{ query: string; cursors: (string | null)[] }>({ query, cursors: [null] });
  const cursors = trail.query === query ? trail.cursors : [null];
  const cursor = cursors.at(-1) ?? null;
  const { value, loading, error, refetch } = useApiResource(`${query}#${cursor ?? ''}`, (signal) => staffApi.records(query, cursor, signal));
  const next = () => value?.nextCursor && setTrail({ query, cursors: [...cursors, value.nextCursor] });
  const previous = () => cursors.length > 1 && setTrail({ query, cursors: cursors.slice(0, -1) });
  return { page: value, loading, error, refetch, pageNumber: cursors.length, next, previous };
}

export function useSavedSearches() {
  const { value, error, refetch } = useApiResource('saved', (signal) => staffApi.savedSearches(signal));
  return { saved: value ?? [], error, refetch };
}
