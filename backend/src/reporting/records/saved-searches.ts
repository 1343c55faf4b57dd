import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../identity/auth/index.ts';
import { ServiceError, notFound } from '../../platform/errors/index.ts';
import { type SavedSearch, savedSearches } from './schema.ts';
import { viewerOf } from './viewer.ts';
import type { SavedSearchView } from './views.ts';

/** A user keeps a handful of searches, not an archive. */
export const MAX_SAVED_SEARCHES = 50;

const toView = (s: SavedSearch): SavedSearchView => ({ id: s.id, name: s.name, query: s.query, createdAt: s.createdAt.toISOString() });

export async function listSavedSearches({ ctx }: { ctx: Ctx }): Promise<SavedSearchView[]> {
  const { userId } = viewerOf(ctx);
  const rows = await ctx.db.select().from(savedSearches).where(eq(savedSearches.userId, userId)).orderBy(asc(savedSearches.name));
  return rows.map(toView);
}

/** Saves the search under a name; the same name again replaces its query (saving 我的超期 after changing the filters). */
export async function saveSearch({ ctx, input }: { ctx: Ctx; input: { name: string; query: string } }): Promise<SavedSearchView> {
  const { userId } = viewerOf(ctx);
  const mine = await ctx.db.select({ name: savedSearches.name }).from(savedSearches).where(eq(savedSearches.userId, userId));
  if (mine.length >= MAX_SAVED_SEARCHES && !mine.some((s) => s.name === input.name)) {
    throw new ServiceError('conflict', `At most ${MAX_SAVED_SEARCHES} saved searches: delete one first`);
  }
  const [saved] = await ctx.db
    .insert(savedSearches)
    .values({ userId, name: input.name, query: input.query })
    .onConflictDoUpdate({ target: [savedSearches.userId, savedSearches.name], set: { query: input.query } })
    .returning();
  return toView(saved!);
}

export async function deleteSavedSearch({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<void> {
  const { userId } = viewerOf(ctx);
  const deleted = await ctx.db
    .delete(savedSearches)
    .where(and(eq(savedSearches.id, input.id), eq(savedSearches.userId, userId)))
    .returning({ id: savedSearches.id });
  if (!deleted.length) throw notFound('The saved search');
}
