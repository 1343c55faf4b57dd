import { isApiError } from '../../shared/api.ts';
import type { ConflictDetails } from '../contract.ts';

/** Who holds an appeal, from a claim's 409 (`details.assignee`); undefined when it is another conflict. */
export function holderOf(error: unknown): string | undefined {
  if (!isApiError(error, 409)) return undefined;
  const details = error.details as ConflictDetails | undefined;
  return details?.assignee?.displayName;
}
