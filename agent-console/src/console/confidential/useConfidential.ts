import { useEffect, useState } from 'react';
import type { AppealSummary } from '@hotline/backend/api-types';
import { staffApi } from '../api.ts';
import { useAsyncAction } from '../common/useAsyncAction.ts';

/**
 * 举报人保密 by hand: marking or clearing it, with its progress, its failure, and a "saved" word for
 * screen readers. The stored value always comes from the appeal, so a colleague's change shows at once.
 */
export function useConfidential(appealId: string, onSaved: (summary: AppealSummary) => void) {
  const { busy, error, run, clearError } = useAsyncAction();
  const [saved, setSaved] = useState<boolean | null>(null);

  useEffect(() => {
    clearError();
    setSaved(null);
  }, [appealId, clearError]);

  async function set(confidential: boolean) {
    if (busy) return;
    setSaved(null);
    await run(async () => {
      const summary = await staffApi.setConfidential(appealId, confidential);
      setSaved(summary.confidential);
      onSaved(summary);
    });
  }

  return { busy, error, saved, set };
}
