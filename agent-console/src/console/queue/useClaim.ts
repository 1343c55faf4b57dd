import { useCallback, useEffect, useState } from 'react';
import type { AppealSummary } from '@hotline/backend/api-types';
import { isApiError } from '../../shared/api.ts';
import { staffApi } from '../api.ts';

/** How long a failed claim's notice stays: long enough to read, not pinned across the shift. */
export const CLAIM_NOTICE_MS = 12_000;

export interface ClaimFailure {
  appealId: string;
  caseNumber: string;
  error: unknown;
}

/**
 * 领取: take an unassigned appeal. Two agents can click at once; the server gives it to one and
 * answers the other 409 with who holds it, which the console shows as "由 X 处理中".
 */
export function useClaim(options: { beforeClaim(appealId: string): void; onClaimed(summary: AppealSummary): void; onConflict(appealId: string): void }) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<ClaimFailure | null>(null);
  const { beforeClaim, onClaimed, onConflict } = options;
  useEffect(() => {
    if (!failure) return;
    const timer = setTimeout(() => setFailure((current) => (current === failure ? null : current)), CLAIM_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [failure]);

  const claim = useCallback(
    async (appeal: Pick<AppealSummary, 'id' | 'caseNumber'>) => {
      setBusyId(appeal.id);
      setFailure(null);
      beforeClaim(appeal.id);
      try {
        onClaimed(await staffApi.claim(appeal.id));
      } catch (error) {
        setFailure({ appealId: appeal.id, caseNumber: appeal.caseNumber, error });
        if (isApiError(error, 409)) onConflict(appeal.id);
      } finally {
        setBusyId(null);
      }
    },
    [beforeClaim, onClaimed, onConflict],
  );

  return { busyId, failure, claim, dismiss: () => setFailure(null) };
}

export type Claim = ReturnType<typeof useClaim>;
