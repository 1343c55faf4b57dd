import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Modal } from '../../shared/components/Modal.tsx';
import { DialogActions } from '../common/dialog.tsx';

interface MergeDialogProps {
  open: boolean;
  caseNumber: string;
  targetCaseNumber: string;
  /** The target is of another category: say so before the agent confirms. */
  otherCategory: boolean;
  busy: boolean;
  error: unknown;
  onCancel(): void;
  onConfirm(): void;
}

/** Merging cannot be undone from the console, and the citizen is told: the agent confirms it. */
export function MergeDialog({ open, caseNumber, targetCaseNumber, otherCategory, busy, error, onCancel, onConfirm }: MergeDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} onClose={onCancel} labelledBy="merge-heading" className="merge-dialog">
      <h2 id="merge-heading">{t('console.duplicates.confirmHeading')}</h2>
      <p>{t('console.duplicates.confirmText', { caseNumber, target: targetCaseNumber })}</p>
      <p className="muted">{t('console.duplicates.confirmNote', { target: targetCaseNumber })}</p>
      {otherCategory && (
        <p className="evidence-warning" role="alert" data-testid="merge-category-warning">
          {t('console.duplicates.otherCategoryWarning')}
        </p>
      )}
      <ErrorAlert error={error} title={isApiError(error, 409) ? t('console.duplicates.conflict') : undefined} />
      <DialogActions onCancel={onCancel}>
        <button type="button" className="button button-primary" autoFocus disabled={busy} onClick={onConfirm}>
          {busy ? t('console.duplicates.merging') : t('console.duplicates.confirm')}
        </button>
      </DialogActions>
    </Modal>
  );
}
