import type { FocusEvent, FormEvent, RefObject } from 'react';
import { useAsyncAction } from '../common/useAsyncAction.ts';
import { isSendKey } from '../shell/shortcuts.ts';

interface DraftTextareaProps {
  id: string;
  hintId: string;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  draft: string;
  setDraft(text: string): void;
  placeholder: string;
  onSubmit(): void;
  onBlur?: (event: FocusEvent<HTMLTextAreaElement>) => void;
}

/** A composer's text box: Ctrl/⌘+Enter submits, at most 4,000 characters like the API allows. */
export function DraftTextarea({ id, hintId, inputRef, draft, setDraft, placeholder, onSubmit, onBlur }: DraftTextareaProps) {
  return (
    <textarea
      id={id}
      ref={inputRef}
      rows={3}
      maxLength={4000}
      value={draft}
      placeholder={placeholder}
      aria-describedby={hintId}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={onBlur}
      onKeyDown={(event) => {
        if (isSendKey(event)) {
          event.preventDefault();
          onSubmit();
        }
      }}
    />
  );
}

/** Sends the trimmed draft once at a time; clears it when it went through, keeps it and shows why when not. */
export function useDraftSubmit(draft: string, setDraft: (text: string) => void, deliver: (text: string) => Promise<void>) {
  const { busy, error, run } = useAsyncAction();

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || busy) return;
    await run(async () => {
      await deliver(text);
      setDraft('');
    });
  }

  return { busy, error, submit };
}
