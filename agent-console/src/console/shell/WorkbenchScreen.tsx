import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hotline/backend/api-types';
import { type AppealHandle, AppealView } from '../appeal/AppealView.tsx';
import { DetailPane } from '../common/DetailPane.tsx';
import { QueuePanel } from '../queue/QueuePanel.tsx';
import type { QueueView } from '../queue/useQueueView.ts';
import type { ConsoleWork } from './useConsoleWork.ts';
import type { WorkActions } from './useWorkActions.ts';

interface WorkbenchScreenProps {
  user: SessionUser;
  work: ConsoleWork;
  actions: WorkActions;
  view: QueueView;
  appealId: string | null;
  appealHandle: RefObject<AppealHandle | null>;
  onOpenAppeal(id: string): void;
}

/** 受理工作台: the queue on the left, the open appeal on the right. */
export function WorkbenchScreen({ user, work, actions, view, appealId, appealHandle, onOpenAppeal }: WorkbenchScreenProps) {
  const { t } = useTranslation();
  const { open, appeal } = work;
  return (
    <main className="workbench">
      <QueuePanel
        queue={work.queue}
        myWork={work.myWork}
        user={user}
        claim={actions.claim}
        tab={view.tab}
        onTab={view.changeTab}
        openId={appealId}
        activeIndex={view.cursor.activeIndex}
        onOpen={(item, index) => {
          view.cursor.setActiveIndex(index);
          onOpenAppeal(item.id);
        }}
        rowRef={view.cursor.rowRef}
      />
      <DetailPane
        wanted={!!appealId}
        placeholder={t('console.appeal.placeholder')}
        error={appeal.error}
        notFound={t('console.appeal.notFound')}
        onRetry={() => void appeal.refetch()}
      >
        {open && (
          <AppealView
            key={open.id}
            appeal={open}
            user={user}
            decision={actions.decision}
            claim={actions.claim}
            handle={appealHandle}
            onReplySent={actions.onReplySent}
            onNoted={actions.onNoted}
            onChanged={actions.onChanged}
            onConflict={actions.onConflict}
            onOpenAppeal={onOpenAppeal}
            onTransfer={() => actions.transfer.open(open)}
          />
        )}
      </DetailPane>
    </main>
  );
}
