import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.ts';
import { users } from '../identity/auth/index.ts';
import type { WorkLoad } from './skills.ts';

/**
 * How much work each of these agents may hold at once: their own chat and call capacities where
 * an admin set them, the hotline's default otherwise.
 */
export async function capacitiesOf(db: DbOrTx, userIds: string[], fallback: WorkLoad): Promise<Map<string, WorkLoad>> {
  if (!userIds.length) return new Map();
  const rows = await db.select({ id: users.id, chats: users.chatCapacity, calls: users.callCapacity }).from(users).where(inArray(users.id, userIds));
  return new Map(rows.map((r) => [r.id, { chats: r.chats ?? fallback.chats, calls: r.calls ?? fallback.calls }]));
}

/** One agent's capacity. */
export async function capacityOf(db: DbOrTx, userId: string, fallback: WorkLoad): Promise<WorkLoad> {
  return (await capacitiesOf(db, [userId], fallback)).get(userId) ?? fallback;
}
