import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hotline/backend/api-types';
import type { ConsoleAppeal } from '../contract.ts';
import type { Decision } from '../decision/useDecision.ts';
import type { Claim } from '../queue/useClaim.ts';
import { mayTransfer } from './access.ts';

/** 领取, 转派, 受理, 不予受理: each shares its action with a shortcut key. */
export function ActionButtons({
  appeal,
  user,
  decision,
  claim,
  blocked,
  onTransfer,
}: {
  appeal: ConsoleAppeal;
  user: SessionUser;
  decision: Decision;
  claim: Claim;
  blocked: boolean;
  onTransfer(): void;
}) {
  const { t } = useTranslation();
  const explain = appeal.status !== 'pending' ? 'decision-explanation' : undefined;
  const canTransfer = mayTransfer(appeal, user);
  return (
    <div className="decision-buttons">
      {appeal.status === 'pending' && !appeal.assignee && (
        <button
          type="button"
          className="button"
          aria-keyshortcuts="l"
          disabled={claim.busyId === appeal.id}
          data-testid="claim"
          onClick={() => void claim.claim(appeal)}
        >
          {claim.busyId === appeal.id ? t('console.claim.claiming') : t('console.claim.claim')}
          <kbd aria-hidden="true">L</kbd>
        </button>
      )}
      {canTransfer && (
        <button type="button" className="button" aria-keyshortcuts="t" onClick={onTransfer}>
          {t('console.transfer.open')}
          <kbd aria-hidden="true">T</kbd>
        </button>
      )}
      <button
        type="button"
        className="button button-primary"
        disabled={!decision.canDecide || blocked}
        aria-describedby={explain}
        aria-keyshortcuts="a"
        onClick={decision.openAccept}
      >
        {t('console.appeal.accept')}
        <kbd aria-hidden="true">A</kbd>
      </button>
      <button
        type="button"
        className="button button-danger-outline"
        disabled={!decision.canDecide || blocked}
        aria-describedby={explain}
        aria-keyshortcuts="x"
        onClick={decision.openReject}
      >
        {t('console.appeal.reject')}
        <kbd aria-hidden="true">X</kbd>
      </button>
    </div>
  );
}
