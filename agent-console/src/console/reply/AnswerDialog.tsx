import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealSummary } from '@hotline/backend/api-types';
import { isApiError } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Modal } from '../../shared/components/Modal.tsx';
import { staffApi } from '../api.ts';
import { CaseHeading, DialogActions } from '../common/dialog.tsx';
import { useAsyncAction } from '../common/useAsyncAction.ts';
import { isSendKey } from '../shell/shortcuts.ts';

interface AnswerDialogProps {
  open: boolean;
  appealId: string;
  caseNumber: string;
  /** Not a consultation: 直接答复 still works, but the agent is reminded what it is for. */
  consultation: boolean;
  /** The reply box's draft, so what the agent already wrote becomes the answer. */
  draft: string;
  onCancel(): void;
  onAnswered(summary: AppealSummary): void;
  onConflict(): void;
}

/** 直接答复: the answer goes to the citizen on their channel and the appeal closes as answered. */
export function AnswerDialog({ open, ...props }: AnswerDialogProps) {
  return (
    <Modal open={open} onClose={props.onCancel} labelledBy="answer-heading" className="answer-dialog">
      <AnswerForm {...props} />
    </Modal>
  );
}

function AnswerForm({ appealId, caseNumber, consultation, draft, onCancel, onAnswered, onConflict }: Omit<AnswerDialogProps, 'open'>) {
  const { t } = useTranslation();
  const [text, setText] = useState(draft);
  const { busy, error, run } = useAsyncAction();
  const textId = useId();

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!text.trim() || busy) return;
    await run(
      async () => onAnswered(await staffApi.answer(appealId, text.trim())),
      (e) => {
        if (isApiError(e, 409)) onConflict();
      },
    );
  }

  return (
    <form onSubmit={submit}>
      <CaseHeading id="answer-heading" title={t('console.answer.heading')} caseNumber={caseNumber} />
      <p className="muted">{t('console.answer.intro')}</p>
      {!consultation && <p className="alert alert-warning">{t('console.answer.notConsultation')}</p>}
      <div className="field">
        <label htmlFor={textId}>{t('console.answer.text')}</label>
        <textarea
          id={textId}
          rows={6}
          maxLength={4000}
          required
          autoFocus
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(event) => {
            if (isSendKey(event)) {
              event.preventDefault();
              void submit();
            }
          }}
        />
        <span className="field-hint">{t('console.answer.hint')}</span>
      </div>
      <ErrorAlert error={error} title={isApiError(error, 409) ? t('console.appeal.conflict') : undefined} />
      <DialogActions onCancel={onCancel}>
        <button type="submit" className="button button-primary" disabled={busy || !text.trim()}>
          {busy ? t('console.answer.sending') : t('console.answer.confirm')}
        </button>
      </DialogActions>
    </form>
  );
}
