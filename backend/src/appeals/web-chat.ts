import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../identity/auth/index.ts';
import { contactOfIdentity } from '../identity/contacts/index.ts';
import { type ChatLine, conversations, messages } from '../messaging/index.ts';
import { appeals } from './schema.ts';

const CHAT_HISTORY_LIMIT = 200;

/** The visitor's own web chat history: only their messages and the replies to them. */
export async function webChatHistory({ ctx, input }: { ctx: Ctx; input: { sessionHash: string } }): Promise<ChatLine[]> {
  const contactId = await contactOfIdentity(ctx.db, { kind: 'web_session', value: input.sessionHash });
  if (!contactId) return [];
  // A web session belongs to exactly one contact, and that contact's web conversations are this visitor's own.
  const threads = ctx.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.contactId, contactId), eq(conversations.channel, 'web')));
  const rows = await ctx.db
    .select({ id: messages.id, direction: messages.direction, text: messages.text, caseNumber: appeals.caseNumber, createdAt: messages.createdAt })
    .from(messages)
    .leftJoin(appeals, eq(appeals.id, messages.appealId))
    .where(inArray(messages.conversationId, threads))
    .orderBy(desc(messages.createdAt))
    .limit(CHAT_HISTORY_LIMIT);
  return rows.reverse().map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
