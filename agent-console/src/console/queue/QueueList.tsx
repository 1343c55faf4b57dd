import { useTranslation } from 'react-i18next';
import type { AppealSummary, SessionUser } from '@hotline/backend/api-types';
import { isApiError } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDateTime, formatDuration } from '../../shared/format.ts';
import { useNow } from '../../shared/hooks.ts';
import { ChannelLabel, DuplicateBadge, ReportersBadge, UrgencyBadge } from '../common/badges.tsx';
import { useCategoryName } from '../common/categories.tsx';
import { followLink } from '../common/links.tsx';
import { formatPercent, isWeakGuess } from '../nlp/nlp-format.ts';
import type { Claim } from './useClaim.ts';

interface QueueListProps {
  /** null while loading. */
  items: AppealSummary[] | null;
  error: unknown;
  emptyText: string;
  onRetry(): void;
  user: SessionUser;
  claim: Claim;
  openId: string | null;
  activeIndex: number;
  freshIds: ReadonlySet<string>;
  /** 新分配给您: routing or a colleague gave it to this agent and they have not opened it yet. */
  assigned: ReadonlySet<string>;
  onOpen(appeal: AppealSummary, index: number): void;
  rowRef(index: number, element: HTMLAnchorElement | null): void;
}

/** The tab's appeals, or why there are none to show. */
export function QueueList({ items, error, emptyText, onRetry, openId, activeIndex, freshIds, assigned, onOpen, rowRef, ...row }: QueueListProps) {
  const { t } = useTranslation();
  // One clock for all rows, so every waiting time ticks together.
  const now = useNow();
  if (error) return <ErrorAlert error={error} title={isApiError(error, 403) ? t('console.queue.forbidden') : undefined} onRetry={onRetry} />;
  if (!items) return <p className="queue-state muted">{t('common.loading')}</p>;
  if (items.length === 0) return <p className="queue-state empty-state">{emptyText}</p>;
  return (
    <ul className="queue-list" data-testid="queue-list">
      {items.map((appeal, index) => (
        <QueueRow
          key={appeal.id}
          appeal={appeal}
          {...row}
          open={appeal.id === openId}
          active={index === activeIndex}
          fresh={freshIds.has(appeal.id)}
          assigned={assigned.has(appeal.id)}
          now={now}
          linkRef={(element) => rowRef(index, element)}
          onOpen={() => onOpen(appeal, index)}
        />
      ))}
    </ul>
  );
}

interface QueueRowProps {
  appeal: AppealSummary;
  user: SessionUser;
  claim: Claim;
  open: boolean;
  active: boolean;
  fresh: boolean;
  assigned: boolean;
  now: number;
  linkRef(element: HTMLAnchorElement | null): void;
  onOpen(): void;
}

/** A row is a real link to /console/appeals/<id>: middle-click opens it in a new tab. 领取 sits beside it. */
function QueueRow({ appeal, user, claim, open, active, fresh, assigned, now, linkRef, onOpen }: QueueRowProps) {
  const { t } = useTranslation();
  const claimable = appeal.status === 'pending' && !appeal.assignee;
  const classes = [
    'queue-row',
    open && 'is-open',
    active && 'is-active',
    (fresh || assigned) && 'is-fresh',
    assigned && 'is-assigned',
    claimable && 'is-claimable',
    `urgency-row-${appeal.urgency}`,
  ]
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
        <RowMeta appeal={appeal} user={user} now={now} />
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

/** Category, grid, how long it has waited (or when it was decided), and who holds it. */
function RowMeta({ appeal, user, now }: { appeal: AppealSummary; user: SessionUser; now: number }) {
  const { t, i18n } = useTranslation();
  const categoryName = useCategoryName();
  const mine = appeal.assignee?.id === user.id;
  return (
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
