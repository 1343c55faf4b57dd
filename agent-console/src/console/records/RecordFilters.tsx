import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories, CategoryOptions } from '../common/categories.tsx';
import { DepartmentOptions } from '../common/DepartmentPicker.tsx';
import { useConsoleTerritory, useDepartments } from '../common/useReference.ts';
import { formValuesOf, queryOfForm } from './records-query.ts';

const CHANNELS = ['voice', 'sms', 'wechat', 'web'] as const;
const STATUSES = ['pending', 'accepted', 'rejected', 'merged', 'answered'] as const;
const EVENT_STATUSES = ['dispatched', 'handling', 'reported', 'returned', 'closed', 'cancelled'] as const;
const TYPES = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
const URGENCY = ['normal', 'urgent', 'emergency'] as const;
const RATINGS = ['satisfied', 'neutral', 'unsatisfied', 'none'] as const;
const OVERDUE = ['sign', 'yellow', 'red'] as const;
const SORTS = ['received', 'urgency', 'timeLeft'] as const;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="records-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** A select of fixed values, with an "any" first unless one must be chosen; the value shown comes from the query. */
function Choice<T extends string>(props: { name: string; label: string; values: readonly T[]; labelOf(v: T): string; value: string; required?: boolean }) {
  const { name, label, values, labelOf, value, required } = props;
  const { t } = useTranslation();
  return (
    <Field label={label}>
      <select name={name} defaultValue={value}>
        {!required && <option value="">{t('records.any')}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {labelOf(v)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * The filters as one form whose field names are the API's: submitting it writes its query string
 * into the address bar. Enter in any box searches.
 */
export function RecordFilters({ query, onSearch }: { query: string; onSearch(query: string): void }) {
  const { t, i18n } = useTranslation();
  const values = formValuesOf(query);
  const { data: departments } = useDepartments();
  const { territory } = useConsoleTerritory();
  const { list: categories } = useCategories();
  const streets = territory?.features.filter((f) => f.properties.level === 'street') ?? [];
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onSearch(queryOfForm(new FormData(e.currentTarget)));
  };
  return (
    <form className="records-filters card" onSubmit={submit} aria-label={t('records.filters')} key={query}>
      <div className="records-search-row">
        <Field label={t('records.q')}>
          <input name="q" type="search" defaultValue={values.get('q')} placeholder={t('records.qPlaceholder')} data-testid="records-q" />
        </Field>
        <Field label={t('records.number')}>
          <input name="number" type="search" defaultValue={values.number} placeholder={t('records.numberPlaceholder')} data-testid="records-number" />
        </Field>
        <button type="submit" className="button button-primary" data-testid="records-submit">
          {t('records.search')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onSearch('')}>
          {t('common.clear')}
        </button>
      </div>
      <div className="records-filter-grid">
        <Field label={t('records.receivedFrom')}>
          <input name="receivedFromDay" type="date" defaultValue={values.day('receivedFromDay')} />
        </Field>
        <Field label={t('records.receivedTo')}>
          <input name="receivedToDay" type="date" defaultValue={values.day('receivedToDay')} />
        </Field>
        <Choice name="channel" label={t('records.channel')} values={CHANNELS} labelOf={(v) => t(`channel.${v}`)} value={values.get('channel')} />
        <Choice name="status" label={t('records.status')} values={STATUSES} labelOf={(v) => t(`status.${v}`)} value={values.get('status')} />
        <Choice
          name="eventStatus"
          label={t('records.eventStatus')}
          values={EVENT_STATUSES}
          labelOf={(v) => t(`events.status.${v}`)}
          value={values.get('eventStatus')}
        />
        <Choice name="type" label={t('records.type')} values={TYPES} labelOf={(v) => t(`appealType.${v}`)} value={values.get('type')} />
        <Choice name="urgency" label={t('records.urgency')} values={URGENCY} labelOf={(v) => t(`urgency.${v}`)} value={values.get('urgency')} />
        <Choice name="rating" label={t('records.rating')} values={RATINGS} labelOf={(v) => t(`records.ratings.${v}`)} value={values.get('rating')} />
        <Field label={t('records.category')}>
          <select name="category" defaultValue={values.get('category')}>
            <option value="">{t('records.any')}</option>
            <CategoryOptions categories={categories} />
          </select>
        </Field>
        <Field label={t('records.street')}>
          <select name="street" defaultValue={values.get('street')} data-testid="records-street">
            <option value="">{t('records.any')}</option>
            {streets.map((s) => (
              <option key={s.properties.code} value={s.properties.code}>
                {i18n.language === 'en' ? s.properties.nameEn : s.properties.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('records.department')}>
          <select name="department" defaultValue={values.get('department')}>
            <DepartmentOptions departments={departments} placeholder={t('records.any')} />
          </select>
        </Field>
        <Choice name="sort" label={t('records.sort')} values={SORTS} labelOf={(v) => t(`records.sorts.${v}`)} value={values.get('sort')} required />
        <fieldset className="records-overdue">
          <legend>{t('records.overdue')}</legend>
          {OVERDUE.map((o) => (
            <label key={o} className="records-check">
              <input type="checkbox" name="overdue" value={o} defaultChecked={values.list('overdue').includes(o)} data-testid={`records-overdue-${o}`} />
              {t(`records.warnings.${o}`)}
            </label>
          ))}
        </fieldset>
      </div>
    </form>
  );
}
