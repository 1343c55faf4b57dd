import { useState } from 'react';
import { isApiError } from '../../shared/api.ts';
import { type TerritoryCheck, type TerritoryCounts, type TerritoryIssue, staffApi } from '../api.ts';

type State =
  | { step: 'empty' }
  | { step: 'checking'; name: string }
  | { step: 'checked'; name: string; file: unknown; check: TerritoryCheck }
  | { step: 'importing'; name: string; file: unknown; check: TerritoryCheck }
  | { step: 'imported'; name: string; counts: TerritoryCounts }
  | { step: 'unreadable'; name: string; message: string }
  | { step: 'failed'; name: string; error: unknown };

/** The issues of a refused import, as the server listed them in details.issues. */
const issuesOf = (error: unknown): TerritoryIssue[] | undefined =>
  isApiError(error, 400) ? (error.details as { issues?: TerritoryIssue[] } | undefined)?.issues : undefined;

/** Choose a file → dry run at once → import when it passed; a refusal at import shows its issues like the dry run's. */
export function useTerritoryImport() {
  const [state, setState] = useState<State>({ step: 'empty' });

  async function choose(file: File) {
    const name = file.name;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (error) {
      setState({ step: 'unreadable', name, message: (error as Error).message });
      return;
    }
    setState({ step: 'checking', name });
    try {
      setState({ step: 'checked', name, file: parsed, check: await staffApi.validateTerritory(parsed) });
    } catch (error) {
      setState({ step: 'failed', name, error });
    }
  }

  async function importChecked(): Promise<TerritoryCounts | null> {
    if (state.step !== 'checked' || !state.check.valid) return null;
    const { name, file, check } = state;
    setState({ step: 'importing', name, file, check });
    try {
      const counts = await staffApi.importTerritory(file);
      setState({ step: 'imported', name, counts });
      return counts;
    } catch (error) {
      const issues = issuesOf(error);
      setState(issues ? { step: 'checked', name, file, check: { valid: false, issues, counts: null } } : { step: 'failed', name, error });
      return null;
    }
  }

  return { state, choose, importChecked };
}

/** Downloads the stored territory as a .geojson file. */
export async function downloadTerritory(): Promise<void> {
  const collection = await staffApi.exportTerritory();
  const url = URL.createObjectURL(new Blob([JSON.stringify(collection, null, 1)], { type: 'application/geo+json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'territory.geojson';
  link.click();
  URL.revokeObjectURL(url);
}
