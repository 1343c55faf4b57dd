import type { AppealSummary } from '@hotline/backend/api-types';
import { staffApi } from '../api.ts';

/** Pages of the pending queue read to see all of it: far beyond any agent's capacity. */
const PAGES = 5;
const PAGE_SIZE = 100;

/** The whole pending queue (up to 500), for 我的 and for the wall's 改派 / 接管. */
export async function listAllPending(signal?: AbortSignal): Promise<AppealSummary[]> {
  const found: AppealSummary[] = [];
  for (let page = 1; page <= PAGES; page++) {
    const result = await staffApi.listAppeals({ status: 'pending', page, pageSize: PAGE_SIZE }, signal);
    found.push(...result.items);
    if (page * PAGE_SIZE >= result.total) break;
  }
  return found;
}
