import { useTranslation } from 'react-i18next';
import type { AppealSummary, SessionUser } from '@hotline/backend/api-types';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useConfidential } from './useConfidential.ts';

type Appeal = Pick<AppealSummary, 'id' | 'appealType' | 'confidential'>;

/** Who may take the mark off again (the API refuses anyone else): a mistaken clearing may expose a whistle-blower. */
const mayClear = (user: SessionUser) => user.role === 'supervisor' || user.role === 'admin';

/** 举报人保密: shown for a 举报 (confidential by its type) and for an appeal marked by hand. */
export function ConfidentialBadge({ appeal }: { appeal: Appeal }) {
  const { t } = useTranslation();
  if (!appeal.confidential && appeal.appealType !== 'report') return null;
  return (
    <span
      className="badge badge-confidential"
      data-testid="confidential-badge"
      title={appeal.confidential ? t('console.confidential.marked') : t('console.confidential.byType')}
    >
      {t('console.confidential.label')}
    </span>
  );
}

interface ConfidentialControlProps {
  appeal: Appeal;
  user: SessionUser;
  onChanged(summary: AppealSummary): void;
}

/**
 * Marks the appeal 举报人保密 by hand, or clears the mark (supervisors and admins only): what the
 * departments and the linkage platform read of it is then masked. A 举报 is confidential by its type,
 * marked or not.
 */
export function ConfidentialControl({ appeal, user, onChanged }: ConfidentialControlProps) {
  const { t } = useTranslation();
  const toggle = useConfidential(appeal.id, onChanged);
  const marked = appeal.confidential;
  const clearRefused = marked && !mayClear(user);
  const state = marked ? t('console.confidential.marked') : appeal.appealType === 'report' ? t('console.confidential.byType') : t('console.confidential.off');
  return (
    <section className="confidential-control" aria-labelledby="confidential-heading" data-testid="confidential-control">
      <div className="confidential-line">
        <h3 id="confidential-heading">{t('console.confidential.label')}</h3>
        <span data-testid="confidential-state">{state}</span>
        <button
          type="button"
          className={marked ? 'button button-small' : 'button button-small button-primary'}
          disabled={toggle.busy || clearRefused}
          aria-describedby={clearRefused ? 'confidential-clear-note' : 'confidential-hint'}
          data-testid="confidential-toggle"
          onClick={() => void toggle.set(!marked)}
        >
          {toggle.busy ? t('console.confidential.saving') : marked ? t('console.confidential.clear') : t('console.confidential.mark')}
        </button>
        {clearRefused && (
          <span id="confidential-clear-note" className="field-hint">
            {t('console.confidential.clearNeedsLead')}
          </span>
        )}
        <span role="status" className="confidential-saved" data-testid="confidential-saved">
          {toggle.saved === null ? '' : toggle.saved ? t('console.confidential.savedMarked') : t('console.confidential.savedCleared')}
        </span>
      </div>
      <p id="confidential-hint" className="field-hint">
        {t('console.confidential.hint')}
      </p>
      <ErrorAlert error={toggle.error} title={t('console.confidential.failed')} />
    </section>
  );
}
