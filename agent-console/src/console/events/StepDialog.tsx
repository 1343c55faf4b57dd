import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Modal } from '../../shared/components/Modal.tsx';
import { CaseHeading, DialogActions } from '../common/dialog.tsx';
import type { EventDetail, EventReporter, StaffAction, StepInput } from '../contract.ts';
import { isSendKey } from '../shell/shortcuts.ts';
import { DepartmentFields, NoteField, PhotosField, RatingField, TimeLimitField } from './StepFields.tsx';
import { useStepForm } from './useStepForm.ts';

/** Steps whose effect cannot be undone: their dialog says what will happen before it does. */
const CONSEQUENCES = ['sign', 'verify_pass', 'approve_extension', 'cancel', 'return', 'verify_fail'] as const satisfies readonly StaffAction[];
type Consequential = (typeof CONSEQUENCES)[number];
const isConsequential = (action: StaffAction): action is Consequential => (CONSEQUENCES as readonly StaffAction[]).includes(action);

/** A step that needs more than a click: which one, and for 回访 the reporter called back. */
export interface StepRequest {
  action: StaffAction;
  reporter?: EventReporter;
}

interface StepDialogProps {
  request: StepRequest | null;
  event: EventDetail;
  busy: boolean;
  error: unknown;
  onCancel(): void;
  onSubmit(body: StepInput | FormData): void;
}

/**
 * One dialog for every step with a form: it asks exactly what the step's row in STEP_FIELDS says
 * (a reason, photos, a new limit, departments, a rating). Esc closes it; Ctrl+Enter submits.
 */
export function StepDialog({ request, ...props }: StepDialogProps) {
  return (
    <Modal open={request !== null} onClose={props.onCancel} labelledBy="step-heading" className="step-dialog">
      {request && <StepForm key={request.action + (request.reporter?.appealId ?? '')} request={request} {...props} />}
    </Modal>
  );
}

// Mounted only while open: every opening starts blank.
function StepForm({ request, event, busy, error, onCancel, onSubmit }: Omit<StepDialogProps, 'request'> & { request: StepRequest }) {
  const { t } = useTranslation();
  const { action, reporter } = request;
  const form = useStepForm(request, event);
  const { fields, problem } = form;

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    const body = form.body();
    if (body) onSubmit(body);
  }

  function handleKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (isSendKey(e)) {
      e.preventDefault();
      submit();
    }
  }

  return (
    <form onSubmit={submit} onKeyDown={handleKeyDown} noValidate data-testid="step-dialog" data-action={action}>
      <CaseHeading id="step-heading" title={t(`events.action.${action}`)} caseNumber={event.caseNumber} />
      {isConsequential(action) && (
        <p className="step-consequence" data-testid="step-consequence">
          {t(`events.dialog.consequence.${action}`)}
        </p>
      )}
      {reporter && <p className="muted">{t('events.dialog.reporter', { caseNumber: reporter.caseNumber, channel: t(`channel.${reporter.channel}`) })}</p>}
      {fields.rating && <RatingField value={form.rating} onChange={form.setRating} invalid={problem('rating')} />}
      {fields.departments && <DepartmentFields lead={form.lead} co={form.co} onLead={form.setLead} onCo={form.setCo} invalid={problem('lead')} />}
      {fields.timeLimit && <TimeLimitField value={form.timeLimit} current={event.timeLimitAt} onChange={form.setTimeLimit} problem={problem} />}
      {fields.note !== 'none' && (
        <NoteField
          action={action}
          optional={fields.note === 'optional'}
          // The first field takes the focus: the rating, the limit or the lead when the step has one.
          autoFocus={!fields.confirm && !fields.rating && !fields.timeLimit && !fields.departments}
          value={form.note}
          onChange={form.setNote}
          invalid={problem('note')}
        />
      )}
      {fields.photos && <PhotosField photos={form.photos} onChange={form.setPhotos} problem={problem} />}
      <ErrorAlert error={error} title={isApiError(error, 409) ? t('events.view.conflict') : undefined} />
      <DialogActions onCancel={onCancel}>
        <button
          type="submit"
          className={fields.tone === 'danger' ? 'button button-danger' : 'button button-primary'}
          disabled={busy}
          data-autofocus={fields.confirm ? '' : undefined}
        >
          {busy ? t('events.busy') : t(`events.action.${action}`)}
        </button>
      </DialogActions>
    </form>
  );
}
