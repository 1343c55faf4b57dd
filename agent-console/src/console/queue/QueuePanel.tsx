import { useTranslation } from 'react-i18next';
import type { AppealSummary, SessionUser } from '@hotline/backend/api-types';
import type { AppealStatus } from '../api.ts';
import { Pager } from '../common/Pager.tsx';
import { arrowTabs } from '../common/tabs.ts';
import { errorMessage } from '../../shared/error-message.ts';
import { holderOf } from './claim-conflict.ts';
import { QueueList } from './QueueList.tsx';
import type { Claim } from './useClaim.ts';
import type { MyWork } from './useMyWork.ts';
import type { Queue } from './useQueue.ts';

/** 我的 first: the agent's own work; then the queue by status. */
export type QueueTab = 'mine' | AppealStatus;
export const QUEUE_TABS: QueueTab[] = ['mine', 'pending', 'accepted', 'answered', 'rejected', 'merged'];

interface QueuePanelProps {
  queue: Queue;
  myWork: MyWork;
  user: SessionUser;
  claim: Claim;
  tab: QueueTab;
  onTab(tab: QueueTab): void;
  openId: string | null;
  activeIndex: number;
  onOpen(appeal: AppealSummary, index: number): void;
  rowRef(index: number, element: HTMLAnchorElement | null): void;
}

/** 预受理: 我的 and the status tabs, the page of appeals, and the pager. */
export function QueuePanel({ queue, myWork, claim, tab, onTab, openId, ...rows }: QueuePanelProps) {
  const { t } = useTranslation();
  const { data } = queue;
  const mine = tab === 'mine';
  const items = mine ? myWork.items : (data?.items ?? null);
  const newCount = myWork.assigned.size;

  return (
    <section className="queue" aria-labelledby="queue-heading">
      <div className="queue-heading-row">
        <h2 id="queue-heading">{t('console.queue.heading')}</h2>
        {mine
          ? items && <span className="muted">{t('console.queue.total', { count: items.length })}</span>
          : data && <span className="muted">{t('console.queue.total', { count: data.total })}</span>}
      </div>
      {newCount > 0 && !mine && (
        <button type="button" className="assigned-banner" data-testid="assigned-banner" onClick={() => onTab('mine')}>
          {t('console.mine.banner', { count: newCount })}
        </button>
      )}
      <QueueTabs tab={tab} onTab={onTab} myWork={myWork} />
      {/* The open appeal says it itself, beside its own claim button. */}
      {claim.failure && claim.failure.appealId !== openId && <QueueClaimNotice claim={claim} />}
      <div id="queue-panel" role="tabpanel" aria-labelledby={`queue-tab-${tab}`} aria-busy={mine ? myWork.loading : queue.loading} className="queue-panel">
        <QueueList
          items={items}
          error={mine ? myWork.error : queue.error}
          emptyText={mine ? t('console.mine.empty') : t(`console.queue.empty.${tab as AppealStatus}`)}
          onRetry={() => void (mine ? myWork.refetch() : queue.refetch())}
          claim={claim}
          openId={openId}
          freshIds={queue.freshIds}
          assigned={myWork.assigned}
          {...rows}
        />
      </div>
      {!mine && data && data.total > data.pageSize && <Pager page={data.page} pages={Math.ceil(data.total / data.pageSize)} onPage={queue.changePage} />}
    </section>
  );
}

/** 我的 counts the agent's own work; the count stands out while some of it is newly assigned. */
function QueueTabs({ tab, onTab, myWork }: { tab: QueueTab; onTab(tab: QueueTab): void; myWork: MyWork }) {
  const { t } = useTranslation();
  const mineCount = myWork.items?.length ?? 0;
  return (
    <div className="tabs" role="tablist" aria-label={t('console.queue.tabs')} onKeyDown={arrowTabs(QUEUE_TABS, tab, onTab, 'queue-tab-')}>
      {QUEUE_TABS.map((item) => (
        <button
          key={item}
          id={`queue-tab-${item}`}
          type="button"
          role="tab"
          aria-selected={item === tab}
          aria-controls="queue-panel"
          tabIndex={item === tab ? 0 : -1}
          onClick={() => onTab(item)}
        >
          {t(`console.queue.tab.${item}`)}
          {item === 'mine' && mineCount > 0 && (
            <span className={myWork.assigned.size > 0 ? 'tab-count is-new' : 'tab-count'} data-testid="mine-count">
              {mineCount}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}

/** A claim from a row that failed says why (who has the appeal, a full capacity); it fades after a while or when dismissed. */
function QueueClaimNotice({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const failure = claim.failure;
  if (!failure) return null;
  const holder = holderOf(failure.error);
  return (
    <div className="queue-claim-notice" role="alert" data-testid="queue-claim-failed">
      <span>
        {holder
          ? t('console.claim.conflictCase', { caseNumber: failure.caseNumber, name: holder })
          : t('console.claim.failedCase', { caseNumber: failure.caseNumber, reason: errorMessage(t, failure.error) })}
      </span>
      <button type="button" className="button button-small button-quiet" aria-label={t('console.claim.dismiss')} onClick={claim.dismiss}>
        ×
      </button>
    </div>
  );
}
