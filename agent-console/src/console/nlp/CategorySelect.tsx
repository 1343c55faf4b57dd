import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { CategoryOptions, useCategories, useCategoryName } from '../common/categories.tsx';

interface CategorySelectProps {
  id: string;
  selectRef: Ref<HTMLSelectElement>;
  value: string | null;
  onChange(code: string): void;
}

/** Every category, grouped by the four platforms; the `c` shortcut focuses it. */
export function CategorySelect({ id, selectRef, value, onChange }: CategorySelectProps) {
  const { t } = useTranslation();
  const { list, byCode, error, reload } = useCategories();
  const name = useCategoryName();
  if (error && !list) return <ErrorAlert error={error} title={t('console.nlp.categoriesFailed')} onRetry={reload} />;
  return (
    <select
      id={id}
      ref={selectRef}
      value={value ?? ''}
      disabled={!list}
      aria-keyshortcuts="c"
      onChange={(e) => onChange(e.target.value)}
      data-testid="category-select"
    >
      {(value === null || !list) && (
        <option value="" disabled>
          {list ? t('console.nlp.unclassified') : t('common.loading')}
        </option>
      )}
      {/* A stored code the taxonomy no longer has stays visible rather than silently becoming another. */}
      {value !== null && list && !byCode.has(value) && <option value={value}>{name(value)}</option>}
      <CategoryOptions categories={list} />
    </select>
  );
}

/** Category labels by name; "None" (not an appeal) and codes missing from the taxonomy are not offered. */
export function useCategoryLabel() {
  const { list, byCode } = useCategories();
  const name = useCategoryName();
  return (code: string) => (code === 'None' || (list && !byCode.has(code)) ? null : name(code));
}
