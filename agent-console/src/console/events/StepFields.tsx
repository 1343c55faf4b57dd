import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { CoDepartmentChecks, DepartmentOptions } from '../common/DepartmentPicker.tsx';
import { useCurrentDepartments } from '../common/useReference.ts';
import type { StaffAction } from '../contract.ts';
import { HotlineTimeInput } from '../common/HotlineTimeInput.tsx';
import type { StepProblem } from './useStepForm.ts';

/* The step dialog's fields; each step shows the ones its row in STEP_FIELDS asks for. */

/** 回访: the citizen's rating, 1 to 5. */
export function RatingField({ value, onChange, invalid }: { value: number | null; onChange(rating: number): void; invalid: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field rating-field">
      <legend>{t('events.dialog.rating')}</legend>
      <div className="rating-options">
        {[1, 2, 3, 4, 5].map((rating) => (
          <label key={rating} className="check">
            <input type="radio" name="satisfaction" value={rating} checked={value === rating} autoFocus={rating === 1} onChange={() => onChange(rating)} />
            {t(`events.dialog.ratingValue.${rating as 1 | 2 | 3 | 4 | 5}`)}
          </label>
        ))}
      </div>
      {invalid && <p className="field-error">{t('events.dialog.problem.rating')}</p>}
    </fieldset>
  );
}

interface DepartmentFieldsProps {
  lead: string;
  co: string[];
  onLead(code: string): void;
  onCo(codes: string[]): void;
  invalid: boolean;
}

/** 重新派遣: the lead department (grouped: 职能部门, 镇街联动分中心) and any co-handling ones. */
export function DepartmentFields({ lead, co, onLead, onCo, invalid }: DepartmentFieldsProps) {
  const { t } = useTranslation();
  const leadId = useId();
  const departments = useCurrentDepartments();
  if (departments.error) return <ErrorAlert error={departments.error} onRetry={departments.retry} />;
  return (
    <>
      <div className="field">
        <label htmlFor={leadId}>{t('events.dialog.lead')}</label>
        <select
          id={leadId}
          value={lead}
          autoFocus
          disabled={!departments.data}
          aria-invalid={invalid}
          data-testid="redispatch-lead"
          onChange={(e) => onLead(e.target.value)}
        >
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

interface TimeLimitFieldProps {
  value: string;
  /** The limit now, which the new one must be after. */
  current: string;
  onChange(value: string): void;
  problem(p: StepProblem): boolean;
}

/** 申请延期: the new completion limit. */
export function TimeLimitField({ value, current, onChange, problem }: TimeLimitFieldProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('events.dialog.timeLimit')}</label>
      <HotlineTimeInput id={id} value={value} autoFocus invalid={problem('timeLimit') || problem('timeLimitEarly')} onChange={onChange} />
      <span className="field-hint">{t('events.dialog.currentLimit', { time: formatDateTime(current, i18n.language) })}</span>
      {problem('timeLimit') && <p className="field-error">{t('events.dialog.problem.timeLimit')}</p>}
      {problem('timeLimitEarly') && <p className="field-error">{t('events.dialog.problem.timeLimitEarly')}</p>}
    </div>
  );
}

interface NoteFieldProps {
  action: StaffAction;
  optional: boolean;
  autoFocus: boolean;
  value: string;
  onChange(note: string): void;
  invalid: boolean;
}

/** The step's note: a reason, a result, an instruction; its label says which. */
export function NoteField({ action, optional, autoFocus, value, onChange, invalid }: NoteFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {t(`events.dialog.note.${action}`)}
        {optional && <span className="optional">{t('common.optional')}</span>}
      </label>
      <textarea
        id={id}
        rows={4}
        // A report's result may run longer than a reason.
        maxLength={action === 'report' ? 4000 : 2000}
        required={!optional}
        autoFocus={autoFocus}
        aria-invalid={invalid}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {invalid && <p className="field-error">{t('events.dialog.problem.note')}</p>}
    </div>
  );
}

/** 处置反馈: photos of the work done. */
export function PhotosField({ photos, onChange, problem }: { photos: File[]; onChange(photos: File[]): void; problem(p: StepProblem): boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('events.dialog.photos')}</label>
      <input id={id} type="file" accept="image/*" multiple onChange={(e) => onChange(Array.from(e.target.files ?? []))} />
      {photos.length > 0 && <span className="field-hint">{t('events.dialog.photosChosen', { count: photos.length })}</span>}
      {(['tooMany', 'notImage', 'tooLarge'] as const).filter(problem).map((p) => (
        <p key={p} className="field-error">
          {t(`events.dialog.problem.${p}`)}
        </p>
      ))}
    </div>
  );
}
