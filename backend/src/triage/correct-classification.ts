import { eq } from 'drizzle-orm';
import type { Ctx } from '../platform/context.ts';
import { transact } from '../platform/context.ts';
import { recordAudit } from '../platform/audit/record.ts';
import { ServiceError } from '../platform/errors/errors.ts';
import { categories } from '../reference/taxonomy/schema.ts';
import type { ClassificationRecord } from '../appeals/classification-record.ts';
import { type Appeal, appeals } from '../appeals/schema.ts';
import { lockAppeal } from '../appeals/reply.ts';

export interface ClassificationCorrection {
  appealType?: NonNullable<Appeal['appealType']>;
  categoryCode?: string;
  urgency?: Appeal['urgency'];
}

/**
 * An agent sets the appeal's type, category or urgency. It is audited, the classification is
 * marked as corrected (NLP never overwrites it), and the text becomes a training example.
 */
export async function correctClassification({ ctx, input }: { ctx: Ctx; input: { appealId: string; correction: ClassificationCorrection } }): Promise<Appeal> {
  if (ctx.actor.type !== 'user') throw new ServiceError('forbidden', 'Only staff correct classifications');
  const agent = ctx.actor.user;
  const { correction } = input;
  if (correction.categoryCode) {
    const [known] = await ctx.db.select({ code: categories.code }).from(categories).where(eq(categories.code, correction.categoryCode));
    if (!known) throw new ServiceError('invalid_request', `Unknown category ${correction.categoryCode}`);
  }
  const corrected = await transact(ctx, async (tx, publish) => {
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
  if (correction.appealType || correction.categoryCode) {
    await ctx.triage?.learn({ text: corrected.summary, category: corrected.categoryCode, appealType: corrected.appealType, appealId: corrected.id, authorUserId: agent.id });
    ctx.triage?.retrack(corrected);
  }
  return corrected;
}
