import type { AppealSummary, SessionUser } from '@hotline/backend/api-types';

type Holding = Pick<AppealSummary, 'assignee' | 'status'>;

/** Agents hand over only what they hold; supervisors and admins any pending appeal (taking one over is a transfer to themselves). */
export function mayTransfer(appeal: Holding, user: SessionUser): boolean {
  if (appeal.status !== 'pending') return false;
  return user.role === 'agent' ? appeal.assignee?.id === user.id : true;
}

/** Whether someone else holds the appeal: agents then leave it to them (supervisors may still act). */
function heldByOther(appeal: Holding, user: SessionUser): boolean {
  return appeal.status === 'pending' && appeal.assignee !== null && appeal.assignee.id !== user.id;
}

/** An agent may not decide or answer what a colleague holds (首问负责制); supervisors may. */
export const blockedFor = (appeal: Holding, user: SessionUser) => heldByOther(appeal, user) && user.role === 'agent';
