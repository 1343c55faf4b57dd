import { eq, inArray, sql } from 'drizzle-orm';
import type { Channel } from '@hotline/channels';
import type { TxCtx } from '../identity/auth/index.ts';
import type { Tx } from '../platform/db/index.ts';
import { recordAudit } from '../platform/audit/index.ts';
import { type Appeal, appeals } from './schema.ts';

/** How a rating came: by the citizen on a channel, or by staff calling them back. */
export type RatedVia = Channel | 'phone';

/**
 * Opens the 回访 survey of each reporter of a closed event, clearing a rating of an earlier closure
 * (a reopened event closing again) so the citizen is asked afresh — but never one given since this
 * closure (`closedAt`), such as a phone call-back recorded before the notice went out.
 */
export async function askForRatings(tx: Tx, appealIds: string[], askedAt: Date, closedAt: Date): Promise<void> {
  if (!appealIds.length) return;
  const ratedBefore = sql`${appeals.ratedAt} < ${closedAt}`;
  await tx
    .update(appeals)
    .set({
      surveyAskedAt: askedAt,
      satisfaction: sql`case when ${ratedBefore} then null else ${appeals.satisfaction} end`,
      ratedAt: sql`case when ${ratedBefore} then null else ${appeals.ratedAt} end`,
      ratedVia: sql`case when ${ratedBefore} then null else ${appeals.ratedVia} end`,
    })
    .where(inArray(appeals.id, appealIds));
}

/**
 * Records a citizen's 1–5 rating on their appeal, audited. `at` is the answering message's time (or
 * now, for a call-back): a provider's retry of that message is recognised by it.
 */
export async function recordRating(tx: TxCtx, appealId: string, rating: { satisfaction: number; via: RatedVia; at: Date }): Promise<Appeal> {
  const [rated] = await tx.db
    .update(appeals)
    .set({ satisfaction: rating.satisfaction, ratedAt: rating.at, ratedVia: rating.via, updatedAt: new Date() })
    .where(eq(appeals.id, appealId))
    .returning();
  await recordAudit(tx.db, tx.actor, {
    action: 'appeal.rated',
    entityType: 'appeal',
    entityId: appealId,
    after: { satisfaction: rating.satisfaction, ratedVia: rating.via },
  });
  return rated!;
}
