import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealSummary, SessionUser } from '@hotline/backend/api-types';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Modal } from '../../shared/components/Modal.tsx';
import { staffApi } from '../api.ts';
import { CaseHeading, DialogActions } from '../common/dialog.tsx';
import { useAsyncAction } from '../common/useAsyncAction.ts';
import { type TransferTargets, useTransferTargets } from './useTransferTargets.ts';

export interface TransferTarget {
  id: string;
  caseNumber: string;
  assignee: AppealSummary['assignee'];
}

interface TransferDialogProps {
  appeal: TransferTarget | null;
  user: SessionUser;
  onCancel(): void;
  onTransferred(summary: AppealSummary): void;
}

/**
 * 转派: hand the appeal to another agent or a supervisor, with a note saying where it stands. A
 * supervisor may take it over (transfer to themselves) — the wall's 接管 opens this dialog so.
 */
export function TransferDialog({ appeal, ...props }: TransferDialogProps) {
  return (
    <Modal open={appeal !== null} onClose={props.onCancel} labelledBy="transfer-heading" className="transfer-dialog">
      {appeal && <TransferForm appeal={appeal} {...props} />}
    </Modal>
  );
}

function TransferForm({ appeal, user, onCancel, onTransferred }: TransferDialogProps & { appeal: TransferTarget }) {
  const { t } = useTranslation();
  const targets = useTransferTargets(appeal, user);
  const [toUserId, setToUserId] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, run } = useAsyncAction();
  const noteId = useId();
  const takingOver = toUserId === user.id;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!toUserId || busy) return;
    await run(async () => onTransferred(await staffApi.transfer(appeal.id, toUserId, note.trim())));
  }

  return (
    <form onSubmit={submit}>
      <CaseHeading id="transfer-heading" title={t('console.transfer.heading')} caseNumber={appeal.caseNumber} />
      <p className="muted">{appeal.assignee ? t('console.transfer.heldBy', { name: appeal.assignee.displayName }) : t('console.transfer.unassigned')}</p>
      <TargetField targets={targets} value={toUserId} onChange={setToUserId} />
      <div className="field">
        <label htmlFor={noteId}>
          {t('console.transfer.note')}
          <span className="optional">{t('common.optional')}</span>
        </label>
        <textarea
          id={noteId}
          rows={3}
          maxLength={1000}
          value={note}
          placeholder={takingOver ? t('console.transfer.takeOverPlaceholder') : t('console.transfer.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
        <span className="field-hint">{t('console.transfer.noteHint')}</span>
      </div>
      <ErrorAlert error={error} />
      <DialogActions onCancel={onCancel}>
        <button type="submit" className="button button-primary" disabled={busy || !toUserId}>
          {busy ? t('console.transfer.sending') : takingOver ? t('console.transfer.takeOver') : t('console.transfer.confirm')}
        </button>
      </DialogActions>
    </form>
  );
}

function TargetField({ targets, value, onChange }: { targets: TransferTargets; value: string; onChange(userId: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  if (targets.error) return <ErrorAlert error={targets.error} title={t('console.transfer.agentsFailed')} onRetry={targets.retry} />;
  return (
    <div className="field">
      <label htmlFor={id}>{t('console.transfer.target')}</label>
      <select id={id} value={value} required disabled={!targets.loaded} autoFocus data-testid="transfer-target" onChange={(e) => onChange(e.target.value)}>
        <option value="">{targets.loaded ? t('console.transfer.choose') : t('common.loading')}</option>
        {targets.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
      {targets.loaded && targets.options.length === 0 && <p className="field-hint">{t('console.transfer.nobody')}</p>}
    </div>
  );
}
