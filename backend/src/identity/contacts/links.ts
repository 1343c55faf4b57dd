import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../auth/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { ServiceError, notFound } from '../../platform/errors/index.ts';
import { contactLinks, contacts } from './schema.ts';

const ordered = (a: string, b: string) => (a < b ? { contactId: a, linkedContactId: b } : { contactId: b, linkedContactId: a });

function staffId(ctx: Ctx): string {
  if (ctx.actor.type !== 'user') throw new ServiceError('forbidden', 'Only staff link contacts');
  return ctx.actor.user.id;
}

async function assertContacts(db: DbOrTx, ids: string[]) {
  const found = await db.$count(
    contacts,
    sql`${contacts.id} in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  if (found !== new Set(ids).size) throw notFound('The contact');
}

/** Links two contacts as one person; linking what is already linked changes nothing and records nothing. */
export async function linkContacts({ ctx, input }: { ctx: Ctx; input: { contactId: string; otherContactId: string } }): Promise<void> {
  const userId = staffId(ctx);
  if (input.contactId === input.otherContactId) throw new ServiceError('invalid_request', 'contactId: a contact is already itself', { field: 'contactId' });
  await ctx.db.transaction(async (tx) => {
    await assertContacts(tx, [input.contactId, input.otherContactId]);
    const pair = ordered(input.contactId, input.otherContactId);
    const added = await tx
      .insert(contactLinks)
      .values({ ...pair, linkedByUserId: userId })
      .onConflictDoNothing()
      .returning();
    if (added.length) await recordAudit(tx, ctx.actor, { action: 'contact.linked', entityType: 'contact', entityId: pair.contactId, after: pair });
  });
}

export async function unlinkContacts({ ctx, input }: { ctx: Ctx; input: { contactId: string; otherContactId: string } }): Promise<void> {
  staffId(ctx);
  const pair = ordered(input.contactId, input.otherContactId);
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(contactLinks)
      .where(and(eq(contactLinks.contactId, pair.contactId), eq(contactLinks.linkedContactId, pair.linkedContactId)))
      .returning();
    if (!removed.length) throw notFound('The link');
    await recordAudit(tx, ctx.actor, { action: 'contact.unlinked', entityType: 'contact', entityId: pair.contactId, before: pair });
  });
}

const personRows = z.object({ rows: z.array(z.object({ id: z.string() })) });

/** Every contact linked to this one, directly or through others: the person, this contact first. */
export async function contactsOfPerson(db: DbOrTx, contactId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive person(id) as (
      select ${contactId}::uuid
      union
      select case when l.contact_id = p.id then l.linked_contact_id else l.contact_id end
      from ${contactLinks} l join person p on p.id in (l.contact_id, l.linked_contact_id)
    )
    select id::text as id from person`);
  const ids = personRows.parse(result).rows.map((r) => r.id);
  return [contactId, ...ids.filter((id) => id !== contactId)];
}
