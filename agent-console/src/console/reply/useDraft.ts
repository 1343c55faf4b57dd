import { useCallback, useEffect, useState } from 'react';

/** A reply and a private note are drafted apart: a note must never be sent by mistake. */
export type DraftKind = 'reply' | 'note';
const keyFor = (appealId: string, kind: DraftKind = 'reply') => (kind === 'reply' ? `hotline.reply-draft.${appealId}` : `hotline.note-draft.${appealId}`);

function read(appealId: string, kind: DraftKind): string {
  try {
    return sessionStorage.getItem(keyFor(appealId, kind)) ?? '';
  } catch {
    return '';
  }
}

/**
 * A reply draft per appeal in sessionStorage: it survives a reload, a reconnect or switching to
 * another appeal and back, and is gone when the tab is closed.
 */
export function useDraft(appealId: string, kind: DraftKind = 'reply') {
  const [draft, setDraftState] = useState(() => read(appealId, kind));
  useEffect(() => setDraftState(read(appealId, kind)), [appealId, kind]);

  const setDraft = useCallback(
    (text: string) => {
      setDraftState(text);
      try {
        if (text) sessionStorage.setItem(keyFor(appealId, kind), text);
        else sessionStorage.removeItem(keyFor(appealId, kind));
      } catch {
        // Storage full or blocked: the draft still lives in this page.
      }
    },
    [appealId, kind],
  );

  return [draft, setDraft] as const;
}
