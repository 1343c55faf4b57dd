import { useCallback, useEffect, useState } from 'react';
import type { AppealDetail, AppealSummary } from '@hotline/backend/api-types';
import { type ClassificationCorrection, staffApi } from '../api.ts';
import { useAsyncAction } from '../common/useAsyncAction.ts';
import { correctionFrom } from './nlp-format.ts';

/**
 * The agent's pending correction of type, category and urgency. The draft holds only what the
 * agent touched; everything else shows the stored value, so a live update from another agent is
 * never hidden behind a stale copy.
 */
export function useCorrection(appeal: AppealDetail, onSaved: (summary: AppealSummary) => void) {
  const [draft, setDraft] = useState<ClassificationCorrection>({});
  const { busy, error, run, clearError } = useAsyncAction();
  const [saved, setSaved] = useState(false);
  const appealId = appeal.id;

  useEffect(() => {
    setDraft({});
    clearError();
    setSaved(false);
  }, [appealId, clearError]);

  const changes = correctionFrom(appeal, draft);
  const dirty = Object.keys(changes).length > 0;
  const value = {
    appealType: draft.appealType ?? appeal.appealType,
    categoryCode: draft.categoryCode ?? appeal.categoryCode,
    urgency: draft.urgency ?? appeal.urgency,
  };

  const set = useCallback(<K extends keyof ClassificationCorrection>(field: K, next: ClassificationCorrection[K]) => {
    setDraft((current) => ({ ...current, [field]: next }));
    setSaved(false);
  }, []);

  async function save() {
    if (!dirty || busy) return;
    await run(async () => {
      const summary = await staffApi.correctClassification(appealId, changes);
      setDraft({});
      setSaved(true);
      onSaved(summary);
    });
  }

  return { value, dirty, busy, error, saved, set, save, reset: () => setDraft({}) };
}
