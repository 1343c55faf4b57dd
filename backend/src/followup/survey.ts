import { and, desc, eq, gte, isNotNull, isNull } from 'drizzle-orm';
import type { Channel } from '@hotline/channels';
import type { Ctx, TxCtx } from '../identity/context.ts';
import { transact } from '../platform/context/index.ts';
import type { DomainEvent } from '../platform/domain-events/index.ts';
import { recordAudit } from '../platform/audit/index.ts';
import { type Appeal, appeals } from '../appeals/schema.ts';
import { events } from '../linkage/schema.ts';
import { recordStep } from '../linkage/record-step.ts';
import { UNSATISFIED_AT_MOST } from '../linkage/steps.ts';
import { deliver, storeOutbound } from '../messaging/outbound.ts';

/** How long a 回访 question stays open: a "5" a month later is a new message, not an answer. */
export const SURVEY_WINDOW_MS = 7 * 24 * 3600_000;

/** The question citizens get with the closure notice; the answer is read by `ratingOf`. */
export const SURVEY_QUESTION = '请回复数字 1-5 评价：5 非常满意，4 满意，3 基本满意，2 不满意，1 非常不满意。';

/**
 * A survey answer is a rating alone — "5", "５", "5分", "5星", " 5 " — so an ordinary message that
 * happens to start with a digit is never taken for one.
 */
export function ratingOf(text: string): number | undefined {
  const match = /^([1-5])\s*[分星]?$/.exec(text.normalize('NFKC').trim());
  return match ? Number(match[1]) : undefined;
}

/** What the citizen is told after rating, on the channel they rated on. */
export function surveyThanks(rating: number): string {
  return rating <= UNSATISFIED_AT_MOST
    ? `感谢您的评价（${rating} 分）。很抱歉未能让您满意，我们将核查办理情况并尽快与您联系。`
    : `感谢您的评价（${rating} 分），祝您生活愉快！`;
}

const channelWords: Record<Channel, string> = { sms: '短信', wechat: '微信', web: '网页', voice: '电话' };

/**
 * The contact's appeal whose survey waits for an answer — asked within the window and not yet
 * rated, the newest if several — locked so two answers arriving together rate it once.
 */
export async function awaitingSurvey(tx: TxCtx, contactId: string, at: Date): Promise<Appeal | undefined> {
  const [appeal] = await tx.db
    .select()
    .from(appeals)
    .where(
      and(
        eq(appeals.contactId, contactId),
        isNotNull(appeals.surveyAskedAt),
        isNull(appeals.satisfaction),
        gte(appeals.surveyAskedAt, new Date(at.getTime() - SURVEY_WINDOW_MS)),
      ),
    )
    .orderBy(desc(appeals.surveyAskedAt))
    .limit(1)
    .for('update');
  return appeal;
}

/**
 * Records a citizen's 回访 rating on their appeal and, on the event it belongs to, a `callback`
 * step (no staff actor; the state stays), so the timeline, assessment and consoles see it at once.
 * `ratedAt` is the answering message's time: a provider's retry of that message is recognised by it.
 */
export async function recordSurveyAnswer(
  tx: TxCtx,
  publish: (e: DomainEvent) => void,
  appeal: Appeal,
  answer: { satisfaction: number; channel: Channel; at: Date },
): Promise<Appeal> {
  const [rated] = await tx.db
    .update(appeals)
    .set({ satisfaction: answer.satisfaction, ratedAt: answer.at, ratedVia: answer.channel, updatedAt: new Date() })
    .where(eq(appeals.id, appeal.id))
    .returning();
  await recordAudit(tx.db, tx.actor, { action: 'appeal.rated', entityType: 'appeal', entityId: appeal.id, after: { satisfaction: answer.satisfaction, ratedVia: answer.channel } });
  // A merged duplicate's reporter rates the event of the case it joined.
  const [event] = await tx.db
    .select()
    .from(events)
    .where(eq(events.appealId, appeal.duplicateOfId ?? appeal.id))
    .for('update');
  if (event) {
    await recordStep(tx, publish, {
      event,
      action: 'callback',
      fromStatus: event.status,
      departmentCode: event.leadDepartmentCode,
      note: `${channelWords[answer.channel]}评价 ${answer.satisfaction} 分`,
      detail: appeal.id,
      audit: { after: { appealId: appeal.id, satisfaction: answer.satisfaction, ratedVia: answer.channel } },
    });
  }
  publish({ name: 'appeal.updated', payload: { appeal: rated!, change: 'message' } });
  return rated!;
}

/** The rating a stored inbound message gave, if it was the one that rated its appeal (see `recordSurveyAnswer`). */
export function ratingGivenBy(message: { direction: 'in' | 'out'; receivedAt: Date }, appeal: Appeal): number | undefined {
  if (message.direction !== 'in' || appeal.satisfaction === null || !appeal.ratedAt) return undefined;
  return appeal.ratedAt.getTime() === message.receivedAt.getTime() ? appeal.satisfaction : undefined;
}

/** A web visitor has no inline reply: the thanks go to their chat, stored first like every message to a citizen. */
export async function thankOnChat(ctx: Ctx, appeal: Appeal, rating: number): Promise<void> {
  const thanks = await transact(ctx, (tx, publish) => storeOutbound(tx, publish, appeal, surveyThanks(rating)));
  await deliver(ctx, thanks);
}
