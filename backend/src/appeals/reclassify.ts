import { eq } from 'drizzle-orm';
import type { Ctx } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import { recordAudit } from '../platform/audit/index.ts';
import { ServiceError } from '../platform/errors/index.ts';
import { categories } from '../reference/taxonomy/index.ts';
import type { ClassificationRecord } from './classification-record.ts';
import { type Appeal, appeals } from './schema.ts';
import { lockAppeal } from './find.ts';

export interface ClassificationCorrection {
  appealType?: NonNullable<Appeal['appealType']>;
  categoryCode?: string;
  urgency?: Appeal['urgency'];
}

/**
 * An agent sets the appeal's type, category or urgency. It is audited, and the classification is
 * marked as corrected so NLP never overwrites it (triage's `correctClassification` also learns from it).
 */
export async function reclassifyAppeal({ ctx, input }: { ctx: Ctx; input: { appealId: string; correction: ClassificationCorrection } }): Promise<Appeal> {
  if (ctx.actor.type !== 'user') throw new ServiceError('forbidden', 'Only staff correct classifications');
  const agent = ctx.actor.user;
  const { correction } = input;
  if (correction.categoryCode) {
    const [known] = await ctx.db.select({ code: categories.code }).from(categories).where(eq(categories.code, correction.categoryCode));
    if (!known) throw new ServiceError('invalid_request', `Unknown category ${correction.categoryCode}`);
  }
  return transact(ctx, async (tx, publish) => {
    const before = await lockAppeal(tx, input.appealId);
    const classification: ClassificationRecord | null = before.classification ? { ...before.classification, correctedBy: agent.displayName } : null;
    const [after] = await tx.db
      .update(appeals)
      .set({
        ...correction,
        ...(correction.categoryCode ? { classificationConfidence: 1 } : {}),
        classification,
        // A correction before triage ran means NLP must not overwrite it: mark it processed.
        nlpProcessedAt: before.nlpProcessedAt ?? new Date(),
        updatedAt: new Date(),
      })
      .where(eq(appeals.id, before.id))
      .returning();
    await recordAudit(tx.db, tx.actor, {
      action: 'appeal.reclassified',
      entityType: 'appeal',
      entityId: before.id,
      before: { appealType: before.appealType, categoryCode: before.categoryCode, urgency: before.urgency },
      after: { appealType: after!.appealType, categoryCode: after!.categoryCode, urgency: after!.urgency },
    });
    publish({ name: 'appeal.updated', payload: { appeal: after!, change: 'classified' } });
    return after!;
  });
}
