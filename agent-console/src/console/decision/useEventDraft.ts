import { useEffect, useState } from 'react';
import { isAbort } from '../../shared/api.ts';
import { staffApi } from '../api.ts';
import { type EventForm, formFromDraft } from './event-form.ts';

/** The accept dialog's form, filled from the event draft (NLP and the routing rules' proposal) and then the agent's to edit. */
export function useEventDraft(appealId: string) {
  const [form, setForm] = useState<EventForm | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setLoadError(null);
    staffApi.eventDraft(appealId, abort.signal).then(
      (draft) => setForm(formFromDraft(draft)),
      (e: unknown) => {
        if (!isAbort(e)) setLoadError(e);
      },
    );
    return () => abort.abort();
  }, [appealId, attempt]);

  const set = <K extends keyof EventForm>(field: K, value: EventForm[K]) => setForm((current) => (current ? { ...current, [field]: value } : current));
  return { form, set, loadError, retry: () => setAttempt((n) => n + 1) };
}

export type SetEventField = ReturnType<typeof useEventDraft>['set'];
