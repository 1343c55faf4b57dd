import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { type InboundMessage, type InboundMessageInput, inboundMessageSchema } from '@hotline/channels';
import type { Ctx, TxCtx } from '../context.ts';
import { transact } from '../context.ts';
import type { DomainEvent } from '../bus/catalogue.ts';
import { recordAudit } from '../audit/record.ts';
import { resolveContact } from '../contacts/resolve.ts';
import { type Appeal, appeals } from '../appeals/schema.ts';
import { nextCaseNumber } from '../appeals/case-number.ts';
import { type Message, attachments, conversations, messages } from './schema.ts';
import { awaitingSurvey, ratingGivenBy, ratingOf, recordSurveyAnswer } from '../followup/survey.ts';

export interface IntakeResult {
  appeal: Appeal;
  message: Message;
  /** True when the provider message id was seen before: nothing new was stored. */
  replayed: boolean;
  /** The 回访 rating the message gave, when it answered a survey instead of opening an appeal. */
  rating?: number;
}

/** Thrown inside the transaction when a concurrent delivery of the same message won the race. */
class AlreadyStored extends Error {}

/**
 * The one intake verb for every channel: resolve the contact and conversation, persist the
 * message, create the appeal or add to the conversation's current one, then publish events.
 * The same (channel, provider message id) twice stores one message.
 */
export async function receiveInbound({ ctx, input }: { ctx: Ctx; input: InboundMessageInput }): Promise<IntakeResult> {
  const inbound = inboundMessageSchema.parse(input);
  const earlier = await findStored(ctx, inbound);
  if (earlier) return earlier;
  try {
    return await transact(ctx, (tx, publish) => store(tx, inbound, publish));
  } catch (error) {
    if (!(error instanceof AlreadyStored)) throw error;
    return (await findStored(ctx, inbound))!;
  }
}

async function store(tx: TxCtx, inbound: InboundMessage, publish: (e: DomainEvent) => void): Promise<IntakeResult> {
  const { contactId, senderIdentityId } = await resolveContact(tx.db, inbound.sender, inbound.otherIdentities, inbound.senderName);
  // Before anything could open a new appeal: a bare 1–5 may answer this citizen's 回访 survey.
  const surveyed = await surveyAnswered(tx, contactId, inbound);
  if (surveyed) return storeSurveyAnswer(tx, inbound, surveyed, publish);
  const conversation = await openConversation(tx, contactId, inbound.channel, senderIdentityId);

  const current = inbound.startsNewAppeal ? undefined : await currentAppeal(tx, conversation.currentAppealId);
  // The message names its appeal as it is stored (the new appeal's id is chosen here), and the
  // case-number counter is locked last, so its lock is held as briefly as possible.
  const appealId = current?.id ?? randomUUID();
  const linked = await insertMessage(tx, conversation.id, inbound, appealId);

  if (inbound.attachments.length) {
    await tx.db.insert(attachments).values(
      inbound.attachments.map((a) => ({
        messageId: linked.id,
        contentType: a.contentType,
        fileName: a.fileName,
        byteSize: a.data?.length,
        url: a.url,
        data: a.data,
      })),
    );
  }

  const appeal = current ? await addToAppeal(tx, current, inbound) : await createAppeal(tx, inbound, { id: appealId, contactId, conversationId: conversation.id });

  if (current) {
    publish({ name: 'appeal.updated', payload: { appeal, change: 'message' } });
  } else {
    await tx.db.update(conversations).set({ currentAppealId: appeal.id }).where(eq(conversations.id, conversation.id));
    await recordAudit(tx.db, { type: 'contact', contactId }, { action: 'appeal.created', entityType: 'appeal', entityId: appeal.id, after: { status: appeal.status, caseNumber: appeal.caseNumber } });
    publish({ name: 'appeal.created', payload: { appeal } });
  }
  publish({ name: 'message.created', payload: { message: linked, appeal } });
  return { appeal, message: linked, replayed: false };
}

/** The message, once per (channel, provider message id): a concurrent copy that got in first makes this one `AlreadyStored`. */
async function insertMessage(tx: TxCtx, conversationId: string, inbound: InboundMessage, appealId: string): Promise<Message> {
  const [message] = await tx.db
    .insert(messages)
    .values({
      conversationId,
      appealId,
      channel: inbound.channel,
      direction: 'in',
      text: inbound.text,
      latitude: inbound.location?.latitude,
      longitude: inbound.location?.longitude,
      locationLabel: inbound.location?.label,
      providerMessageId: inbound.providerMessageId,
      receivedAt: inbound.receivedAt,
    })
    .onConflictDoNothing()
    .returning();
  if (!message) throw new AlreadyStored();
  return message;
}

