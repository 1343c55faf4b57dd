import { useCallback, useRef, useState } from 'react';
import type { AppealSummary } from '@hotline/backend/api-types';
import { isNewAssignment, withMine } from './my-work.ts';
import { listAllPending } from './pending-work.ts';

/**
 * 我的: the pending appeals this agent holds, whoever gave them (routing, a transfer, their own
 * claim). Work that arrives without the agent asking is marked 新分配给您 until they open it.
 */
export function useMyWork(userId: string) {
  const [items, setItems] = useState<AppealSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [assigned, setAssigned] = useState<ReadonlySet<string>>(() => new Set());
  const itemsRef = useRef<AppealSummary[] | null>(null);
  itemsRef.current = items;
  /** What this console claimed or took over itself: not news to the agent. */
  const claimed = useRef(new Set<string>());
  const sequence = useRef(0);
  /** Updates seen while a refetch is in flight, replayed on its result. */
  const pending = useRef<AppealSummary[]>([]);
  const inFlight = useRef(false);

  const refetch = useCallback(async () => {
    const mine = ++sequence.current;
    pending.current = [];
    inFlight.current = true;
    setLoading(true);
    try {
      const found = (await listAllPending()).filter((item) => item.assignee?.id === userId);
      if (mine !== sequence.current) return;
      // Updates that arrived while the pages loaded are newer than what the pages say.
      setItems(pending.current.reduce((list, appeal) => withMine(list, appeal, userId), found));
      setError(null);
    } catch (e) {
      if (mine === sequence.current) setError(e);
    } finally {
      if (mine === sequence.current) {
        setLoading(false);
        inFlight.current = false;
        pending.current = [];
      }
    }
  }, [userId]);

  /**
   * Every appeal:new / appeal:updated and every summary an action returned. Returns whether it is
   * new work for this agent, so the console can say so.
   */
  const apply = useCallback(
    (appeal: AppealSummary): boolean => {
      if (inFlight.current) pending.current.push(appeal);
      const known = itemsRef.current?.some((item) => item.id === appeal.id) ? userId : null;
      const fresh = itemsRef.current !== null && isNewAssignment(appeal, userId, known, claimed.current);
      setItems((current) => (current ? withMine(current, appeal, userId) : current));
      if (fresh) setAssigned((current) => new Set(current).add(appeal.id));
      else if (appeal.assignee?.id !== userId || appeal.status !== 'pending') forget(setAssigned, appeal.id);
      return fresh;
    },
    [userId],
  );

  /** Before this console claims or takes over: its own action is not news. */
  const expectClaim = useCallback((appealId: string) => claimed.current.add(appealId), []);
  /** The agent opened it: no longer new. */
  const seen = useCallback((appealId: string) => forget(setAssigned, appealId), []);

  return { items, error, loading, assigned, refetch, apply, expectClaim, seen };
}

function forget(set: (update: (current: ReadonlySet<string>) => ReadonlySet<string>) => void, id: string) {
  set((current) => {
    if (!current.has(id)) return current;
    const next = new Set(current);
    next.delete(id);
    return next;
  });
}

export type MyWork = ReturnType<typeof useMyWork>;
