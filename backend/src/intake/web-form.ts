import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { type WebAppealForm, type WebChatMessage, type WebPhoto, parseWebAppeal, parseWebChat, readWebPhotos } from '@hotline/channels/web';
import type { Ctx } from '../identity/context.ts';
import { ServiceError } from '../platform/errors/index.ts';
import { contactIdentities } from '../identity/contacts/schema.ts';
import { appeals } from '../appeals/schema.ts';
import type { ChatLine } from '../appeals/views.ts';
import { conversations, messages } from '../messaging/schema.ts';
import { type IntakeResult, receiveInbound } from '../appeals/receive-inbound.ts';
import { thankOnChat } from '../followup/survey.ts';

/** The citizen page's form: checks what only the backend knows (the territory), then hands it to intake. */
export async function submitWebAppeal({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { form: WebAppealForm; photos: WebPhoto[]; sessionHash: string };
}): Promise<IntakeResult> {
  const { form } = input;
  if (form.latitude !== undefined && form.longitude !== undefined && !ctx.territory.locateGrid({ latitude: form.latitude, longitude: form.longitude })) {
    throw new ServiceError('invalid_request', 'The point is outside the territory the hotline serves');
  }
  const attachments = await readWebPhotos(input.photos);
  const inbound = parseWebAppeal(form, {
    sessionHash: input.sessionHash,
    submissionId: form.clientSubmissionId ?? randomUUID(),
    receivedAt: new Date(),
    attachments,
  });
  return receiveInbound({ ctx, input: inbound });
}

/**
 * A line from the page's live chat: it follows up the visitor's current appeal, or opens one; a
 * bare 1–5 answering a 回访 survey is recorded and thanked in the chat (once, not on a resend).
 */
export async function sendWebChat({ ctx, input }: { ctx: Ctx; input: { chat: WebChatMessage; sessionHash: string } }): Promise<IntakeResult> {
  const inbound = parseWebChat(input.chat, {
    sessionHash: input.sessionHash,
    messageId: input.chat.clientMessageId ?? randomUUID(),
    receivedAt: new Date(),
  });
  const result = await receiveInbound({ ctx, input: inbound });
  if (result.rating && !result.replayed) await thankOnChat(ctx, result.appeal, result.rating);
  return result;
}

const CHAT_HISTORY_LIMIT = 200;

/** The visitor's own web chat history: only their messages and the replies to them. */
export async function webChatHistory({ ctx, input }: { ctx: Ctx; input: { sessionHash: string } }): Promise<ChatLine[]> {
  const [identity] = await ctx.db
    .select({ contactId: contactIdentities.contactId })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.kind, 'web_session'), eq(contactIdentities.value, input.sessionHash)));
  if (!identity) return [];
  // A web session belongs to exactly one contact, and that contact's web conversations are this visitor's own.
  const threads = ctx.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.contactId, identity.contactId), eq(conversations.channel, 'web')));
  const rows = await ctx.db
    .select({ id: messages.id, direction: messages.direction, text: messages.text, caseNumber: appeals.caseNumber, createdAt: messages.createdAt })
    .from(messages)
    .leftJoin(appeals, eq(appeals.id, messages.appealId))
    .where(inArray(messages.conversationId, threads))
    .orderBy(desc(messages.createdAt))
    .limit(CHAT_HISTORY_LIMIT);
  return rows.reverse().map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
