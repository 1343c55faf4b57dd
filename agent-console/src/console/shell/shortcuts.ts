import { useEffect, useLayoutEffect, useRef } from 'react';

export type ShortcutAction =
  'next' | 'previous' | 'open' | 'claim' | 'reply' | 'note' | 'knowledge' | 'answer' | 'accept' | 'reject' | 'transfer' | 'category' | 'merge' | 'help';

/** A key table's row: what the listener matches (`keys`) and what the help overlay shows. */
export interface Shortcut<A extends string> {
  action: A;
  keys: string[];
  shown: string[];
}

/** The one table of shortcuts: the key listener reads it, and so does the help overlay. */
export const SHORTCUTS: Shortcut<ShortcutAction>[] = [
  { action: 'next', keys: ['j', 'ArrowDown'], shown: ['J', '↓'] },
  { action: 'previous', keys: ['k', 'ArrowUp'], shown: ['K', '↑'] },
  { action: 'open', keys: ['Enter'], shown: ['Enter'] },
  { action: 'claim', keys: ['l'], shown: ['L'] },
  { action: 'reply', keys: ['r'], shown: ['R'] },
  { action: 'note', keys: ['n'], shown: ['N'] },
  // k already moves up the queue (j/k): the knowledge base takes the usual search key.
  { action: 'knowledge', keys: ['/'], shown: ['/'] },
  { action: 'answer', keys: ['d'], shown: ['D'] },
  { action: 'accept', keys: ['a'], shown: ['A'] },
  { action: 'reject', keys: ['x'], shown: ['X'] },
  { action: 'transfer', keys: ['t'], shown: ['T'] },
  { action: 'category', keys: ['c'], shown: ['C'] },
  { action: 'merge', keys: ['m'], shown: ['M'] },
  { action: 'help', keys: ['?'], shown: ['?'] },
];

/** Ctrl/⌘+Enter sends what is written (a reply, a note, an answer, a step's form); plain Enter is a new line. */
export const isSendKey = (event: { key: string; ctrlKey: boolean; metaKey: boolean }) => event.key === 'Enter' && (event.ctrlKey || event.metaKey);

/** Typing a "j" into a reply must not move the queue. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // An open menu (常用语) takes its own keys.
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('[role="menu"]') !== null;
}

/**
 * Calls `actions[action]` for a shortcut key, unless the user is typing or a dialog is open. A
 * screen with keys of its own (the events screen) turns the workbench's table off while it shows.
 */
export function useShortcuts(actions: Record<ShortcutAction, () => void>, enabled = true): void {
  useKeyTable(SHORTCUTS, actions, enabled);
}

/** The listener behind `useShortcuts`, for any table of keys. */
export function useKeyTable<A extends string>(table: readonly Shortcut<A>[], actions: Record<A, () => void>, enabled = true): void {
  const latest = useRef(actions);
  useLayoutEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    if (!enabled) return;
    function handleKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      // Enter on a focused link or button already does its own thing.
      if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.closest('a, button')) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const shortcut = table.find((s) => s.keys.includes(key));
      if (!shortcut) return;
      event.preventDefault();
      latest.current[shortcut.action]();
    }
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, [table, enabled]);
}
