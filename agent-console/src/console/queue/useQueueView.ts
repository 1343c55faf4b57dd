import { useState } from 'react';
import { useRowCursor } from '../common/useRowCursor.ts';
import type { QueueTab } from './QueuePanel.tsx';
import type { MyWork } from './useMyWork.ts';
import type { Queue } from './useQueue.ts';

/** Which tab of the queue shows (我的 or a status), its rows, and where j/k are among them. */
export function useQueueView(queue: Queue, myWork: MyWork) {
  const [tab, setTab] = useState<QueueTab>('pending');
  const items = (tab === 'mine' ? myWork.items : queue.data?.items) ?? [];
  const cursor = useRowCursor(items.length);

  function changeTab(next: QueueTab) {
    setTab(next);
    cursor.setActiveIndex(0);
    if (next !== 'mine') queue.changeStatus(next);
  }

  return { tab, items, cursor, changeTab };
}

export type QueueView = ReturnType<typeof useQueueView>;
