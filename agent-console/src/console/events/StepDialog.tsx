import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Modal } from '../../shared/components/Modal.tsx';
import { formatDateTime } from '../../shared/format.ts';
import type { EventDetail, EventReporter, StaffAction, StepInput } from '../contract.ts';
import { useDepartments } from '../common/useReference.ts';
import { fromLocalInput } from '../common/datetime-local.ts';
import { CaseHeading, DialogActions } from '../common/dialog.tsx';
import { isSendKey } from '../shell/shortcuts.ts';
import { type PhotoProblem, STEP_FIELDS, photoProblems, reportForm, stepInput } from './event-helpers.ts';
import { CoDepartmentChecks, DepartmentOptions } from '../common/DepartmentPicker.tsx';

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

type Problem = 'note' | 'timeLimit' | 'timeLimitEarly' | 'lead' | 'rating' | PhotoProblem;

// Mounted only while open: every opening starts blank.
function StepForm({ request, event, busy, error, onCancel, onSubmit }: Omit<StepDialogProps, 'request'> & { request: StepRequest }) {
  const { t, i18n } = useTranslation();
  const { action, reporter } = request;
  const fields = STEP_FIELDS[action];
  const ids = { note: useId(), photos: useId(), limit: useId(), lead: useId() };
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [timeLimit, setTimeLimit] = useState('');
  const [lead, setLead] = useState('');
  const [co, setCo] = useState<string[]>([]);
  const [rating, setRating] = useState<number | null>(null);
  const [shown, setShown] = useState<Problem[]>([]);

  function problems(): Problem[] {
    const found: Problem[] = [];
    if (fields.note === 'required' && !note.trim()) found.push('note');
    if (fields.photos) found.push(...photoProblems(photos));
    if (fields.timeLimit) {
      const at = fromLocalInput(timeLimit);
      if (!at) found.push('timeLimit');
      else if (Date.parse(at) <= Date.parse(event.timeLimitAt)) found.push('timeLimitEarly');
    }
    if (fields.departments && !lead) found.push('lead');
    if (fields.rating && rating === null) found.push('rating');
    return found;
  }

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    const found = problems();
    setShown(found);
    if (found.length) return;
    if (action === 'report' && photos.length > 0) return onSubmit(reportForm(note, photos));
    onSubmit(
      stepInput(action, {
        note,
        timeLimitAt: fromLocalInput(timeLimit) ?? undefined,
        leadDepartmentCode: lead,
        coDepartmentCodes: co.filter((code) => code !== lead),
        appealId: reporter?.appealId,
        satisfaction: rating ?? undefined,
      }),
    );
  }

  function handleKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (isSendKey(e)) {
      e.preventDefault();
      submit();
    }
  }

  const problem = (p: Problem) => shown.includes(p);
  return (
    <form onSubmit={submit} onKeyDown={handleKeyDown} noValidate data-testid="step-dialog" data-action={action}>
      <CaseHeading id="step-heading" title={t(`events.action.${action}`)} caseNumber={event.caseNumber} />
      {reporter && <p className="muted">{t('events.dialog.reporter', { caseNumber: reporter.caseNumber, channel: t(`channel.${reporter.channel}`) })}</p>}
      {fields.rating && (
        <fieldset className="field rating-field">
          <legend>{t('events.dialog.rating')}</legend>
          <div className="rating-options">
            {[1, 2, 3, 4, 5].map((value) => (
              <label key={value} className="check">
                <input type="radio" name="satisfaction" value={value} checked={rating === value} autoFocus={value === 1} onChange={() => setRating(value)} />
                {t(`events.dialog.ratingValue.${value as 1 | 2 | 3 | 4 | 5}`)}
              </label>
            ))}
          </div>
          {problem('rating') && <p className="field-error">{t('events.dialog.problem.rating')}</p>}
        </fieldset>
      )}
      {fields.departments && <DepartmentFields lead={lead} co={co} onLead={setLead} onCo={setCo} leadId={ids.lead} invalid={problem('lead')} />}
      {fields.timeLimit && (
        <div className="field">
          <label htmlFor={ids.limit}>{t('events.dialog.timeLimit')}</label>
          <input
            id={ids.limit}
            type="datetime-local"
            value={timeLimit}
            autoFocus
            aria-invalid={problem('timeLimit') || problem('timeLimitEarly')}
            onChange={(e) => setTimeLimit(e.target.value)}
          />
          <span className="field-hint">{t('events.dialog.currentLimit', { time: formatDateTime(event.timeLimitAt, i18n.language) })}</span>
          {problem('timeLimit') && <p className="field-error">{t('events.dialog.problem.timeLimit')}</p>}
          {problem('timeLimitEarly') && <p className="field-error">{t('events.dialog.problem.timeLimitEarly')}</p>}
        </div>
      )}
      {fields.note !== 'none' && (
        <div className="field">
          <label htmlFor={ids.note}>
            {t(`events.dialog.note.${action}`)}
            {fields.note === 'optional' && <span className="optional">{t('common.optional')}</span>}
          </label>
          <textarea
            id={ids.note}
            rows={4}
            maxLength={action === 'report' ? 4000 : 2000}
            required={fields.note === 'required'}
            autoFocus={!fields.rating && !fields.timeLimit && !fields.departments}
            aria-invalid={problem('note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {problem('note') && <p className="field-error">{t('events.dialog.problem.note')}</p>}
        </div>
      )}
      {fields.photos && (
        <div className="field">
          <label htmlFor={ids.photos}>{t('events.dialog.photos')}</label>
          <input id={ids.photos} type="file" accept="image/*" multiple onChange={(e) => setPhotos(Array.from(e.target.files ?? []))} />
          {photos.length > 0 && <span className="field-hint">{t('events.dialog.photosChosen', { count: photos.length })}</span>}
          {(['tooMany', 'notImage', 'tooLarge'] as const).filter(problem).map((p) => (
            <p key={p} className="field-error">
              {t(`events.dialog.problem.${p}`)}
            </p>
          ))}
        </div>
      )}
      <ErrorAlert error={error} title={isApiError(error, 409) ? t('events.view.conflict') : undefined} />
      <DialogActions onCancel={onCancel}>
        <button type="submit" className={fields.tone === 'danger' ? 'button button-danger' : 'button button-primary'} disabled={busy}>
          {busy ? t('events.busy') : t(`events.action.${action}`)}
        </button>
      </DialogActions>
    </form>
  );
}

interface DepartmentFieldsProps {
  lead: string;
  co: string[];
  onLead(code: string): void;
  onCo(codes: string[]): void;
  leadId: string;
  invalid: boolean;
}

/** 重新派遣: the lead department (grouped: 职能部门, 镇街联动分中心) and any co-handling ones. */
function DepartmentFields({ lead, co, onLead, onCo, leadId, invalid }: DepartmentFieldsProps) {
  const { t } = useTranslation();
  const departments = useDepartments();
  if (departments.error) return <ErrorAlert error={departments.error} onRetry={departments.retry} />;
  return (
    <>
      <div className="field">
        <label htmlFor={leadId}>{t('events.dialog.lead')}</label>
        <select id={leadId} value={lead} autoFocus disabled={!departments.data} aria-invalid={invalid} data-testid="redispatch-lead" onChange={(e) => onLead(e.target.value)}>
          <DepartmentOptions departments={departments.data ?? null} placeholder={t('events.dialog.chooseLead')} />
        </select>
        {invalid && <p className="field-error">{t('events.dialog.problem.lead')}</p>}
      </div>
      <fieldset className="field co-departments">
        <legend>
          {t('events.dialog.co')}
          <span className="optional">{t('common.optional')}</span>
        </legend>
        <CoDepartmentChecks departments={departments.data ?? null} lead={lead} co={co} onChange={onCo} />
      </fieldset>
    </>
  );
}
