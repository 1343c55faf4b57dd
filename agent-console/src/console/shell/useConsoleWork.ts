import { useCallback, useEffect } from 'react';
import type { AppealSummary, SessionUser } from '@hotline/backend/api-types';
import { useAppeal } from '../appeal/useAppeal.ts';
import { usePresence } from '../presence/usePresence.ts';
import { useMyWork } from '../queue/useMyWork.ts';
import { useQueue } from '../queue/useQueue.ts';

/**
 * What the workbench shows of the agent's work: the queue, their own appeals (我的), their presence
 * and load, and the open appeal; and one way to apply an appeal's new summary to all of them.
 */
export function useConsoleWork(user: SessionUser, appealId: string | null) {
  const queue = useQueue();
  const myWork = useMyWork(user.id);
  // Agents and supervisors are on the roster (routed work, transfer targets); an admin is not.
  const presence = usePresence(user.role === 'agent' || user.role === 'supervisor');
  const appeal = useAppeal(appealId);
  const { applySummary } = appeal;
  const { applyUpdated } = queue;
  const { apply: applyMine, seen } = myWork;
  const { refresh: refreshPresence } = presence;

  // Opened, or already open when it was handed over: the agent has seen it.
  const assignedOpen = appealId !== null && myWork.assigned.has(appealId);
  useEffect(() => {
    if (appealId) seen(appealId);
  }, [appealId, assignedOpen, seen]);

  // The load in the header follows the agent's own work, however it changed (routing, a claim, a
  // transfer, a decision, a refetch after reconnecting).
  const heldCount = myWork.items?.length;
  useEffect(() => {
    if (heldCount !== undefined) refreshPresence();
  }, [heldCount, refreshPresence]);

  /** Any summary the console learns (a push or an action's answer), applied everywhere it shows; true when it is new work for this agent. */
  const applyEverywhere = useCallback(
    (summary: AppealSummary) => {
      applySummary(summary);
      applyUpdated(summary);
      return applyMine(summary);
    },
    [applySummary, applyUpdated, applyMine],
  );

  const open = appeal.detail && appeal.detail.id === appealId ? appeal.detail : null;
  return { queue, myWork, presence, appeal, open, applyEverywhere };
}

export type ConsoleWork = ReturnType<typeof useConsoleWork>;
