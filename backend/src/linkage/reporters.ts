import { and, asc, eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.ts';
import { type Appeal, appeals } from '../appeals/index.ts';
import type { Event } from './schema.ts';

/**
 * The citizens behind an event: its own appeal and every duplicate merged into it (merges always
 * point at the root appeal). Each is told of dispatch and closure, and asked to rate it, on their own channel.
 */
export async function reportersOf(db: DbOrTx, event: Pick<Event, 'appealId'>): Promise<Appeal[]> {
  return db
    .select()
    .from(appeals)
    .where(or(eq(appeals.id, event.appealId), and(eq(appeals.duplicateOfId, event.appealId), eq(appeals.status, 'merged'))))
    .orderBy(asc(appeals.createdAt));
}
