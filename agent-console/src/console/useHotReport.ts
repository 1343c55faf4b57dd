import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HotReport } from '@hotline/backend/api-types';
import type { TerritoryCollection } from '../citizen/territory.ts';
import { isAbort } from '../shared/api.ts';
import { type HotPeriod, staffApi } from './api.ts';
import { useConsoleTerritory } from './useConsoleTerritory.ts';

/** The report for one period and street; a change of filter cancels the request still in flight. */
export function useHotReport(period: HotPeriod, streetCode: string | null) {
  const key = `${period}|${streetCode ?? ''}`;
  const [result, setResult] = useState<{ key: string; report: HotReport } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    setError(null);
    staffApi.hotReport({ period, streetCode }, abort.signal).then(
      (fresh) => {
        setResult({ key, report: fresh });
        setLoading(false);
      },
      (e: unknown) => {
        if (isAbort(e)) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => abort.abort();
  }, [key, period, streetCode, attempt]);

  const refetch = useCallback(() => setAttempt((n) => n + 1), []);
  // A report for other filters is not shown while the new one loads: the figures would mislead.
  return { report: result?.key === key ? result.report : null, loading, error, refetch };
}

export interface Street {
  code: string;
  name: string;
  nameEn: string;
}

/** The district's streets and towns (街道/镇) from the public territory, in the territory's order. */
export function streetsOf(territory: TerritoryCollection): Street[] {
  return territory.features.filter((f) => f.properties.level === 'street').map(({ properties: { code, name, nameEn } }) => ({ code, name, nameEn }));
}

/** The street filter's options; if the territory does not load, the filter offers "all" only. */
export function useStreets(): Street[] {
  const { territory } = useConsoleTerritory();
  return useMemo(() => (territory ? streetsOf(territory) : []), [territory]);
}
