import { useCallback, useEffect, useState } from 'react';
import type { AppealSummary } from '@hotline/backend/api-types';
import { isApiError } from '../../shared/api.ts';
import { staffApi } from '../api.ts';
import type { ConsoleAppeal } from '../contract.ts';

interface DecisionOptions {
  appeal: ConsoleAppeal | null;
  onDecided(appeal: AppealSummary): void;
  /** 409: someone else decided first; the owner refetches to show what happened. */
  onConflict(): void;
}

/**
 * 受理 (as an event, through its dialog) and 不予受理 (with a reason) for the open appeal; only a
 * pending appeal can be decided.
 */
export function useDecision({ appeal, onDecided, onConflict }: DecisionOptions) {
  const [busy, setBusy] = useState<'reject' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [rejectOpen, setRejectOpen] = useState(false);
  const [acceptOpen, setAcceptOpen] = useState(false);
  const appealId = appeal?.id;
  const canDecide = appeal?.status === 'pending' && busy === null;

  useEffect(() => {
    setError(null);
    setRejectOpen(false);
    setAcceptOpen(false);
  }, [appealId]);

  const reject = useCallback(
    async (reason: string) => {
      if (!appealId) return;
      setBusy('reject');
      setError(null);
      try {
        const decided = await staffApi.reject(appealId, reason);
        setRejectOpen(false);
        onDecided(decided);
      } catch (e) {
        setError(e);
        if (isApiError(e, 409)) {
          setRejectOpen(false);
          onConflict();
        }
      } finally {
        setBusy(null);
      }
    },
    [appealId, onDecided, onConflict],
  );

  return {
    busy,
    error,
    canDecide,
    rejectOpen,
    acceptOpen,
    openAccept: () => {
      if (!canDecide) return;
      setError(null);
      setAcceptOpen(true);
    },
    closeAccept: () => setAcceptOpen(false),
    /** The accept dialog created the event. */
    accepted: (decided: AppealSummary) => {
      setAcceptOpen(false);
      onDecided(decided);
    },
    openReject: () => {
      if (!canDecide) return;
      setError(null);
      setRejectOpen(true);
    },
    closeReject: () => setRejectOpen(false),
    confirmReject: (reason: string) => reject(reason),
  };
}

export type Decision = ReturnType<typeof useDecision>;
