import { and, desc, eq, gte, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Channel, InboundMessage } from '@hotline/channels';
import type { Ctx, TxCtx } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import { type CitizenLanguage, citizenTexts } from '../platform/texts/index.ts';
import type { DomainEvent } from '../platform/domain-events/index.ts';
import { contactOfIdentity } from '../identity/contacts/index.ts';
import { type Message, deliver, findStoredInbound, storeInboundMessages, storeOutbound } from '../messaging/index.ts';
import { type Appeal, addMessageToAppeal, appeals, findAppeal, recordRating } from '../appeals/index.ts';
import { ratingOf } from '../intake/index.ts';
import { UNSATISFIED_AT_MOST, events, recordStep } from '../linkage/index.ts';

/** How long a 回访 question stays open: a "5" a month later is a new message, not an answer. */
export const SURVEY_WINDOW_MS = 7 * 24 * 3600_000;

/** What the citizen is told after rating (or rating too early), on the channel they rated on. */
export function surveyReply(language: CitizenLanguage, answer: Pick<SurveyAnswer, 'appeal' | 'rating' | 'early'>): string {
  const { survey } = citizenTexts(language);
  return answer.early ? survey.notYet(answer.appeal.caseNumber) : survey.thanks(answer.rating, answer.rating <= UNSATISFIED_AT_MOST);
}

const channelWords: Record<Channel, string> = { sms: '短信', wechat: '微信', web: '网页', voice: '电话' };

/**
 * The contact's appeal whose survey waits for an answer — asked within the window and not yet
 * rated, the newest if several — locked so two answers arriving together rate it once.
 */
async function awaitingSurvey(tx: TxCtx, contactId: string, at: Date): Promise<Appeal | undefined> {
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
 * The contact's newest appeal still being handled after the agent's decision (accepted and not yet
 * closed, or merged into a case not yet closed): no survey was asked for it yet. A bare 1–5 is about
 * that one. A waiting appeal is left out: there a digit may answer the agent, and is filed as a follow-up.
 */
async function stillInProgress(tx: TxCtx, contactId: string): Promise<Appeal | undefined> {
  const [appeal] = await tx.db
    .select()
    .from(appeals)
    .where(and(eq(appeals.contactId, contactId), inArray(appeals.status, ['accepted', 'merged']), isNull(appeals.surveyAskedAt)))
    .orderBy(desc(appeals.createdAt))
    .limit(1);
  return appeal;
}

/**
 * Records a citizen's 回访 rating on their appeal and, on the event it belongs to, a `callback`
 * step (no staff actor; the state stays), so the timeline, assessment and consoles see it at once.
 */
async function rateAppeal(
  tx: TxCtx,
  publish: (e: DomainEvent) => void,
  appeal: Appeal,
  answer: { satisfaction: number; channel: Channel; at: Date },
): Promise<Appeal> {
  const rated = await recordRating(tx, appeal.id, { satisfaction: answer.satisfaction, via: answer.channel, at: answer.at });
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
  publish({ name: 'appeal.updated', payload: { appeal: rated, change: 'message' } });
  return rated;
}

export interface SurveyAnswer {
  appeal: Appeal;
  message: Message;
  rating: number;
  /**
   * Nothing to rate yet: the sender's appeal is still being handled. The message is kept in that
   * appeal's conversation, nothing is rated and no appeal is opened; the citizen is told to wait.
   */
  early: boolean;
  /** The same message again (a provider's retry): nothing new was stored. */
  replayed: boolean;
}

/** The rating a stored inbound message gave, if it was the one that rated its appeal (`ratedAt` is the answering message's time). */
function ratingGivenBy(message: Message, appeal: Appeal): number | undefined {
  if (appeal.satisfaction === null || !appeal.ratedAt) return undefined;
  return appeal.ratedAt.getTime() === message.receivedAt.getTime() ? appeal.satisfaction : undefined;
}

/**
 * A bare 1–5 (intake's reading of the text) answering the sender's waiting 回访 survey: the message
 * is kept in the rated appeal's conversation (nothing lost) and opens no appeal. Undefined when no
 * survey waits: the message is then an ordinary one, to be filed. A provider's retry of an answer
 * is answered as the first time.
 */
export async function answerSurvey({ ctx, input }: { ctx: Ctx; input: { inbound: InboundMessage; rating: number } }): Promise<SurveyAnswer | undefined> {
  const { inbound, rating } = input;
  const stored = await findStoredInbound(ctx.db, [inbound]);
  if (stored.length) return replayedAnswer(ctx, stored[0]!);
  const contactId = await contactOfIdentity(ctx.db, inbound.sender);
  if (!contactId) return undefined;
  const answered = await transact({ ...ctx, actor: { type: 'contact' as const, contactId } }, async (tx, publish) => {
    const waiting = await awaitingSurvey(tx, contactId, inbound.receivedAt);
    if (!waiting) return earlyRating(tx, publish, contactId, inbound, rating);
    const [message] = await storeInboundMessages(tx.db, [{ conversationId: waiting.conversationId, appealId: waiting.id, inbound }]);
    if (!message) return 'raced' as const;
    const counted = await addMessageToAppeal(tx, waiting, inbound);
    const appeal = await rateAppeal(tx, publish, counted, { satisfaction: rating, channel: inbound.channel, at: inbound.receivedAt });
    publish({ name: 'message.created', payload: { message } });
    return { appeal, message, rating, replayed: false, early: false };
  });
  // A concurrent copy of this answer committed first: it rated the appeal, and this one is its retry.
  if (answered === 'raced') return replayedAnswer(ctx, (await findStoredInbound(ctx.db, [inbound]))[0]!);
  return answered;
}

/** A bare 1–5 while the sender's appeal is still being handled: kept in its conversation, answered, nothing rated or opened. */
async function earlyRating(tx: TxCtx, publish: (e: DomainEvent) => void, contactId: string, inbound: InboundMessage, rating: number) {
  const open = await stillInProgress(tx, contactId);
  if (!open) return undefined;
  const [message] = await storeInboundMessages(tx.db, [{ conversationId: open.conversationId, appealId: open.id, inbound }]);
  if (!message) return 'raced' as const;
  publish({ name: 'message.created', payload: { message } });
  return { appeal: open, message, rating, replayed: false, early: true };
}

/**
 * A stored message answered again: as the rating it gave; as an early rating when it was kept in an
 * appeal it did not open and did not rate; undefined when it was filed as an ordinary message.
 */
async function replayedAnswer(ctx: Ctx, message: Message): Promise<SurveyAnswer | undefined> {
  const appeal = message.appealId ? await findAppeal(ctx.db, message.appealId) : undefined;
  if (!appeal) return undefined;
  const rating = ratingGivenBy(message, appeal);
  if (rating) return { appeal, message, rating, replayed: true, early: false };
  const keptEarly = appeal.createdAt.getTime() < message.createdAt.getTime() && appeal.surveyAskedAt === null;
  const bare = keptEarly ? ratingOf(message.text) : undefined;
  return bare ? { appeal, message, rating: bare, replayed: true, early: true } : undefined;
}

/** A web visitor has no inline reply: the thanks go to their chat, stored first like every message to a citizen. */
export async function thankOnChat(ctx: Ctx, answer: SurveyAnswer): Promise<void> {
  const thanks = await transact(ctx, (tx, publish) => storeOutbound(tx, publish, answer.appeal, surveyReply(ctx.config.language, answer)));
  await deliver(ctx, thanks);
}
