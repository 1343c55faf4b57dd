import type { Channel } from '@hotline/channels';
import { users } from '../identity/auth/index.ts';
import { hashPassword } from '../identity/auth/index.ts';
import { contactIdentities, contacts } from '../identity/contacts/index.ts';
import { conversations } from '../messaging/index.ts';
import { type Appeal, appeals } from '../appeals/index.ts';
import { type TestHotline, TEST_PASSWORD } from './hotline.ts';

export interface TestAgent {
  id: string;
  username: string;
  displayName: string;
}

/** Staff accounts beyond the demo ones, with the test password (hashed once for all of them). */
export async function createStaff(hotline: TestHotline, usernames: string[], role: 'agent' | 'supervisor' = 'agent'): Promise<TestAgent[]> {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  return hotline.database.db
    .insert(users)
    .values(usernames.map((username) => ({ username, displayName: `坐席 ${username}`, role, passwordHash })))
    .returning({ id: users.id, username: users.username, displayName: users.displayName });
}

/** Marks a user as having a console open, as a socket connection would (no socket needed). */
export function openConsole(hotline: TestHotline, userId: string, role: 'agent' | 'supervisor' = 'agent'): () => void {
  const socketId = `test-console-${userId}-${Math.random()}`;
  hotline.deps.presence.connected(socketId, { userId, role });
  return () => hotline.deps.presence.disconnected(socketId);
}

let sequence = 0;

/**
 * Pending appeals written straight to the database, already triaged (as NLP leaves them), each
 * from its own citizen: for routing specs that need hundreds of appeals quickly.
 */
export async function insertTriagedAppeals(
  hotline: Pick<TestHotline, 'database'>,
  specs: { channel: Channel; summary?: string; categoryCode?: string | null; urgency?: Appeal['urgency']; gridCode?: string; address?: string }[],
): Promise<Appeal[]> {
  const { db } = hotline.database;
  const batch = ++sequence;
  return db.transaction(async (tx) => {
    const people = await tx
      .insert(contacts)
      .values(specs.map(() => ({})))
      .returning({ id: contacts.id });
    const identities = await tx
      .insert(contactIdentities)
      .values(
        people.map((p, i) => ({ contactId: p.id, kind: 'phone' as const, value: `+86139${String(batch).padStart(3, '0')}${String(i).padStart(5, '0')}` })),
      )
      .returning({ id: contactIdentities.id });
    const threads = await tx
      .insert(conversations)
      .values(specs.map((s, i) => ({ contactId: people[i]!.id, channel: s.channel, identityId: identities[i]!.id })))
      .returning({ id: conversations.id });
    const base = Date.now() - specs.length * 1000;
    return tx
      .insert(appeals)
      .values(
        specs.map((s, i) => ({
          caseNumber: `T${String(batch).padStart(3, '0')}${String(i).padStart(6, '0')}`,
          channel: s.channel,
          contactId: people[i]!.id,
          conversationId: threads[i]!.id,
          summary: s.summary ?? `测试诉求 ${batch}-${i}`,
          categoryCode: s.categoryCode ?? null,
          urgency: s.urgency ?? 'normal',
          gridCode: s.gridCode ?? null,
          address: s.address ?? null,
          nlpProcessedAt: new Date(),
          // One second apart, oldest first, so "oldest first" is well defined.
          createdAt: new Date(base + i * 1000),
        })),
      )
      .returning();
  });
}
