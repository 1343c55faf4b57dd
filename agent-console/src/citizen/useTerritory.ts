import { useEffect, useState } from 'react';
import { isAbort } from '../shared/api.ts';
import { citizenApi } from './api.ts';
import type { TerritoryCollection } from './territory.ts';

/** The district's GeoJSON, loaded once per page. */
export function useTerritory() {
  const [territory, setTerritory] = useState<TerritoryCollection | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const abort = new AbortController();
    citizenApi.territory(abort.signal).then(setTerritory, (e: unknown) => {
      if (!isAbort(e)) setError(e);
    });
    return () => abort.abort();
  }, []);
  return { territory, error };
}
