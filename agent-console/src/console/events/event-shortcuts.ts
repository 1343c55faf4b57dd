import type { TFunction } from 'i18next';
import type { StaffAction } from '../contract.ts';
import type { ShortcutRow } from '../shell/ShortcutHelp.tsx';
import type { Shortcut } from '../shell/shortcuts.ts';

/** Keys of the events screen: moving through the list, and one key per step of the closed loop. */
export type EventShortcutAction = 'next' | 'previous' | 'open' | 'back' | StaffAction | 'help';

/**
 * The events screen's one table (the listener and the help overlay read it). Every step has its own
 * key, so a handler and the center use the same keys for the same buttons; 回访 opens the first
 * reporter not yet rated.
 */
export const EVENT_SHORTCUTS: Shortcut<EventShortcutAction>[] = [
  { action: 'next', keys: ['j', 'ArrowDown'], shown: ['J', '↓'] },
  { action: 'previous', keys: ['k', 'ArrowUp'], shown: ['K', '↑'] },
  { action: 'open', keys: ['Enter'], shown: ['Enter'] },
  { action: 'back', keys: ['Backspace'], shown: ['Backspace'] },
  { action: 'sign', keys: ['s'], shown: ['S'] },
  { action: 'report', keys: ['f'], shown: ['F'] },
  { action: 'request_extension', keys: ['e'], shown: ['E'] },
  { action: 'return', keys: ['b'], shown: ['B'] },
  { action: 'verify_pass', keys: ['p'], shown: ['P'] },
  { action: 'verify_fail', keys: ['x'], shown: ['X'] },
  { action: 'approve_extension', keys: ['a'], shown: ['A'] },
  { action: 'deny_extension', keys: ['d'], shown: ['D'] },
  { action: 'redispatch', keys: ['t'], shown: ['T'] },
  { action: 'urge', keys: ['u'], shown: ['U'] },
  { action: 'supervise', keys: ['g'], shown: ['G'] },
  { action: 'reopen', keys: ['o'], shown: ['O'] },
  { action: 'cancel', keys: ['c'], shown: ['C'] },
  { action: 'callback', keys: ['h'], shown: ['H'] },
  { action: 'help', keys: ['?'], shown: ['?'] },
];

/** The key shown on a step's button (aria-keyshortcuts and the hint). */
export function keyOf(action: StaffAction): string {
  return EVENT_SHORTCUTS.find((s) => s.action === action)!.shown[0]!;
}

/** The events screen's rows for the `?` overlay, from the same table its key listener reads. */
export function eventShortcutRows(t: TFunction): ShortcutRow[] {
  return [
    ...EVENT_SHORTCUTS.map(({ action, shown }) => ({ id: action, shown, text: shortcutText(t, action) })),
    // Every dialog is a native <dialog>: the browser closes it on Esc.
    { id: 'escape', shown: ['Esc'], text: t('events.shortcuts.escape') },
  ];
}

function shortcutText(t: TFunction, action: EventShortcutAction): string {
  switch (action) {
    case 'next':
    case 'previous':
    case 'open':
    case 'back':
    case 'help':
      return t(`events.shortcuts.${action}`);
    default:
      return t(`events.action.${action}`);
  }
}
