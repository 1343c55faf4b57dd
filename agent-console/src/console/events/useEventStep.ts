import { useCallback, useState } from 'react';
import { isApiError } from '../../shared/api.ts';
import type { EventDetail, StaffAction, StepInput } from '../contract.ts';
import { eventsApi } from './api.ts';

interface StepCallbacks {
  /** The step was taken; `detail` is the event now, with the buttons for what comes next. */
  onDone(detail: EventDetail, action: StaffAction): void;
  /** 409: someone acted first (or the state moved on); the owner refetches to show where it is. */
  onConflict(): void;
}

/** Takes one step at a time on an event: which one is in flight, and the last failure with the server's message. */
export function useEventStep({ onDone, onConflict }: StepCallbacks) {
  const [busy, setBusy] = useState<StaffAction | null>(null);
  const [failure, setFailure] = useState<{ action: StaffAction; error: unknown } | null>(null);

  const run = useCallback(
    async (eventId: string, body: StepInput | FormData): Promise<boolean> => {
      const action = body instanceof FormData ? 'report' : body.action;
      setBusy(action);
      setFailure(null);
      try {
        const detail = body instanceof FormData ? await eventsApi.report(eventId, body) : await eventsApi.step(eventId, body);
        onDone(detail, action);
        return true;
      } catch (error) {
        setFailure({ action, error });
        if (isApiError(error, 409)) onConflict();
        return false;
      } finally {
        setBusy(null);
      }
    },
    [onDone, onConflict],
  );

  const dismiss = useCallback(() => setFailure(null), []);
  return { busy, failure, run, dismiss };
}

export type EventStep = ReturnType<typeof useEventStep>;
