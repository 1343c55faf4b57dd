import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../../shared/api.ts';
import type { EventDetail } from '../contract.ts';
import { eventsApi } from './api.ts';

/** The open event with its timeline and buttons; a step's answer or a refetch replaces it whole. */
export function useEventDetail(id: string | null) {
  const [detail, setDetail] = useState<EventDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const wanted = useRef(id);
  wanted.current = id;

  const refetch = useCallback(async (signal?: AbortSignal) => {
    const target = wanted.current;
    if (!target) return;
    try {
      const loaded = await eventsApi.get(target, signal);
      if (wanted.current !== target) return;
      setDetail(loaded);
      setError(null);
    } catch (e) {
      if (!isAbort(e) && wanted.current === target) setError(e);
    }
  }, []);

  useEffect(() => {
    setError(null);
    if (!id) return;
    const abort = new AbortController();
    void refetch(abort.signal);
    return () => abort.abort();
  }, [id, refetch]);

  /** A step answered with the new detail: shown at once, no refetch needed. */
  const replace = useCallback((next: EventDetail) => {
    if (next.id === wanted.current) setDetail(next);
  }, []);

  const open = detail && detail.id === id ? detail : null;
  return { detail: open, error, refetch, replace };
}
