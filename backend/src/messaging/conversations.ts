import { inArray } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.ts';
import { conversations } from './schema.ts';

/** Ends conversations whose appeal was decided: the citizen's next message opens a new appeal. */
export async function closeConversations(tx: Tx, conversationIds: string[], at: Date): Promise<void> {
  if (!conversationIds.length) return;
  await tx.update(conversations).set({ status: 'closed', closedAt: at }).where(inArray(conversations.id, conversationIds));
}
