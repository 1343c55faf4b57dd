import { type RefObject, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { GridOptions } from '../../citizen/GridSelect.tsx';
import type { TerritoryFeature } from '../../citizen/territory.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { CategoryOptions, useCategories } from '../common/categories.tsx';
import { CoDepartmentChecks, DepartmentOptions } from '../common/DepartmentPicker.tsx';
import { UrgencySelect } from '../common/UrgencySelect.tsx';
import { useConsoleTerritory, useCurrentDepartments } from '../common/useReference.ts';
import type { EventForm, EventFormProblem } from './event-form.ts';
import { HotlineTimeInput } from '../common/HotlineTimeInput.tsx';
import type { SetEventField } from './useEventDraft.ts';

interface EventFieldsProps {
  form: EventForm;
  set: SetEventField;
  problems: EventFormProblem[];
  firstField: RefObject<HTMLSelectElement | null>;
}

/** The event as it will be dispatched: category, urgency, place, lead and co-departments, time limit. */
export function EventFields({ form, set, problems, firstField }: EventFieldsProps) {
  const { t } = useTranslation();
  const ids = { urgency: useId(), address: useId() };
  const departments = useCurrentDepartments();
  const problem = (p: EventFormProblem) => problems.includes(p);

  function changeLead(code: string) {
    set('leadDepartmentCode', code);
    // The lead is never its own co-department.
    set(
      'coDepartmentCodes',
      form.coDepartmentCodes.filter((c) => c !== code),
    );
  }

  return (
    <div className="event-fields">
      <CategoryField value={form.categoryCode} invalid={problem('category')} selectRef={firstField} onChange={(code) => set('categoryCode', code)} />
      <div className="field">
        <label htmlFor={ids.urgency}>{t('console.nlp.urgency')}</label>
        <UrgencySelect id={ids.urgency} value={form.urgency} onChange={(urgency) => set('urgency', urgency)} />
      </div>
      <div className="field">
        <label htmlFor={ids.address}>{t('console.appeal.address')}</label>
        <input id={ids.address} value={form.address} maxLength={200} onChange={(e) => set('address', e.target.value)} />
      </div>
      <GridField value={form.gridCode} onChange={(code) => set('gridCode', code)} />
      <LeadField departments={departments} value={form.leadDepartmentCode} invalid={problem('leadDepartment')} onChange={changeLead} />
      <TimeLimitField value={form.timeLimit} problems={problems} onChange={(value) => set('timeLimit', value)} />
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

interface CategoryFieldProps {
  value: string;
  invalid: boolean;
  selectRef: RefObject<HTMLSelectElement | null>;
  onChange(code: string): void;
}

function CategoryField({ value, invalid, selectRef, onChange }: CategoryFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const { list: categories } = useCategories();
  return (
    <div className="field">
      <label htmlFor={id}>{t('console.acceptDialog.category')}</label>
      <select id={id} ref={selectRef} value={value} aria-invalid={invalid} data-testid="event-category" onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('console.nlp.unclassified')}</option>
        {/* A code the taxonomy no longer has stays visible rather than silently becoming another. */}
        {value && categories && !categories.some((c) => c.code === value) && <option value={value}>{value}</option>}
        <CategoryOptions categories={categories} />
      </select>
      {invalid && <p className="field-error">{t('console.acceptDialog.problem.category')}</p>}
    </div>
  );
}

function GridField({ value, onChange }: { value: string; onChange(code: string): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { territory } = useConsoleTerritory();
  const nameOf = (f: TerritoryFeature) => (i18n.language === 'en' ? f.properties.nameEn : f.properties.name);
  return (
    <div className="field">
      <label htmlFor={id}>{t('console.appeal.grid')}</label>
      <select id={id} value={value} disabled={!territory} data-testid="event-grid" onChange={(e) => onChange(e.target.value)}>
        <option value="">{territory ? t('console.acceptDialog.noGrid') : t('common.loading')}</option>
        {territory && <GridOptions territory={territory} nameOf={nameOf} />}
      </select>
    </div>
  );
}

interface LeadFieldProps {
  departments: ReturnType<typeof useCurrentDepartments>;
  value: string;
  invalid: boolean;
  onChange(code: string): void;
}

function LeadField({ departments, value, invalid, onChange }: LeadFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('console.acceptDialog.lead')}</label>
      {departments.error ? (
        <ErrorAlert error={departments.error} title={t('console.acceptDialog.departmentsFailed')} onRetry={departments.retry} />
      ) : (
        <select id={id} value={value} disabled={!departments.data} aria-invalid={invalid} data-testid="event-lead" onChange={(e) => onChange(e.target.value)}>
          <DepartmentOptions departments={departments.data ?? null} placeholder={t('console.acceptDialog.chooseLead')} />
        </select>
      )}
      {invalid && <p className="field-error">{t('console.acceptDialog.problem.leadDepartment')}</p>}
    </div>
  );
}

function TimeLimitField({ value, problems, onChange }: { value: string; problems: EventFormProblem[]; onChange(value: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  const missing = problems.includes('timeLimit');
  const past = problems.includes('timeLimitPast');
  return (
    <div className="field">
      <label htmlFor={id}>{t('console.acceptDialog.timeLimit')}</label>
      <HotlineTimeInput id={id} value={value} invalid={missing || past} testId="event-time-limit" onChange={onChange} />
      {missing && <p className="field-error">{t('console.acceptDialog.problem.timeLimit')}</p>}
      {past && <p className="field-error">{t('console.acceptDialog.problem.timeLimitPast')}</p>}
    </div>
  );
}
