import type { AppealSummary } from '@hotline/backend/api-types';
import { compareFor } from './queue-order.ts';

/** The agent's own pending work (我的), kept in the queue's order as updates arrive. */
export function withMine(list: readonly AppealSummary[], appeal: AppealSummary, userId: string): AppealSummary[] {
  const rest = list.filter((item) => item.id !== appeal.id);
  if (appeal.status !== 'pending' || appeal.assignee?.id !== userId) return rest.length === list.length ? (list as AppealSummary[]) : rest;
  return [...rest, appeal].sort(compareFor('pending'));
}

/**
 * Whether an update hands the agent work they did not have and did not take themselves: routing or
 * a colleague's transfer. `known` is what the console knew of who held it; `claimed` what this
 * console just claimed.
 */
export function isNewAssignment(appeal: AppealSummary, userId: string, knownAssigneeId: string | null | undefined, claimed: ReadonlySet<string>): boolean {
  return appeal.status === 'pending' && appeal.assignee?.id === userId && knownAssigneeId !== userId && !claimed.has(appeal.id);
}
