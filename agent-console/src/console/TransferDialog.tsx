import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealSummary, SessionUser } from '@hotline/backend/api-types';
import { isAbort } from '../shared/api.ts';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { Modal } from '../shared/components/Modal.tsx';
import { staffApi } from './api.ts';
import { CaseHeading, DialogActions } from './common/dialog.tsx';
import { useAsyncAction } from './common/useAsyncAction.ts';
import type { AgentView } from './contract.ts';

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

const canTakeOver = (role: SessionUser['role']) => role === 'supervisor' || role === 'admin';

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
  const [agents, setAgents] = useState<AgentView[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [toUserId, setToUserId] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, run } = useAsyncAction();
  const targetId = useId();
  const noteId = useId();

  useEffect(() => {
    const abort = new AbortController();
    setLoadError(null);
    staffApi.agents(abort.signal).then(
      ({ agents }) => setAgents(agents),
      (e: unknown) => {
        if (!isAbort(e)) setLoadError(e);
      },
    );
    return () => abort.abort();
  }, [attempt]);

  // Agents and supervisors, not whoever holds it now; oneself only to take over (an admin, not on
  // the roster, takes over all the same).
  const options = (agents ?? [])
    .filter((a) => a.id !== appeal.assignee?.id && (a.id !== user.id || canTakeOver(user.role)))
    .map((a) => ({
      id: a.id,
      label:
        a.id === user.id
          ? t('console.transfer.myself', { name: a.displayName })
          : t('console.transfer.option', {
              name: a.displayName,
              role: t(`console.role.${a.role}`),
              status: t(`console.presence.status.${a.status}`),
              chats: a.load.chats,
              chatCap: a.capacity.chats,
            }),
    }));
  if (agents && canTakeOver(user.role) && appeal.assignee?.id !== user.id && !options.some((o) => o.id === user.id)) {
    options.unshift({ id: user.id, label: t('console.transfer.myself', { name: user.displayName }) });
  }
  const takingOver = toUserId === user.id;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!toUserId || busy) return;
    await run(async () => onTransferred(await staffApi.transfer(appeal.id, toUserId, note.trim())));
  }

  return (
    <form onSubmit={submit}>
      <CaseHeading id="transfer-heading" title={t('console.transfer.heading')} caseNumber={appeal.caseNumber} />
      <p className="muted">
        {appeal.assignee ? t('console.transfer.heldBy', { name: appeal.assignee.displayName }) : t('console.transfer.unassigned')}
      </p>
      {loadError ? (
        <ErrorAlert error={loadError} title={t('console.transfer.agentsFailed')} onRetry={() => setAttempt((n) => n + 1)} />
      ) : (
        <div className="field">
          <label htmlFor={targetId}>{t('console.transfer.target')}</label>
          <select id={targetId} value={toUserId} required disabled={!agents} autoFocus data-testid="transfer-target" onChange={(e) => setToUserId(e.target.value)}>
            <option value="">{agents ? t('console.transfer.choose') : t('common.loading')}</option>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
          {agents && options.length === 0 && <p className="field-hint">{t('console.transfer.nobody')}</p>}
        </div>
      )}
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
