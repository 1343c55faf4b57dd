import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../../shared/api.ts';
import { staffApi } from '../api.ts';
import type { PresenceStatus, PresenceView } from '../contract.ts';

/**
 * The agent's own presence and load (在线 / 忙碌 / 离开 / 离线, 会话 2/4 · 通话 0/1). The load
 * moves with the agent's work, so `refresh` is called when an appeal is assigned or released.
 */
export function usePresence(enabled = true) {
  const [presence, setPresence] = useState<PresenceView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState<PresenceStatus | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      if (!enabled) return;
      try {
        setPresence(await staffApi.myPresence(signal));
        setError(null);
      } catch (e) {
        if (!isAbort(e)) setError(e);
      }
    },
    [enabled],
  );

  useEffect(() => {
    const abort = new AbortController();
    void load(abort.signal);
    return () => {
      abort.abort();
      window.clearTimeout(timer.current);
    };
  }, [load]);

  /** Several updates in a burst (a transfer, a decision) cost one request. */
  const refresh = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void load(), 300);
  }, [load]);

  const change = useCallback(async (status: PresenceStatus) => {
    setSaving(status);
    setError(null);
    try {
      setPresence(await staffApi.setMyPresence(status));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(null);
    }
  }, []);

  /** presence:updated for this user: a supervisor changed it, or another tab did. */
  const applyStatus = useCallback((status: PresenceStatus) => setPresence((current) => (current ? { ...current, status } : current)), []);

  return { enabled, presence, error, saving, change, refresh, applyStatus, retry: () => void load() };
}

export type Presence = ReturnType<typeof usePresence>;
