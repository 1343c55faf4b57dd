import { useEffect, useState } from 'react';
import type { TerritoryCollection } from '../citizen/territory.ts';
import { staffApi } from './api.ts';

let cached: Promise<TerritoryCollection> | null = null;

/** The district's GeoJSON, loaded once for the whole console (maps, grid pickers, heat map); a failure is retried on the next use. */
function loadTerritory(): Promise<TerritoryCollection> {
  cached ??= staffApi.territory().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

export function useConsoleTerritory() {
  const [territory, setTerritory] = useState<TerritoryCollection | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    loadTerritory().then(
      (loaded) => live && setTerritory(loaded),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return {
    territory,
    error,
    retry: () => {
      setError(null);
      setAttempt((n) => n + 1);
    },
  };
}
