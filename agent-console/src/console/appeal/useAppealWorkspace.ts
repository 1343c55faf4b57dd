import { useEffect, useRef, useState } from 'react';
import type { ComposerMode } from '../reply/ReplyBox.tsx';
import { insertText } from '../reply/insert-text.ts';
import { useDraft } from '../reply/useDraft.ts';
import type { SideTab } from './AppealSide.tsx';

/** What a shortcut key can put the focus on inside the open appeal. */
export type FocusTarget = 'reply' | 'note' | 'knowledge' | 'category' | 'merge';

/**
 * Where the agent works in the open appeal: the composer's mode and reply draft, the side tab (a
 * tab's panel renders the first time it is shown), and the elements the shortcut keys focus.
 */
export function useAppealWorkspace(appealId: string) {
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [sideTab, setSideTab] = useState<SideTab>('nlp');
  const [visited, setVisited] = useState<ReadonlySet<SideTab>>(() => new Set(['nlp']));
  const [draft, setDraft] = useDraft(appealId);
  const refs = {
    reply: useRef<HTMLTextAreaElement>(null),
    note: useRef<HTMLTextAreaElement>(null),
    category: useRef<HTMLSelectElement>(null),
    merge: useRef<HTMLButtonElement>(null),
    search: useRef<HTMLInputElement>(null),
  };
  const replySelection = useRef<{ start: number; end: number } | null>(null);
  /** Focus waits for the tab or mode that holds the element to render. */
  const [focusNext, setFocusNext] = useState<(() => HTMLElement | null) | null>(null);

  useEffect(() => {
    if (!focusNext) return;
    focusNext()?.focus();
    setFocusNext(null);
  }, [focusNext]);

  function showSide(tab: SideTab) {
    setSideTab(tab);
    setVisited((current) => (current.has(tab) ? current : new Set(current).add(tab)));
  }

  function focus(target: FocusTarget) {
    if (target === 'reply' || target === 'note') setMode(target);
    else showSide(target === 'knowledge' ? 'knowledge' : 'nlp');
    const element = { reply: refs.reply, note: refs.note, knowledge: refs.search, category: refs.category, merge: refs.merge }[target];
    setFocusNext(() => () => element.current);
  }

  /** A canned reply or an article goes into the reply at the agent's cursor. */
  function insert(text: string) {
    const { value, cursor } = insertText(draft, text, replySelection.current);
    setDraft(value);
    replySelection.current = { start: cursor, end: cursor };
    setMode('reply');
    setFocusNext(() => () => {
      const input = refs.reply.current;
      // After React has put the new value in: the cursor goes just after what was inserted.
      requestAnimationFrame(() => input?.setSelectionRange(cursor, cursor));
      return input;
    });
  }

  function rememberSelection(selection: { start: number; end: number }) {
    replySelection.current = selection;
  }

  return { mode, setMode, sideTab, visited, showSide, draft, setDraft, refs, focus, insert, rememberSelection };
}

export type AppealWorkspace = ReturnType<typeof useAppealWorkspace>;
