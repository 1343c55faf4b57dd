import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerritoryCollection } from '../../citizen/territory.ts';
import { isAbort } from '../../shared/api.ts';
import { staffApi } from '../api.ts';
import type { CannedReply, DepartmentView } from '../contract.ts';

/**
 * Reference data that rarely changes (canned replies, departments, the district's map): loaded
 * once per console and shared by every component that asks; a failure is forgotten so the next
 * ask retries.
 */
function cachedLoader<T>(load: () => Promise<T>) {
  let cached: Promise<T> | null = null;
  return () => {
    cached ??= load().catch((error: unknown) => {
      cached = null;
      throw error;
    });
    return cached;
  };
}

const loadCanned = cachedLoader(() => staffApi.cannedReplies().then((r) => r.replies));
const loadDepartments = cachedLoader(() => staffApi.departments().then((r) => r.departments));
const loadTerritory = cachedLoader(() => staffApi.territory());

function useCached<T>(load: () => Promise<T>, enabled = true) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setError(null);
    load().then(
      (loaded) => live && setData(loaded),
      (e: unknown) => live && !isAbort(e) && setError(e),
    );
    return () => {
      live = false;
    };
  }, [load, enabled, attempt]);
  const retry = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);
  return { data, error, loading: enabled && data === null && error === null, retry };
}

/** 常用语, loaded the first time the menu opens. */
export const useCannedReplies = (enabled: boolean) => useCached<CannedReply[]>(loadCanned, enabled);
/** 职能部门 and 镇街联动分中心, for the accept dialog and the event panel. */
export const useDepartments = (enabled = true) => useCached<DepartmentView[]>(loadDepartments, enabled);

/** The departments new work can go to: the retired ones (撤销) are left out of every picker. */
export function useCurrentDepartments(enabled = true) {
  const all = useDepartments(enabled);
  const data = useMemo(() => all.data?.filter((d) => !d.retired) ?? null, [all.data]);
  return { ...all, data };
}

export const departmentName = (department: DepartmentView, language: string) => (language === 'en' ? department.nameEn : department.name);

/** A department's name in the current language; its code until the list loads (or if it is not on it). */
export function useDepartmentName(): (code: string) => string {
  const { i18n } = useTranslation();
  const { data } = useDepartments();
  return (code) => {
    const department = data?.find((d) => d.code === code);
    return department ? departmentName(department, i18n.language) : code;
  };
}

/** The district's GeoJSON, for the maps, the grid pickers and the heat map. */
export function useConsoleTerritory() {
  const { data, error, retry } = useCached<TerritoryCollection>(loadTerritory);
  return { territory: data, error, retry };
}
