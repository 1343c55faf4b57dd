import { useTranslation } from 'react-i18next';
import type { AppealSummary, SessionUser } from '@hotline/backend/api-types';
import { isApiError } from '../shared/api.ts';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { formatDateTime, formatDuration } from '../shared/format.ts';
import { useNow } from '../shared/hooks.ts';
import type { AppealStatus } from './api.ts';
import { ChannelLabel, DuplicateBadge, ReportersBadge, UrgencyBadge } from './common/badges.tsx';
import { useCategoryName } from './common/categories.tsx';
import { followLink } from './common/links.tsx';
import { Pager } from './common/Pager.tsx';
import { arrowTabs } from './common/tabs.ts';
import { formatPercent, isWeakGuess } from './nlp-format.ts';
import type { Claim } from './useClaim.ts';
import type { MyWork } from './useMyWork.ts';
import type { useQueue } from './useQueue.ts';
import { holderOf } from './work-helpers.ts';

/** 我的 first: the agent's own work; then the queue by status. */
export type QueueTab = 'mine' | AppealStatus;
export const QUEUE_TABS: QueueTab[] = ['mine', 'pending', 'accepted', 'answered', 'rejected', 'merged'];

interface QueuePanelProps {
  queue: ReturnType<typeof useQueue>;
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
export function QueuePanel({ queue, myWork, user, claim, tab, onTab, openId, activeIndex, onOpen, rowRef }: QueuePanelProps) {
  const { t } = useTranslation();
  const { data } = queue;
  // One clock for all rows, so every waiting time ticks together.
  const now = useNow();
  const mine = tab === 'mine';
  const items = mine ? myWork.items : (data?.items ?? null);
  const error = mine ? myWork.error : queue.error;
  const newCount = myWork.assigned.size;

  return (
    <section className="queue" aria-labelledby="queue-heading">
      <div className="queue-heading-row">
        <h2 id="queue-heading">{t('console.queue.heading')}</h2>
        {mine ? items && <span className="muted">{t('console.queue.total', { count: items.length })}</span> : data && <span className="muted">{t('console.queue.total', { count: data.total })}</span>}
      </div>
      {newCount > 0 && !mine && (
        <button type="button" className="assigned-banner" data-testid="assigned-banner" onClick={() => onTab('mine')}>
          {t('console.mine.banner', { count: newCount })}
        </button>
      )}
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
            {item === 'mine' && myWork.items && myWork.items.length > 0 && (
              <span className={newCount > 0 ? 'tab-count is-new' : 'tab-count'} data-testid="mine-count">
                {myWork.items.length}
              </span>
            )}
          </button>
        ))}
      </div>
      {/* The open appeal says it itself, beside its own claim button. */}
      {claim.failure && claim.failure.appealId !== openId && <QueueClaimNotice claim={claim} />}
      <div id="queue-panel" role="tabpanel" aria-labelledby={`queue-tab-${tab}`} aria-busy={mine ? myWork.loading : queue.loading} className="queue-panel">
        {error ? (
          <ErrorAlert
            error={error}
            title={isApiError(error, 403) ? t('console.queue.forbidden') : undefined}
            onRetry={() => void (mine ? myWork.refetch() : queue.refetch())}
          />
        ) : !items ? (
          <p className="queue-state muted">{t('common.loading')}</p>
        ) : items.length === 0 ? (
          <p className="queue-state empty-state">{mine ? t('console.mine.empty') : t(`console.queue.empty.${tab as AppealStatus}`)}</p>
        ) : (
          <ul className="queue-list" data-testid="queue-list">
            {items.map((appeal, index) => (
              <QueueRow
                key={appeal.id}
                appeal={appeal}
                user={user}
                claim={claim}
                open={appeal.id === openId}
                active={index === activeIndex}
                fresh={queue.freshIds.has(appeal.id)}
                assigned={myWork.assigned.has(appeal.id)}
                now={now}
                linkRef={(element) => rowRef(index, element)}
                onOpen={() => onOpen(appeal, index)}
              />
            ))}
          </ul>
        )}
      </div>
      {!mine && data && data.total > data.pageSize && <Pager page={data.page} pages={Math.ceil(data.total / data.pageSize)} onPage={queue.changePage} />}
    </section>
  );
}

