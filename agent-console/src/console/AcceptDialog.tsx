import { type FormEvent, type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealSummary } from '@hotline/backend/api-types';
import { gridsOf, pathOf } from '../citizen/territory.ts';
import { isAbort, isApiError } from '../shared/api.ts';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { Modal } from '../shared/components/Modal.tsx';
import { staffApi } from './api.ts';
import { CategoryOptions, useCategories } from './common/categories.tsx';
import { CaseHeading, DialogActions } from './common/dialog.tsx';
import { UrgencySelect } from './common/UrgencySelect.tsx';
import { useAsyncAction } from './common/useAsyncAction.ts';
import { useConsoleTerritory, useDepartments } from './common/useReference.ts';
import { type EventForm, type EventFormProblem, inputFromForm, eventFormProblems, formFromDraft } from './work-helpers.ts';
import { CoDepartmentChecks, DepartmentOptions } from './common/DepartmentPicker.tsx';

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
  const [form, setForm] = useState<EventForm | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const { busy, error, run } = useAsyncAction();
  const [shown, setShown] = useState<EventFormProblem[]>([]);
  const firstField = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    setLoadError(null);
    staffApi.eventDraft(appealId, abort.signal).then(
      (draft) => setForm(formFromDraft(draft)),
      (e: unknown) => {
        if (!isAbort(e)) setLoadError(e);
      },
    );
    return () => abort.abort();
  }, [appealId, attempt]);

  const loaded = form !== null;
  useEffect(() => {
    if (loaded) firstField.current?.focus();
  }, [loaded]);

  const set = <K extends keyof EventForm>(field: K, value: EventForm[K]) => setForm((current) => (current ? { ...current, [field]: value } : current));

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
        <ErrorAlert error={loadError} title={t('console.acceptDialog.draftFailed')} onRetry={() => setAttempt((n) => n + 1)} />
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

interface EventFieldsProps {
  form: EventForm;
  set<K extends keyof EventForm>(field: K, value: EventForm[K]): void;
  problems: EventFormProblem[];
  firstField: RefObject<HTMLSelectElement | null>;
}

function EventFields({ form, set, problems, firstField }: EventFieldsProps) {
  const { t, i18n } = useTranslation();
  const ids = { category: useId(), urgency: useId(), address: useId(), grid: useId(), lead: useId(), co: useId(), limit: useId() };
  const { list: categories } = useCategories();
  const departments = useDepartments();
  const { territory } = useConsoleTerritory();
  const problem = (p: EventFormProblem) => problems.includes(p);

  return (
    <div className="event-fields">
      <div className="field">
        <label htmlFor={ids.category}>{t('console.acceptDialog.category')}</label>
        <select
          id={ids.category}
          ref={firstField}
          value={form.categoryCode}
          aria-invalid={problem('category')}
          data-testid="event-category"
          onChange={(e) => set('categoryCode', e.target.value)}
        >
          <option value="">{t('console.nlp.unclassified')}</option>
          {/* A code the taxonomy no longer has stays visible rather than silently becoming another. */}
          {form.categoryCode && categories && !categories.some((c) => c.code === form.categoryCode) && <option value={form.categoryCode}>{form.categoryCode}</option>}
          <CategoryOptions categories={categories} />
        </select>
        {problem('category') && <p className="field-error">{t('console.acceptDialog.problem.category')}</p>}
      </div>
      <div className="field">
        <label htmlFor={ids.urgency}>{t('console.nlp.urgency')}</label>
        <UrgencySelect id={ids.urgency} value={form.urgency} onChange={(urgency) => set('urgency', urgency)} />
      </div>
      <div className="field">
        <label htmlFor={ids.address}>{t('console.appeal.address')}</label>
        <input id={ids.address} value={form.address} maxLength={200} onChange={(e) => set('address', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.grid}>{t('console.appeal.grid')}</label>
        <select id={ids.grid} value={form.gridCode} disabled={!territory} data-testid="event-grid" onChange={(e) => set('gridCode', e.target.value)}>
          <option value="">{territory ? t('console.acceptDialog.noGrid') : t('common.loading')}</option>
          {territory &&
            territory.features
              .filter((f) => f.properties.level === 'community')
              .map((community) => (
                <optgroup key={community.id} label={pathOf(territory, community).map((u) => (i18n.language === 'en' ? u.properties.nameEn : u.properties.name)).join(' · ')}>
                  {gridsOf(territory)
                    .filter((g) => g.properties.parentCode === community.properties.code)
                    .map((g) => (
                      <option key={g.id} value={g.properties.code}>
                        {i18n.language === 'en' ? g.properties.nameEn : g.properties.name}
                      </option>
                    ))}
                </optgroup>
              ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.lead}>{t('console.acceptDialog.lead')}</label>
        {departments.error ? (
          <ErrorAlert error={departments.error} title={t('console.acceptDialog.departmentsFailed')} onRetry={departments.retry} />
        ) : (
          <select
            id={ids.lead}
            value={form.leadDepartmentCode}
            disabled={!departments.data}
            aria-invalid={problem('leadDepartment')}
            data-testid="event-lead"
            onChange={(e) => {
              set('leadDepartmentCode', e.target.value);
              set(
                'coDepartmentCodes',
                form.coDepartmentCodes.filter((code) => code !== e.target.value),
              );
            }}
          >
            <DepartmentOptions departments={departments.data ?? null} placeholder={t('console.acceptDialog.chooseLead')} />
          </select>
        )}
        {problem('leadDepartment') && <p className="field-error">{t('console.acceptDialog.problem.leadDepartment')}</p>}
      </div>
      <div className="field">
        <label htmlFor={ids.limit}>{t('console.acceptDialog.timeLimit')}</label>
        <input
          id={ids.limit}
          type="datetime-local"
          value={form.timeLimit}
          aria-invalid={problem('timeLimit') || problem('timeLimitPast')}
          data-testid="event-time-limit"
          onChange={(e) => set('timeLimit', e.target.value)}
        />
        {problem('timeLimit') && <p className="field-error">{t('console.acceptDialog.problem.timeLimit')}</p>}
        {problem('timeLimitPast') && <p className="field-error">{t('console.acceptDialog.problem.timeLimitPast')}</p>}
      </div>
      <fieldset className="field co-departments">
        <legend>
          {t('console.acceptDialog.co')}
          <span className="optional">{t('common.optional')}</span>
        </legend>
        <CoDepartmentChecks
          departments={departments.data ?? null}
          lead={form.leadDepartmentCode}
          co={form.coDepartmentCodes}
          onChange={(codes) => set('coDepartmentCodes', codes)}
          testId="event-co"
        />
      </fieldset>
    </div>
  );
}
