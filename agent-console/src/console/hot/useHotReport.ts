import { useMemo } from 'react';
import type { TerritoryCollection } from '../../citizen/territory.ts';
import { useApiResource } from '../common/useApiResource.ts';
import { type HotPeriod, staffApi } from '../api.ts';
import { useConsoleTerritory } from '../common/useReference.ts';

/** The report for one period and street; a change of filter cancels the request still in flight. */
export function useHotReport(period: HotPeriod, streetCode: string | null) {
  const { value, loading, error, refetch } = useApiResource(`${period}|${streetCode ?? ''}`, (signal) => staffApi.hotReport({ period, streetCode }, signal));
  return { report: value, loading, error, refetch };
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