/**
 * The rating and the appeal it answers, when the message is only a rating and the citizen has a
 * survey waiting. A web form or a call is a new appeal by design, never an answer.
 */
async function surveyAnswered(tx: TxCtx, contactId: string, inbound: InboundMessage) {
  const rating = inbound.startsNewAppeal || inbound.attachments.length || inbound.location ? undefined : ratingOf(inbound.text);
  if (rating === undefined) return undefined;
  const appeal = await awaitingSurvey(tx, contactId, inbound.receivedAt);
  return appeal && { appeal, rating };
}

/** A survey answer is kept in the rated appeal's conversation (nothing lost) and opens no appeal. */
async function storeSurveyAnswer(tx: TxCtx, inbound: InboundMessage, surveyed: { appeal: Appeal; rating: number }, publish: (e: DomainEvent) => void): Promise<IntakeResult> {
  const counted = await addToAppeal(tx, surveyed.appeal, inbound);
  const linked = await insertMessage(tx, surveyed.appeal.conversationId, inbound, surveyed.appeal.id);
  const appeal = await recordSurveyAnswer(tx, publish, counted, { satisfaction: surveyed.rating, channel: inbound.channel, at: inbound.receivedAt });
  publish({ name: 'message.created', payload: { message: linked, appeal } });
  return { appeal, message: linked, replayed: false, rating: surveyed.rating };
}

/**
 * The contact's open conversation on this channel, locked for the rest of the transaction so
 * two messages arriving together cannot both open a new appeal in it.
 */
async function openConversation(tx: TxCtx, contactId: string, channel: InboundMessage['channel'], identityId: string) {
  await tx.db.insert(conversations).values({ contactId, channel, identityId }).onConflictDoNothing();
  const [conversation] = await tx.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.contactId, contactId), eq(conversations.channel, channel), eq(conversations.status, 'open')))
    .for('update');
  if (conversation!.identityId !== identityId) {
    await tx.db.update(conversations).set({ identityId }).where(eq(conversations.id, conversation!.id));
  }
  return conversation!;
}

async function currentAppeal(tx: TxCtx, appealId: string | null): Promise<Appeal | undefined> {
  if (!appealId) return undefined;
  const [appeal] = await tx.db.select().from(appeals).where(eq(appeals.id, appealId));
  return appeal;
}

async function addToAppeal(tx: TxCtx, appeal: Appeal, inbound: InboundMessage): Promise<Appeal> {
  const point = inbound.location && !appeal.latitude ? placed(tx, inbound.location) : {};
  const [updated] = await tx.db
    .update(appeals)
    .set({
      messageCount: sql`${appeals.messageCount} + 1`,
      updatedAt: new Date(),
      ...(inbound.address && !appeal.address ? { address: inbound.address } : {}),
      ...point,
    })
    .where(eq(appeals.id, appeal.id))
    .returning();
  return updated!;
}

async function createAppeal(tx: TxCtx, inbound: InboundMessage, owner: { id: string; contactId: string; conversationId: string }): Promise<Appeal> {
  const caseNumber = await nextCaseNumber(tx.db, inbound.receivedAt, tx.config.timezone);
  const [appeal] = await tx.db
    .insert(appeals)
    .values({
      ...owner,
      caseNumber,
      channel: inbound.channel,
      summary: inbound.text,
      address: inbound.address,
      messageCount: 1,
      createdAt: inbound.receivedAt,
      ...(inbound.location ? placed(tx, inbound.location) : {}),
    })
    .returning();
  return appeal!;
}

/** A point, and the grid it falls in (null when it lies outside the territory). */
function placed(ctx: Ctx, point: { latitude: number; longitude: number }) {
  return { latitude: point.latitude, longitude: point.longitude, gridCode: ctx.territory.locateGrid(point)?.code ?? null };
}

async function findStored(ctx: Ctx, inbound: InboundMessage): Promise<IntakeResult | undefined> {
  const [row] = await ctx.db
    .select({ message: messages, appeal: appeals })
    .from(messages)
    .innerJoin(appeals, eq(appeals.id, messages.appealId))
    .where(and(eq(messages.channel, inbound.channel), eq(messages.providerMessageId, inbound.providerMessageId)))
    .limit(1);
  return row && { ...row, replayed: true, rating: ratingGivenBy(row.message, row.appeal) };
}
