import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../shared/api.ts';
import { staffApi } from './api.ts';
import type { CannedReply, DepartmentView } from './contract.ts';

/**
 * Reference lists that rarely change (canned replies, departments): loaded once per console and
 * shared by every component that asks; a failure is forgotten so the next ask retries.
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
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading: enabled && data === null && error === null, retry };
}

/** 常用语, loaded the first time the menu opens. */
export const useCannedReplies = (enabled: boolean) => useCached<CannedReply[]>(loadCanned, enabled);
/** 职能部门 and 镇街联动分中心, for the accept dialog and the event panel. */
export const useDepartments = (enabled = true) => useCached<DepartmentView[]>(loadDepartments, enabled);
