import { and, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { SenderIdentity } from '@hotline/channels';
import type { DbOrTx, Tx } from '../../platform/db/index.ts';
import { contactIdentities, contacts } from './schema.ts';
import { records } from '../../platform/db/index.ts';

/** One sender to resolve: the identity the message came from, others the citizen gave, and a display name. */
export interface ContactClaim {
  sender: SenderIdentity;
  others: SenderIdentity[];
  name?: string;
}

export interface ResolvedContact {
  contactId: string;
  senderIdentityId: string;
  /** The sender identity has opted out (SMS STOP / 退订): store the message, send nothing back. */
  senderOptedOut: boolean;
}

/**
 * The contact behind each sender: the one that already owns the sender's identity, else a new one.
 * Other identities the citizen gave (a phone typed into the web form) are unverified: they are
 * recorded against the contact when nobody owns them yet, but never pull the sender into someone
 * else's contact — that would show a stranger their conversation. Linking those is an agent's call.
 *
 * Many senders resolve in a fixed number of statements, whatever their number (group commit).
 */
export async function resolveContacts(tx: Tx, claims: ContactClaim[]): Promise<ResolvedContact[]> {
  const known = new Map(
    (
      await findIdentities(
        tx,
        claims.flatMap((c) => [c.sender, ...c.others]),
      )
    ).map((row) => [keyOf(row), row]),
  );
  const contactIds = claims.map((claim) => known.get(keyOf(claim.sender))?.contactId ?? randomUUID());
  const created = claims.flatMap((claim, i) => (known.has(keyOf(claim.sender)) ? [] : [{ id: contactIds[i]!, name: claim.name ?? null }]));
  if (created.length) await tx.insert(contacts).select(records(contacts, created));
  for (const [i, claim] of claims.entries()) {
    if (claim.name && known.has(keyOf(claim.sender))) await tx.update(contacts).set({ name: claim.name }).where(eq(contacts.id, contactIds[i]!));
  }
  const owned = new Map(known);
  for (const row of await recordMissingIdentities(tx, claims, contactIds, known)) owned.set(keyOf(row), row);
  // A sender identity a concurrent transaction claimed first: read who owns it now.
  const raced = claims.filter((claim) => !owned.has(keyOf(claim.sender))).map((claim) => claim.sender);
  if (raced.length) for (const row of await findIdentities(tx, raced)) owned.set(keyOf(row), row);
  return claims.map((claim) => {
    const row = owned.get(keyOf(claim.sender))!;
    return { contactId: row.contactId, senderIdentityId: row.id, senderOptedOut: row.optedOutAt !== null };
  });
}

/** The single-sender case (opt-out by keyword). */
export async function resolveContact(tx: Tx, sender: SenderIdentity, others: SenderIdentity[], name?: string): Promise<ResolvedContact> {
  const [resolved] = await resolveContacts(tx, [{ sender, others, name }]);
  return resolved!;
}

/**
 * Identities nobody owns yet, each to the contact that claimed it — a sender's own identity before
 * one merely typed in. Sorted, so concurrent transactions take the unique key's locks in one order;
 * a concurrent claim that got in first keeps its owner (the unique key). Returns the rows written.
 */
async function recordMissingIdentities(tx: Tx, claims: ContactClaim[], contactIds: string[], known: Map<string, unknown>) {
  const claimed = new Map<string, { contactId: string; kind: SenderIdentity['kind']; value: string }>();
  const claim = (identity: SenderIdentity, contactId: string) => {
    if (!known.has(keyOf(identity)) && !claimed.has(keyOf(identity))) claimed.set(keyOf(identity), { contactId, kind: identity.kind, value: identity.value });
  };
  claims.forEach((c, i) => claim(c.sender, contactIds[i]!));
  claims.forEach((c, i) => c.others.forEach((other) => claim(other, contactIds[i]!)));
  if (!claimed.size) return [];
  const rows = [...claimed.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
  return tx.insert(contactIdentities).select(records(contactIdentities, rows)).onConflictDoNothing().returning();
}

const keyOf = (identity: { kind: string; value: string }) => `${identity.kind}\u0000${identity.value}`;

function findIdentities(tx: Tx, identities: SenderIdentity[]) {
  const pairs = sql.join(
    identities.map((i) => sql`(${i.kind}::identity_kind, ${i.value})`),
    sql`, `,
  );
  return tx
    .select()
    .from(contactIdentities)
    .where(sql`(${contactIdentities.kind}, ${contactIdentities.value}) in (${pairs})`);
}

/** The contact that owns an identity, if any: a read, for questions about a sender before anything is stored. */
export async function contactOfIdentity(db: DbOrTx, identity: SenderIdentity): Promise<string | undefined> {
  const [row] = await db
    .select({ contactId: contactIdentities.contactId })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.kind, identity.kind), eq(contactIdentities.value, identity.value)));
  return row?.contactId;
}
