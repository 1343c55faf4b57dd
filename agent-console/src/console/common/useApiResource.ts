import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../../shared/api.ts';

/**
 * Loads what `key` names with `load`; a new key cancels the request in flight, and an answer for
 * an older key is never shown for the new one (figures for another month or filter would mislead).
 * `replace` edits the loaded value in place, e.g. with a row an action returned.
 */
export function useApiResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>) {
  const [result, setResult] = useState<{ key: string; value: T } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  // The loader is a fresh closure each render; only the key (and a refetch) should reload.
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    setError(null);
    loader.current(abort.signal).then(
      (value) => {
        setResult({ key, value });
        setLoading(false);
      },
      (e: unknown) => {
        if (isAbort(e)) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => abort.abort();
  }, [key, attempt]);

  const refetch = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((update: (value: T) => T) => setResult((r) => (r ? { key: r.key, value: update(r.value) } : r)), []);
  return { value: result?.key === key ? result.value : null, loading, error, refetch, replace };
}
