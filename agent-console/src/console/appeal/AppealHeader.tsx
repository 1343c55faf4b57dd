import { useTranslation } from 'react-i18next';
import type { AppealSummary, SessionUser } from '@hotline/backend/api-types';
import { isApiError } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { errorMessage } from '../../shared/error-message.ts';
import { StatusBadge } from '../../shared/components/StatusBadge.tsx';
import { ChannelLabel, DuplicateBadge, ReportersBadge, UrgencyBadge } from '../common/badges.tsx';
import { ConfidentialBadge, ConfidentialControl } from '../confidential/ConfidentialControl.tsx';
import type { ConsoleAppeal } from '../contract.ts';
import type { Decision } from '../decision/useDecision.ts';
import { MergedNotice } from '../duplicates/MergeOutcome.tsx';
import { holderOf } from '../queue/claim-conflict.ts';
import type { Claim } from '../queue/useClaim.ts';
import { ActionButtons } from './ActionButtons.tsx';
import { AppealFacts } from './AppealFacts.tsx';
import { EventPanel } from './EventPanel.tsx';

interface AppealHeaderProps {
  appeal: ConsoleAppeal;
  user: SessionUser;
  decision: Decision;
  claim: Claim;
  /** Held by a colleague, so this agent may not decide it. */
  blocked: boolean;
  onTransfer(): void;
  onOpenAppeal(id: string): void;
  /** 举报人保密 was marked or cleared: the summary to show everywhere. */
  onConfidential(summary: AppealSummary): void;
}

/** Who, where and what: the case, its badges and buttons, what became of it, the facts, and 举报人保密. */
export function AppealHeader({ appeal, user, decision, claim, blocked, onTransfer, onOpenAppeal, onConfidential }: AppealHeaderProps) {
  return (
    <header className="appeal-header">
      <div className="appeal-title-row">
        <h2 id="appeal-title" className="mono">
          {appeal.caseNumber}
        </h2>
        <StatusBadge status={appeal.status} />
        <UrgencyBadge urgency={appeal.urgency} />
        <ConfidentialBadge appeal={appeal} />
        <ReportersBadge count={appeal.reporterCount} />
        {appeal.status !== 'merged' && <DuplicateBadge count={appeal.duplicateSuggestions} />}
        <ChannelLabel channel={appeal.channel} />
        <HolderBadge appeal={appeal} user={user} />
        <ActionButtons appeal={appeal} user={user} decision={decision} claim={claim} blocked={blocked} onTransfer={onTransfer} />
      </div>
      <MergedNotice appeal={appeal} onOpenAppeal={onOpenAppeal} />
      <ClaimNotice appeal={appeal} claim={claim} user={user} />
      <DecisionNotice appeal={appeal} decision={decision} />
      {appeal.event && <EventPanel id="decision-explanation" event={appeal.event} />}
      <AppealFacts appeal={appeal} />
      <ConfidentialControl appeal={appeal} user={user} onChanged={onConfidential} />
    </header>
  );
}

/** 由 X 处理中 / 我处理中: who holds a pending appeal (首问负责制). */
function HolderBadge({ appeal, user }: { appeal: ConsoleAppeal; user: SessionUser }) {
  const { t } = useTranslation();
  if (appeal.status !== 'pending' || !appeal.assignee) return null;
  const mine = appeal.assignee.id === user.id;
  return (
    <span className={mine ? 'badge badge-mine' : 'badge badge-held'} data-testid="holder">
      {mine ? t('console.claim.mine') : t('console.claim.heldBy', { name: appeal.assignee.displayName })}
    </span>
  );
}

/** A claim that lost the race: who has the appeal now. */
function ClaimNotice({ appeal, claim, user }: { appeal: ConsoleAppeal; claim: Claim; user: SessionUser }) {
  const { t } = useTranslation();
  const failure = claim.failure;
  // Once the appeal is decided or the agent holds it after all, the failure is old news.
  if (!failure || failure.appealId !== appeal.id || appeal.status !== 'pending' || appeal.assignee?.id === user.id) return null;
  const holder = holderOf(failure.error);
  return (
    <div className="claim-notice" data-testid="claim-failed">
      <ErrorAlert
        error={failure.error}
        title={holder ? t('console.claim.conflict', { name: holder }) : t('console.claim.failed', { reason: errorMessage(t, failure.error) })}
      />
    </div>
  );
}

/** What became of a decided appeal (for the disabled buttons to point at), and a decision that failed. */
function DecisionNotice({ appeal, decision }: { appeal: ConsoleAppeal; decision: Decision }) {
  const { t } = useTranslation();
  return (
    <>
      {/* A merged appeal's explanation is the merge notice, with its link to the case kept. */}
      {/* An accepted appeal's explanation is its event panel. */}
      {appeal.status !== 'pending' && !(appeal.status === 'merged' && appeal.duplicateOfId) && !appeal.event && (
        <p id="decision-explanation" className="decision-explanation">
          {t('console.appeal.decided', { status: t(`status.${appeal.status}`) })}
        </p>
      )}
      {!decision.rejectOpen && <ErrorAlert error={decision.error} title={isApiError(decision.error, 409) ? t('console.appeal.conflict') : undefined} />}
    </>
  );
}
