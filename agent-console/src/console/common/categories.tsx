import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbort } from '../../shared/api.ts';
import { type CategoryView, staffApi } from '../api.ts';
import { categoryName, groupByPlatform } from './category-format.ts';

interface CategoryIndex {
  list: CategoryView[] | null;
  byCode: ReadonlyMap<string, CategoryView>;
  error: unknown;
  reload(): void;
}

const CategoriesContext = createContext<CategoryIndex>({ list: null, byCode: new Map(), error: null, reload: () => {} });

/**
 * The matter categories, loaded once for the whole console: the queue rows, the appeal view, the
 * correction picker and the hot issues all show codes by name. Until they load (or if they fail),
 * a code is shown as is.
 */
export function CategoriesProvider({ children }: { children: ReactNode }) {
  const [list, setList] = useState<CategoryView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    staffApi.categories(abort.signal).then(
      ({ categories }) => {
        setList(categories);
        setError(null);
      },
      (e: unknown) => {
        if (!isAbort(e)) setError(e);
      },
    );
    return () => abort.abort();
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const value = useMemo(() => ({ list, byCode: new Map((list ?? []).map((c) => [c.code, c])), error, reload }), [list, error, reload]);
  return <CategoriesContext.Provider value={value}>{children}</CategoriesContext.Provider>;
}

export const useCategories = () => useContext(CategoriesContext);

/** `name(code)` in the current language. */
export function useCategoryName(): (code: string) => string {
  const { byCode } = useCategories();
  const { i18n } = useTranslation();
  return useCallback((code: string) => categoryName(code, byCode, i18n.language), [byCode, i18n.language]);
}

/** A category picker's options: the four platforms as groups, each category in the reader's language. */
export function CategoryOptions({ categories }: { categories: readonly CategoryView[] | null }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {groupByPlatform(categories ?? []).map((group) => (
        <optgroup key={group.platform} label={t(`platform.${group.platform}`)}>
          {group.categories.map((category) => (
            <option key={category.code} value={category.code}>
              {i18n.language === 'en' ? category.nameEn : category.name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
