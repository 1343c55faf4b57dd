import type { RefObject } from 'react';
import type { SessionUser } from '@hotline/backend/api-types';
import { blockedFor, mayTransfer } from '../appeal/access.ts';
import type { AppealHandle } from '../appeal/AppealView.tsx';
import type { QueueView } from '../queue/useQueueView.ts';
import type { ConsoleScreen } from './route.ts';
import { useShortcuts } from './shortcuts.ts';
import type { ConsoleWork } from './useConsoleWork.ts';
import type { WorkActions } from './useWorkActions.ts';

interface ShortcutOptions {
  screen: ConsoleScreen;
  user: SessionUser;
  work: ConsoleWork;
  actions: WorkActions;
  view: QueueView;
  appealHandle: RefObject<AppealHandle | null>;
  openAppeal(id: string): void;
  toggleHelp(): void;
}

/** The workbench's keys, each doing what its button does: the queue's rows, the open appeal's actions, and `?`. */
export function useWorkbenchShortcuts({ screen, user, work, actions, view, appealHandle, openAppeal, toggleHelp }: ShortcutOptions) {
  const { open } = work;
  const { decision, claim } = actions;
  const row = view.items[view.cursor.activeIndex];
  // On the other screens the queue is not there: only the help key does anything.
  const workbenchOnly = (action: () => void) => () => {
    if (screen === 'workbench') action();
  };

  function claimShortcut() {
    if (open && open.status === 'pending' && !open.assignee) return void claim.claim(open);
    if (!open && row && row.status === 'pending' && !row.assignee) void claim.claim(row);
  }

  // The events screen has keys of its own (events/event-shortcuts.ts).
  useShortcuts(
    {
      next: workbenchOnly(() => view.cursor.move(1)),
      previous: workbenchOnly(() => view.cursor.move(-1)),
      open: workbenchOnly(() => {
        if (row) openAppeal(row.id);
      }),
      claim: workbenchOnly(claimShortcut),
      reply: workbenchOnly(() => appealHandle.current?.focusReply()),
      note: workbenchOnly(() => appealHandle.current?.focusNote()),
      knowledge: workbenchOnly(() => appealHandle.current?.focusKnowledge()),
      answer: workbenchOnly(() => appealHandle.current?.openAnswer()),
      accept: workbenchOnly(() => {
        if (open && !blockedFor(open, user)) decision.openAccept();
      }),
      reject: workbenchOnly(() => {
        if (open && !blockedFor(open, user)) decision.openReject();
      }),
      transfer: workbenchOnly(() => {
        if (open && mayTransfer(open, user)) actions.transfer.open(open);
      }),
      category: workbenchOnly(() => appealHandle.current?.focusCategory()),
      merge: workbenchOnly(() => appealHandle.current?.focusMerge()),
      help: toggleHelp,
    },
    screen !== 'events',
  );
}
