import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Modal } from '../../shared/components/Modal.tsx';
import { CaseHeading, DialogActions } from '../common/dialog.tsx';

const PRESETS = ['outOfScope', 'duplicate', 'insufficient', 'answered'] as const;

interface RejectDialogProps {
  open: boolean;
  caseNumber: string;
  busy: boolean;
  error: unknown;
  onCancel(): void;
  onConfirm(reason: string): void;
}

/** 不予受理 needs a reason: the citizen is told it. Presets fill the box; the agent may add detail. */
export function RejectDialog({ open, ...form }: RejectDialogProps) {
  return (
    <Modal open={open} onClose={form.onCancel} labelledBy="reject-heading" className="reject-dialog">
      <RejectForm {...form} />
    </Modal>
  );
}

// Mounted only while the dialog is open, so every opening starts with an empty reason.
function RejectForm({ caseNumber, busy, error, onCancel, onConfirm }: Omit<RejectDialogProps, 'open'>) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const reasonId = useId();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() && !busy) onConfirm(reason.trim());
  }

  return (
    <form onSubmit={handleSubmit}>
      <CaseHeading id="reject-heading" title={t('console.rejectDialog.heading')} caseNumber={caseNumber} />
      <p className="muted">{t('console.rejectDialog.intro')}</p>
      <fieldset className="preset-reasons">
        <legend>{t('console.rejectDialog.presets')}</legend>
        {PRESETS.map((preset) => {
          const text = t(`console.rejectDialog.preset.${preset}`);
          return (
            <button key={preset} type="button" className="chip" aria-pressed={reason === text} onClick={() => setReason(text)}>
              {text}
            </button>
          );
        })}
      </fieldset>
      <div className="field">
        <label htmlFor={reasonId}>{t('console.rejectDialog.reason')}</label>
        <textarea id={reasonId} rows={3} maxLength={500} required autoFocus value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <ErrorAlert error={error} />
      <DialogActions onCancel={onCancel}>
        <button type="submit" className="button button-danger" disabled={busy || !reason.trim()}>
          {busy ? t('console.rejectDialog.submitting') : t('console.rejectDialog.confirm')}
        </button>
      </DialogActions>
    </form>
  );
}
