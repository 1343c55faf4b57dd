import { asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { channels } from '@hotline/channels';
import type { Ctx } from '../../identity/auth/index.ts';
import { users } from '../../identity/auth/index.ts';
import { contactIdentities, contactLinks, contacts, contactsOfPerson } from '../../identity/contacts/index.ts';
import { appealNotes, appealStatuses, appeals } from '../../appeals/index.ts';
import { eventStatuses, events } from '../../linkage/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { ServiceError, notFound } from '../../platform/errors/index.ts';
import { UNSATISFIED_AT_MOST } from '../../linkage/index.ts';
import { viewerOf } from './viewer.ts';

/** A person's history reads their most recent appeals; older ones are found through 综合查询. */
const HISTORY_LIMIT = 200;
const NOTES_LIMIT = 50;

export const citizenHistorySchema = z.object({
  contactId: z.uuid(),
  /** Every contact of the person: this one first, then those linked to it. */
  contacts: z.array(
    z.object({
      id: z.uuid(),
      name: z.string().nullable(),
      identities: z.array(z.object({ kind: z.enum(['phone', 'wechat_openid', 'web_session']), value: z.string(), optedOutAt: z.iso.datetime().nullable() })),
    }),
  ),
  /** The links an agent made, each undone on its own. */
  links: z.array(z.object({ contactId: z.uuid(), linkedContactId: z.uuid(), createdAt: z.iso.datetime() })),
  appeals: z.array(
    z.object({
      id: z.uuid(),
      contactId: z.uuid(),
      caseNumber: z.string(),
      channel: z.enum(channels),
      status: z.enum(appealStatuses),
      summary: z.string(),
      createdAt: z.iso.datetime(),
      satisfaction: z.number().int().nullable(),
      eventStatus: z.enum(eventStatuses).nullable(),
    }),
  ),
  notes: z.array(z.object({ appealId: z.uuid(), caseNumber: z.string(), author: z.string(), text: z.string(), createdAt: z.iso.datetime() })),
  /** "3 次来电，上次不满意": how many appeals, and the last rating given. */
  glance: z.object({ appeals: z.number().int(), rated: z.number().int(), lastRating: z.enum(['satisfied', 'neutral', 'unsatisfied']).nullable() }),
});
export type CitizenHistory = z.infer<typeof citizenHistorySchema>;

const ratingWord = (satisfaction: number) => (satisfaction >= 4 ? 'satisfied' : satisfaction <= UNSATISFIED_AT_MOST ? 'unsatisfied' : 'neutral');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function loadContacts(ctx: Ctx, ids: string[]) {
  const [people, identities] = await Promise.all([
    ctx.db.select({ id: contacts.id, name: contacts.name }).from(contacts).where(inArray(contacts.id, ids)),
    ctx.db.select().from(contactIdentities).where(inArray(contactIdentities.contactId, ids)).orderBy(asc(contactIdentities.createdAt)),
  ]);
  return ids.flatMap((id) => {
    const person = people.find((p) => p.id === id);
    if (!person) return [];
    const own = identities.filter((i) => i.contactId === id && i.kind !== 'web_session');
    return [{ ...person, identities: own.map((i) => ({ kind: i.kind, value: i.value, optedOutAt: iso(i.optedOutAt) })) }];
  });
}

/**
 * 市民档案: every appeal of a person across channels — the contact and every contact linked to it —
 * with ratings, opt-outs and the center's notes. The center only (it is contact data), and audited.
 */
export async function citizenHistory({ ctx, input }: { ctx: Ctx; input: { contactId: string } }): Promise<CitizenHistory> {
  if (!viewerOf(ctx).seesContacts) throw new ServiceError('forbidden', 'Only the center reads a citizen’s history');
  const ids = await contactsOfPerson(ctx.db, input.contactId);
  const people = await loadContacts(ctx, ids);
  if (!people.some((p) => p.id === input.contactId)) throw notFound('The contact');
  const [rows, links] = await Promise.all([
    ctx.db
      .select({ appeal: appeals, eventStatus: events.status })
      .from(appeals)
      .leftJoin(events, eq(events.appealId, appeals.id))
      .where(inArray(appeals.contactId, ids))
      .orderBy(desc(appeals.createdAt))
      .limit(HISTORY_LIMIT),
    ctx.db.select().from(contactLinks).where(inArray(contactLinks.contactId, ids)),
  ]);
  const notes = rows.length
    ? await ctx.db
        .select({ note: appealNotes, author: users.displayName, caseNumber: appeals.caseNumber })
        .from(appealNotes)
        .innerJoin(appeals, eq(appeals.id, appealNotes.appealId))
        .innerJoin(users, eq(users.id, appealNotes.authorUserId))
        .where(
          inArray(
            appealNotes.appealId,
            rows.map((r) => r.appeal.id),
          ),
        )
        .orderBy(desc(appealNotes.createdAt))
        .limit(NOTES_LIMIT)
    : [];
  await recordAudit(ctx.db, ctx.actor, { action: 'records.citizen_viewed', entityType: 'contact', entityId: input.contactId, after: { contactIds: ids } });
  const rated = rows.filter((r) => r.appeal.satisfaction !== null);
  const lastRated = [...rated].sort((a, b) => (b.appeal.ratedAt?.getTime() ?? 0) - (a.appeal.ratedAt?.getTime() ?? 0))[0];
  return {
    contactId: input.contactId,
    contacts: people,
    links: links.map((l) => ({ contactId: l.contactId, linkedContactId: l.linkedContactId, createdAt: l.createdAt.toISOString() })),
    appeals: rows.map(({ appeal: a, eventStatus }) => ({
      id: a.id,
      contactId: a.contactId,
      caseNumber: a.caseNumber,
      channel: a.channel,
      status: a.status,
      summary: a.summary,
      createdAt: a.createdAt.toISOString(),
      satisfaction: a.satisfaction,
      eventStatus,
    })),
    notes: notes.map((n) => ({
      appealId: n.note.appealId,
      caseNumber: n.caseNumber,
      author: n.author,
      text: n.note.text,
      createdAt: n.note.createdAt.toISOString(),
    })),
    glance: { appeals: rows.length, rated: rated.length, lastRating: lastRated ? ratingWord(lastRated.appeal.satisfaction!) : null },
  };
}
