import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealSummary } from '@hotline/backend/api-types';
import { isApiError } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Modal } from '../../shared/components/Modal.tsx';
import { staffApi } from '../api.ts';
import { CaseHeading, DialogActions } from '../common/dialog.tsx';
import { useAsyncAction } from '../common/useAsyncAction.ts';
import { type EventFormProblem, eventFormProblems, inputFromForm } from './event-form.ts';
import { EventFields } from './EventFields.tsx';
import { useEventDraft } from './useEventDraft.ts';

interface AcceptDialogProps {
  open: boolean;
  appealId: string;
  caseNumber: string;
  onCancel(): void;
  onAccepted(summary: AppealSummary): void;
  /** 409: someone decided first; the owner refetches to show what happened. */
  onConflict(): void;
}

/**
 * 受理为事件: the event's category, urgency, place, departments and time limit, pre-filled from NLP
 * and the routing rules (GET event-draft) and all editable. Enter anywhere but in a button confirms.
 */
export function AcceptDialog({ open, ...props }: AcceptDialogProps) {
  return (
    <Modal open={open} onClose={props.onCancel} labelledBy="accept-heading" className="accept-dialog">
      <AcceptForm {...props} />
    </Modal>
  );
}

// Mounted only while open: every opening loads a fresh draft.
function AcceptForm({ appealId, caseNumber, onCancel, onAccepted, onConflict }: Omit<AcceptDialogProps, 'open'>) {
  const { t } = useTranslation();
  const { form, set, loadError, retry } = useEventDraft(appealId);
  const { busy, error, run } = useAsyncAction();
  const [shown, setShown] = useState<EventFormProblem[]>([]);
  const firstField = useRef<HTMLSelectElement>(null);

  const loaded = form !== null;
  useEffect(() => {
    if (loaded) firstField.current?.focus();
  }, [loaded]);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!form || busy) return;
    const problems = eventFormProblems(form);
    setShown(problems);
    if (problems.length) return;
    await run(
      async () => onAccepted(await staffApi.accept(appealId, inputFromForm(form))),
      (e) => {
        if (isApiError(e, 409)) onConflict();
      },
    );
  }

  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.shiftKey || event.nativeEvent.isComposing) return;
    if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
    event.preventDefault();
    void submit();
  }

  return (
    <form onSubmit={submit} onKeyDown={handleKeyDown} noValidate>
      <CaseHeading id="accept-heading" title={t('console.acceptDialog.heading')} caseNumber={caseNumber} />
      <p className="muted">{t('console.acceptDialog.intro')}</p>
      {loadError ? (
        <ErrorAlert error={loadError} title={t('console.acceptDialog.draftFailed')} onRetry={retry} />
      ) : !form ? (
        <p className="muted dialog-loading">{t('console.acceptDialog.loading')}</p>
      ) : (
        <EventFields form={form} set={set} problems={shown} firstField={firstField} />
      )}
      <ErrorAlert error={error} title={isApiError(error, 409) ? t('console.appeal.conflict') : undefined} />
      <DialogActions hint={<span className="field-hint dialog-hint">{t('console.acceptDialog.enterHint')}</span>} onCancel={onCancel}>
        <button type="submit" className="button button-primary" disabled={!form || busy}>
          {busy ? t('console.appeal.accepting') : t('console.acceptDialog.confirm')}
        </button>
      </DialogActions>
    </form>
  );
}
