import { useCallback, useState } from 'react';

const FRESH_MS = 8_000;

/** Rows that just arrived or changed live, highlighted for a few seconds. */
export function useFreshIds() {
  const [freshIds, setFreshIds] = useState<ReadonlySet<string>>(() => new Set());
  const markFresh = useCallback((id: string) => {
    setFreshIds((current) => new Set(current).add(id));
    window.setTimeout(() => {
      setFreshIds((current) => {
        const next = new Set(current);
        next.delete(id);
        return next;
      });
    }, FRESH_MS);
  }, []);
  return { freshIds, markFresh };
}
