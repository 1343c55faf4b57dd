import type { Ctx } from '../identity/auth/index.ts';
import { type Appeal, type ClassificationCorrection, reclassifyAppeal } from '../appeals/index.ts';
import type { AppealTriage } from './triage.ts';

/**
 * An agent corrects the appeal's type, category or urgency: the appeal takes the agent's labels,
 * and a new type or category becomes a training example and re-indexes the appeal for duplicates.
 */
export async function correctClassification({
  ctx,
  input,
}: {
  ctx: Ctx & { triage: AppealTriage };
  input: { appealId: string; correction: ClassificationCorrection };
}): Promise<Appeal> {
  const corrected = await reclassifyAppeal({ ctx, input });
  const { correction } = input;
  if ((correction.appealType || correction.categoryCode) && ctx.actor.type === 'user') {
    await ctx.triage.learn({
      text: corrected.summary,
      category: corrected.categoryCode,
      appealType: corrected.appealType,
      appealId: corrected.id,
      authorUserId: ctx.actor.user.id,
    });
    ctx.triage.retrack(corrected);
  }
  return corrected;
}
