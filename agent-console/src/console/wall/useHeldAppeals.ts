import { useEffect, useRef, useState } from 'react';
import type { AppealSummary } from '@hotline/backend/api-types';
import { isAbort } from '../../shared/api.ts';
import { listAllPending } from '../queue/pending-work.ts';

/**
 * The pending appeals each agent holds, for 改派 / 接管 on the wall: the queue read whole (up to
 * 500) and grouped by assignee. Re-read when the wall says the work moved (a new snapshot), at most
 * every few seconds.
 */
export function useHeldAppeals(snapshotAt: string | null) {
  const [byAgent, setByAgent] = useState<ReadonlyMap<string, AppealSummary[]> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const last = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    const abort = new AbortController();
    async function load() {
      last.current = Date.now();
      try {
        const held = new Map<string, AppealSummary[]>();
        for (const item of await listAllPending(abort.signal)) {
          if (item.assignee) held.set(item.assignee.id, [...(held.get(item.assignee.id) ?? []), item]);
        }
        setByAgent(held);
        setError(null);
      } catch (e) {
        if (!isAbort(e)) setError(e);
      }
    }
    const wait = Math.max(0, last.current + 3_000 - Date.now());
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void load(), wait);
    return () => {
      abort.abort();
      window.clearTimeout(timer.current);
    };
  }, [snapshotAt]);

  return { byAgent, error };
}
