import { and, eq, or } from 'drizzle-orm';
import type { SenderIdentity } from '@hotline/channels';
import type { Tx } from '../db/client.ts';
import { contactIdentities, contacts } from './schema.ts';

/**
 * The contact behind the sender: the one that already owns the sender's identity, else a new one.
 * Other identities the citizen gave (a phone typed into the web form) are unverified: they are
 * recorded against the contact when nobody owns them yet, but never pull the sender into someone
 * else's contact — that would show a stranger their conversation. Linking those is an agent's call.
 */
export async function resolveContact(tx: Tx, sender: SenderIdentity, others: SenderIdentity[], name?: string) {
  const all = [sender, ...others];
  const known = await findIdentities(tx, all);
  const owner = known.find((k) => sameIdentity(k, sender));
  let contactId = owner?.contactId;
  if (!contactId) {
    const [created] = await tx.insert(contacts).values({ name: name ?? null }).returning({ id: contacts.id });
    contactId = created!.id;
  } else if (name) {
    await tx.update(contacts).set({ name }).where(eq(contacts.id, contactId));
  }
  const missing = all.filter((i) => !known.some((k) => sameIdentity(k, i)));
  if (missing.length) {
    // A concurrent first message from the same sender may claim an identity meanwhile; the unique key keeps one owner.
    await tx
      .insert(contactIdentities)
      .values(missing.map((i) => ({ contactId: contactId!, kind: i.kind, value: i.value })))
      .onConflictDoNothing();
  }
  const [senderIdentity] = await findIdentities(tx, [sender]);
  return { contactId: senderIdentity!.contactId, senderIdentityId: senderIdentity!.id };
}

const sameIdentity = (a: SenderIdentity, b: SenderIdentity) => a.kind === b.kind && a.value === b.value;

function findIdentities(tx: Tx, identities: SenderIdentity[]) {
  return tx
    .select()
    .from(contactIdentities)
    .where(or(...identities.map((i) => and(eq(contactIdentities.kind, i.kind), eq(contactIdentities.value, i.value)))))
    .orderBy(contactIdentities.createdAt);
}