/** A claim from a row that lost the race says who has the appeal; it stays until dismissed. */
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
          : t('console.claim.failedCase', { caseNumber: failure.caseNumber })}
      </span>
      <button type="button" className="button button-small button-quiet" aria-label={t('console.claim.dismiss')} onClick={claim.dismiss}>
        ×
      </button>
    </div>
  );
}

interface QueueRowProps {
  appeal: AppealSummary;
  user: SessionUser;
  claim: Claim;
  open: boolean;
  active: boolean;
  fresh: boolean;
  /** 新分配给您: routing or a colleague gave it to this agent and they have not opened it yet. */
  assigned: boolean;
  now: number;
  linkRef(element: HTMLAnchorElement | null): void;
  onOpen(): void;
}

/** A row is a real link to /console/appeals/<id>: middle-click opens it in a new tab. 领取 sits beside it. */
function QueueRow({ appeal, user, claim, open, active, fresh, assigned, now, linkRef, onOpen }: QueueRowProps) {
  const { t, i18n } = useTranslation();
  const categoryName = useCategoryName();

  const claimable = appeal.status === 'pending' && !appeal.assignee;
  const mine = appeal.assignee?.id === user.id;
  const classes = ['queue-row', open && 'is-open', active && 'is-active', (fresh || assigned) && 'is-fresh', assigned && 'is-assigned', claimable && 'is-claimable', `urgency-row-${appeal.urgency}`]
    .filter(Boolean)
    .join(' ');
  return (
    <li className={classes} data-testid="queue-row" data-case-number={appeal.caseNumber} data-assignee={appeal.assignee?.id ?? ''}>
      <a href={`/console/appeals/${appeal.id}`} ref={linkRef} aria-current={open ? 'page' : undefined} onClick={(event) => followLink(event, onOpen)}>
        <span className="row-top">
          <span className="mono row-case">{appeal.caseNumber}</span>
          {assigned ? (
            <span className="badge badge-assigned" data-testid="assigned-badge">
              {t('console.mine.assigned')}
            </span>
          ) : (
            fresh && <span className="badge badge-new">{t('console.queue.new')}</span>
          )}
          <UrgencyBadge urgency={appeal.urgency} />
          <ReportersBadge count={appeal.reporterCount} />
          <DuplicateBadge count={appeal.duplicateSuggestions} />
          <ChannelLabel channel={appeal.channel} />
        </span>
        <span className="row-summary">{appeal.summary}</span>
        <span className="row-meta">
          {appeal.categoryCode && <RowCategory name={categoryName(appeal.categoryCode)} confidence={appeal.classificationConfidence} />}
          <span>{(i18n.language === 'en' ? appeal.gridNameEn : appeal.gridName) ?? t('console.queue.noGrid')}</span>
          {appeal.status === 'pending' || !appeal.decidedAt ? (
            <span className="waiting">{t('console.queue.waiting', { duration: formatDuration(now - Date.parse(appeal.createdAt), t) })}</span>
          ) : (
            <span>{t('console.queue.decidedAt', { time: formatDateTime(appeal.decidedAt, i18n.language) })}</span>
          )}
          <span className={mine ? 'row-mine' : undefined}>
            {mine ? t('console.claim.mine') : appeal.assignee ? t('console.queue.assignee', { name: appeal.assignee.displayName }) : t('console.queue.unassigned')}
          </span>
        </span>
      </a>
      {claimable && (
        <button
          type="button"
          className="button button-small row-claim"
          disabled={claim.busyId === appeal.id}
          aria-label={t('console.claim.claimCase', { caseNumber: appeal.caseNumber })}
          data-testid="row-claim"
          onClick={() => void claim.claim(appeal)}
        >
          {claim.busyId === appeal.id ? t('console.claim.claiming') : t('console.claim.claim')}
        </button>
      )}
    </li>
  );
}

/** The category by name; a weak guess of the model says 待核 so the agent knows to look. */
function RowCategory({ name, confidence }: { name: string; confidence: number | null }) {
  const { t } = useTranslation();
  const title = confidence === null ? undefined : t('console.queue.categoryConfidence', { percent: formatPercent(confidence) });
  return (
    <span className="row-category" data-testid="row-category" title={title}>
      {name}
      {isWeakGuess(confidence) && <span className="row-weak"> · {t('console.queue.weakCategory')}</span>}
    </span>
  );
}
