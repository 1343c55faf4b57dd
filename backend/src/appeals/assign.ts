import { and, eq, isNull } from 'drizzle-orm';
import type { TxCtx } from '../identity/auth/index.ts';
import type { DomainEvent } from '../platform/domain-events/index.ts';
import { recordAudit } from '../platform/audit/index.ts';
import { type Appeal, appeals } from './schema.ts';

export type AssignedBy = 'routing' | 'claim' | 'reply' | 'transfer';

/**
 * Gives an unassigned pending appeal to a user: only if it is still unassigned and pending (the
 * update's own condition, whatever the caller locked), with `assignedAt`, audited and published.
 * Returns undefined when someone else got it first.
 */
export async function assignIfUnassigned(
  tx: TxCtx,
  publish: (e: DomainEvent) => void,
  appeal: Appeal,
  userId: string,
  by: AssignedBy,
): Promise<Appeal | undefined> {
  const now = new Date();
  const [assigned] = await tx.db
    .update(appeals)
    .set({ assigneeId: userId, assignedAt: now, updatedAt: now })
    .where(and(eq(appeals.id, appeal.id), isNull(appeals.assigneeId), eq(appeals.status, 'pending')))
    .returning();
  if (!assigned) return undefined;
  await recordAudit(tx.db, tx.actor, {
    action: 'appeal.assigned',
    entityType: 'appeal',
    entityId: appeal.id,
    before: { assigneeId: null },
    after: { assigneeId: userId, by },
  });
  publish({ name: 'appeal.updated', payload: { appeal: assigned, change: 'assigned' } });
  return assigned;
}
