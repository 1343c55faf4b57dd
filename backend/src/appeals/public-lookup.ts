import type { Ctx } from '../context.ts';
import { findAppeal, findAppealByCaseNumber } from './queries.ts';
import type { Appeal, AppealStatus } from './schema.ts';
import type { PublicAppeal } from './views.ts';

/** How a status is told to a citizen, on any channel. */
export const statusWords: Record<AppealStatus, string> = {
  pending: '待受理',
  accepted: '已受理，正在办理',
  rejected: '不予受理',
  merged: '已并入其他案件办理',
  answered: '已直接答复并办结',
};

/** Why it was decided so: the reason of a rejection, or the case a duplicate was merged into. */
async function decisionNote(ctx: Ctx, appeal: Appeal): Promise<string | null> {
  if (appeal.status === 'merged' && appeal.duplicateOfId) return `已并入案件 ${(await findAppeal(ctx.db, appeal.duplicateOfId)).caseNumber} 一并办理`;
  return appeal.rejectReason;
}

/** Progress by case number, for anyone who holds it: no name, no phone, no text. */
export async function lookupPublicAppeal({ ctx, input }: { ctx: Ctx; input: { caseNumber: string } }): Promise<PublicAppeal> {
  const appeal = await findAppealByCaseNumber(ctx.db, input.caseNumber);
  const progress: PublicAppeal['progress'] = [{ step: 'received', at: appeal.createdAt.toISOString(), note: null }];
  if (appeal.decidedAt && appeal.status !== 'pending') {
    progress.push({ step: appeal.status, at: appeal.decidedAt.toISOString(), note: await decisionNote(ctx, appeal) });
  }
  return {
    caseNumber: appeal.caseNumber,
    status: appeal.status,
    channel: appeal.channel,
    submittedAt: appeal.createdAt.toISOString(),
    decidedAt: appeal.decidedAt?.toISOString() ?? null,
    rejectReason: appeal.rejectReason,
    progress,
  };
}
