import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../../shared/api.ts';
import { staffApi } from '../api.ts';
import type { WallCharts, WallSnapshot } from '../contract.ts';
import { newerSnapshot } from './wall-format.ts';

/** Without pushes (a proxy that drops websockets, say) the wall still moves this often. */
const WALL_REFRESH_MS = 15_000;
const CHARTS_REFRESH_MS = 60_000;

/**
 * The wall's snapshot: fetched on open, on every (re)connect and every 15 s, and replaced by each
 * `wall:updated` push in between, whichever is newer.
 */
export function useWall(push: WallSnapshot | null, connections: number) {
  const [snapshot, setSnapshot] = useState<WallSnapshot | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const refetch = useCallback(async (signal?: AbortSignal) => {
    setLoading(true);
    try {
      const fresh = await staffApi.wall(signal);
      setSnapshot((current) => newerSnapshot(current, fresh));
      setError(null);
    } catch (e) {
      if (!isAbort(e)) setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    void refetch(abort.signal);
    const timer = window.setInterval(() => void refetch(abort.signal), WALL_REFRESH_MS);
    return () => {
      abort.abort();
      window.clearInterval(timer);
    };
  }, [refetch, connections]);

  useEffect(() => {
    if (push) {
      setSnapshot((current) => newerSnapshot(current, push));
      setError(null);
    }
  }, [push]);

  return { snapshot, error, loading, refetch: () => void refetch() };
}

/** Charts are heavier than the wall: not more often than this, however often the wall moves. */
const CHARTS_MIN_INTERVAL_MS = 10_000;

/**
 * Intake by hour, category mix and grid heat: refreshed when the wall's counts change (at most
 * every 10 s), each minute regardless, on every (re)connect, and on demand.
 */
export function useWallCharts(connections: number, changeKey: string | null) {
  const [charts, setCharts] = useState<WallCharts | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const lastFetch = useRef(0);

  useEffect(() => {
    const abort = new AbortController();
    const load = () => {
      lastFetch.current = Date.now();
      return staffApi.charts(abort.signal).then(
        (fresh) => {
          setCharts(fresh);
          setError(null);
        },
        (e: unknown) => {
          if (!isAbort(e)) setError(e);
        },
      );
    };
    void load();
    const timer = window.setInterval(() => void load(), CHARTS_REFRESH_MS);
    return () => {
      abort.abort();
      window.clearInterval(timer);
    };
  }, [connections, attempt]);

  // The wall moved: new intake or categories are likely; the trailing change is caught by a timer.
  useEffect(() => {
    if (!changeKey) return;
    const wait = Math.max(0, lastFetch.current + CHARTS_MIN_INTERVAL_MS - Date.now());
    const timer = window.setTimeout(() => setAttempt((n) => n + 1), wait);
    return () => window.clearTimeout(timer);
  }, [changeKey]);

  return { charts, error, refetch: () => setAttempt((n) => n + 1) };
}
