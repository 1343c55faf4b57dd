import { asc, eq } from 'drizzle-orm';
import type { Ctx, TxCtx } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import type { DomainEvent } from '../platform/domain-events/index.ts';
import type { DbOrTx } from '../platform/db/index.ts';
import { recordAudit } from '../platform/audit/index.ts';
import { ServiceError } from '../platform/errors/index.ts';
import { users } from '../identity/auth/index.ts';
import { type Appeal, type AppealNote, appealNotes } from './schema.ts';
import { lockAppeal } from './find.ts';
import type { NoteView } from './views.ts';

/**
 * Stores a private note on an appeal inside the caller's transaction and publishes `note.created`.
 * Notes are for colleagues: they are never stored as messages, so no channel ever sends them.
 */
export async function storeNote(tx: TxCtx, publish: (e: DomainEvent) => void, appeal: Appeal, text: string): Promise<AppealNote> {
  if (tx.actor.type !== 'user') throw new ServiceError('forbidden', 'Only staff write notes');
  const [note] = await tx.db.insert(appealNotes).values({ appealId: appeal.id, authorUserId: tx.actor.user.id, text }).returning();
  await recordAudit(tx.db, tx.actor, { action: 'note.added', entityType: 'appeal', entityId: appeal.id, after: { noteId: note!.id } });
  publish({ name: 'note.created', payload: { note: note!, appeal } });
  return note!;
}

/** A private note by staff on any appeal, pending or decided. */
export async function addNote({ ctx, input }: { ctx: Ctx; input: { appealId: string; text: string } }): Promise<AppealNote> {
  return transact(ctx, async (tx, publish) => storeNote(tx, publish, await lockAppeal(tx, input.appealId), input.text));
}

/** The appeal's notes, oldest first. */
export async function notesOfAppeal(db: DbOrTx, appealId: string): Promise<NoteView[]> {
  const rows = await db
    .select({ note: appealNotes, authorName: users.displayName })
    .from(appealNotes)
    .innerJoin(users, eq(users.id, appealNotes.authorUserId))
    .where(eq(appealNotes.appealId, appealId))
    .orderBy(asc(appealNotes.createdAt), asc(appealNotes.id));
  return rows.map(({ note, authorName }) => toNoteView(note, authorName));
}

export async function loadNoteView(db: DbOrTx, note: AppealNote): Promise<NoteView> {
  const [author] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, note.authorUserId));
  return toNoteView(note, author?.displayName ?? '');
}

export const toNoteView = (note: AppealNote, authorName: string): NoteView => ({
  id: note.id,
  author: { id: note.authorUserId, displayName: authorName },
  text: note.text,
  createdAt: note.createdAt.toISOString(),
});
