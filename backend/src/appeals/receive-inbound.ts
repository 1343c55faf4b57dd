import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { eq, inArray, sql } from 'drizzle-orm';
import { type InboundMessage, type InboundMessageInput, inboundMessageSchema } from '@hotline/channels';
import type { Ctx, Deps, TxCtx } from '../identity/context.ts';
import { transact } from '../platform/context/index.ts';
import type { Db } from '../platform/db/index.ts';
import type { DomainEvent } from '../platform/domain-events/index.ts';
import { GroupCommit } from '../platform/db/index.ts';
import { recordAudits } from '../platform/audit/index.ts';
import { type ResolvedContact, resolveContacts } from '../identity/contacts/resolve.ts';
import { type Appeal, appeals } from './schema.ts';
import { reserveCaseNumbers } from './case-number.ts';
import { type Message, attachments, conversations, messages } from '../messaging/schema.ts';
import { isOptedOut } from '../identity/contacts/opt-out.ts';
import { awaitingSurvey, ratingGivenBy, ratingOf, recordSurveyAnswer } from '../followup/survey.ts';
import { records } from '../platform/db/index.ts';

export interface IntakeResult {
  appeal: Appeal;
  message: Message;
  /** True when the provider message id was seen before: nothing new was stored. */
  replayed: boolean;
  /** The 回访 rating the message gave, when it answered a survey instead of opening an appeal. */
  rating?: number;
  /** The sender has opted out (SMS STOP / 退订): the message is stored, nothing is sent back. */
  senderOptedOut: boolean;
}

type Publish = (event: DomainEvent) => void;

/**
 * The one intake verb for every channel: resolve the contact and conversation, persist the
 * message, create the appeal or add to the conversation's current one, then publish events.
 * The same (channel, provider message id) twice stores one message.
 *
 * Concurrent messages are written together (group commit): a webhook burst costs a few
 * transactions of multi-row statements, not one transaction of a dozen statements per message.
 * Inside a caller's transaction the message is written there, alone.
 */
export async function receiveInbound({ ctx, input }: { ctx: Ctx; input: InboundMessageInput }): Promise<IntakeResult> {
  const inbound = inboundMessageSchema.parse(input);
  if (isTransaction(ctx.db)) return (await storeInbound(ctx, [inbound]))[0]!;
  return groupCommitFor(ctx).submit(inbound);
}

const isTransaction = (db: Ctx['db']) => 'rollback' in db;

const groupCommits = new WeakMap<Db, GroupCommit<InboundMessage, IntakeResult>>();
function groupCommitFor(ctx: Ctx) {
  const db = ctx.db as Db;
  let group = groupCommits.get(db);
  if (!group) {
    const deps: Deps = { ...ctx, db };
    group = new GroupCommit((batch) => storeInbound({ ...deps, actor: { type: 'system' } }, batch));
    groupCommits.set(db, group);
  }
  return group;
}

/**
 * Stores a batch in one transaction and answers each message in order. A second message of the
 * batch into the same conversation (same sender, or one contact writing from two identities) is
 * stored after it, as a follow-up; a message stored before is answered from the database.
 */
async function storeInbound(ctx: Ctx, batch: InboundMessage[]): Promise<IntakeResult[]> {
  const results = await findStored(ctx, batch);
  const { now, later } = oncePerSender(batch.filter((inbound) => !results.has(inbound)));
  if (now.length) {
    const { stored, deferred } = await transact(ctx, (tx, publish) => storeAll(tx, now, publish));
    for (const [inbound, result] of stored) results.set(inbound, result);
    // A concurrent copy of a message committed first: answered as that copy was.
    for (const [inbound, result] of await findStored(ctx, now.filter((inbound) => !stored.has(inbound) && !deferred.includes(inbound)))) results.set(inbound, result);
    later.unshift(...deferred);
  }
  for (const inbound of later) results.set(inbound, (await storeInbound(ctx, [inbound]))[0]!);
  return batch.map((inbound) => {
    const result = results.get(inbound);
    if (!result) throw new Error(`message ${inbound.channel}/${inbound.providerMessageId} was neither stored nor found`);
    return result;
  });
}

/** The first message of each sender, and the rest (a message's identity and contact are only settled once per transaction). */
function oncePerSender(batch: InboundMessage[]) {
  const seen = new Set<string>();
  const now: InboundMessage[] = [];
  const later: InboundMessage[] = [];
  for (const inbound of batch) {
    const keys = [`${inbound.channel}|${inbound.providerMessageId}`, ...[inbound.sender, ...inbound.otherIdentities].map((i) => `${i.kind}|${i.value}`)];
    (keys.some((k) => seen.has(k)) ? later : now).push(inbound);
    keys.forEach((k) => seen.add(k));
  }
  return { now, later };
}

/** One stored message in the making; `message` is unset when it was stored before (a provider's retry). */
interface Arrival {
  inbound: InboundMessage;
  contact: ResolvedContact;
  conversationId?: string;
  current?: Appeal;
  appealId?: string;
  message?: Message;
}

/**
 * Everything the batch needs, in a fixed number of multi-row statements. `stored` has no answer for
 * a message stored before; `deferred` are messages into a conversation another message of the batch
 * already goes to (one contact writing from two of its identities), to be stored after this batch.
 */
async function storeAll(tx: TxCtx, batch: InboundMessage[], publish: Publish): Promise<{ stored: Map<InboundMessage, IntakeResult>; deferred: InboundMessage[] }> {
  const contacts = await resolveContacts(
    tx.db,
    batch.map((inbound) => ({ sender: inbound.sender, others: inbound.otherIdentities, name: inbound.senderName })),
  );
  const conversationKeys = new Set<string>();
  const arrivals: Arrival[] = [];
  const deferred: InboundMessage[] = [];
  batch.forEach((inbound, i) => {
    const key = `${contacts[i]!.contactId}|${inbound.channel}`;
    if (conversationKeys.has(key)) deferred.push(inbound);
    else arrivals.push({ inbound, contact: contacts[i]! });
    conversationKeys.add(key);
  });
  const answers = new Map<Arrival, IntakeResult | undefined>();
  // Before anything could open a new appeal: a bare 1–5 may answer this citizen's 回访 survey.
  for (const arrival of arrivals) {
    const surveyed = await surveyAnswered(tx, arrival);
    if (surveyed) answers.set(arrival, await storeSurveyAnswer({ ...tx, actor: { type: 'contact', contactId: arrival.contact.contactId } }, arrival, surveyed, publish));
  }
  const filing = arrivals.filter((arrival) => !answers.has(arrival));
  if (filing.length) await fileMessages(tx, filing, publish);
  for (const arrival of filing) answers.set(arrival, arrival.message && resultOf(arrival));
  const stored = new Map<InboundMessage, IntakeResult>();
  for (const [arrival, answer] of answers) if (answer) stored.set(arrival.inbound, answer);
  return { stored, deferred };
}

const resultOf = (arrival: Arrival): IntakeResult => ({
  appeal: arrival.current!,
  message: arrival.message!,
  replayed: false,
  senderOptedOut: arrival.contact.senderOptedOut,
});

/** Each message into its conversation's current appeal, or a new appeal when there is none. */
async function fileMessages(tx: TxCtx, arrivals: Arrival[], publish: Publish) {
  await openConversations(tx, arrivals);
  await loadCurrentAppeals(tx, arrivals);
  for (const arrival of arrivals) arrival.appealId = arrival.current?.id ?? randomUUID();
  await insertMessages(tx, arrivals);
  const stored = arrivals.filter((a) => a.message);
  await insertAttachments(tx, stored);

  const followUps = stored.filter((a) => a.current);
  for (const arrival of followUps) arrival.current = await addToAppeal(tx, arrival.current!, arrival.inbound);
  const opening = stored.filter((a) => !a.current);
  // The case-number counter is locked last, so its lock is held as briefly as possible.
  await createAppeals(tx, opening);
  await setCurrentAppeals(tx, opening);
  await recordAudits(
    tx.db,
    opening.map((a) => ({
      actor: { type: 'contact' as const, contactId: a.contact.contactId },
      action: 'appeal.created',
      entityType: 'appeal',
      entityId: a.current!.id,
      after: { status: a.current!.status, caseNumber: a.current!.caseNumber },
    })),
  );
  for (const arrival of stored) {
    const appeal = arrival.current!;
    publish(opening.includes(arrival) ? { name: 'appeal.created', payload: { appeal } } : { name: 'appeal.updated', payload: { appeal, change: 'message' } });
    publish({ name: 'message.created', payload: { message: arrival.message! } });
  }
}

/**
 * Each contact's open conversation on the channel, opened when there is none, and locked (in one
 * order, against deadlocks) for the rest of the transaction so two messages arriving together
 * cannot both open a new appeal in it. One statement; a conversation a concurrent transaction
 * opened meanwhile is not in its snapshot, and is read (and locked) by a second.
 */
async function openConversations(tx: TxCtx, arrivals: Arrival[]) {
  const wanted = arrivals
    .map((a) => ({ contact_id: a.contact.contactId, channel: a.inbound.channel, identity_id: a.contact.senderIdentityId }))
    .sort((a, b) => (a.contact_id + a.channel < b.contact_id + b.channel ? -1 : 1));
  const open = await openOrLock(tx, wanted, true);
  const found = (a: Arrival) => open.find((c) => c.contact_id === a.contact.contactId && c.channel === a.inbound.channel);
  const missing = wanted.filter((w) => !open.some((c) => c.contact_id === w.contact_id && c.channel === w.channel));
  if (missing.length) open.push(...(await openOrLock(tx, missing, false)));
  for (const arrival of arrivals) {
    const conversation = found(arrival)!;
    arrival.conversationId = conversation.id;
    if (!arrival.inbound.startsNewAppeal && conversation.current_appeal_id) arrival.appealId = conversation.current_appeal_id;
    if (conversation.identity_id !== arrival.contact.senderIdentityId) {
      await tx.db.update(conversations).set({ identityId: arrival.contact.senderIdentityId }).where(eq(conversations.id, conversation.id));
    }
  }
}

const openConversationsSchema = z.object({
  rows: z.array(z.object({ id: z.string(), contact_id: z.string(), channel: z.string(), identity_id: z.string(), current_appeal_id: z.string().nullable() })),
});
type OpenConversation = z.infer<typeof openConversationsSchema>['rows'][number];

async function openOrLock(tx: TxCtx, wanted: { contact_id: string; channel: string; identity_id: string }[], open: boolean): Promise<OpenConversation[]> {
  const columns = sql.raw('id, contact_id, channel, identity_id, current_appeal_id');
  const opening = open
    ? sql`, opened as (insert into ${conversations} (contact_id, channel, identity_id) select contact_id, channel, identity_id from wanted on conflict do nothing returning ${columns})`
    : sql``;
  const result = await tx.db.execute(sql`
    with wanted as (select * from jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as w(contact_id uuid, channel channel, identity_id uuid))${opening},
    existing as (
      select c.id, c.contact_id, c.channel, c.identity_id, c.current_appeal_id from ${conversations} c
      join wanted w on w.contact_id = c.contact_id and w.channel = c.channel
      where c.status = 'open' order by c.id for update of c)
    ${open ? sql`select ${columns} from opened union all ` : sql``}select ${columns} from existing`);
  return openConversationsSchema.parse(result).rows;
}

async function loadCurrentAppeals(tx: TxCtx, arrivals: Arrival[]) {
  const ids = arrivals.flatMap((a) => (a.appealId ? [a.appealId] : []));
  if (!ids.length) return;
  const current = await tx.db.select().from(appeals).where(inArray(appeals.id, ids));
  for (const arrival of arrivals) arrival.current = current.find((appeal) => appeal.id === arrival.appealId);
}

/** The messages, once per (channel, provider message id): one a concurrent copy stored first is left without `message`. */
async function insertMessages(tx: TxCtx, arrivals: Arrival[]) {
  const inserted = await tx.db
    .insert(messages)
    .select(records(messages, arrivals.map((a) => messageRow(a.conversationId!, a.inbound, a.appealId!))))
    .onConflictDoNothing()
    .returning();
  for (const arrival of arrivals) arrival.message = inserted.find((m) => m.channel === arrival.inbound.channel && m.providerMessageId === arrival.inbound.providerMessageId);
}

const messageRow = (conversationId: string, inbound: InboundMessage, appealId: string) => ({
  conversationId,
  appealId,
  channel: inbound.channel,
  direction: 'in' as const,
  text: inbound.text,
  latitude: inbound.location?.latitude,
  longitude: inbound.location?.longitude,
  locationLabel: inbound.location?.label,
  providerMessageId: inbound.providerMessageId,
  receivedAt: inbound.receivedAt,
});

async function insertAttachments(tx: TxCtx, arrivals: Arrival[]) {
  const rows = arrivals.flatMap((a) =>
    a.inbound.attachments.map((file) => ({
      messageId: a.message!.id,
      contentType: file.contentType,
      fileName: file.fileName,
      byteSize: file.data?.length,
      url: file.url,
      data: file.data,
    })),
  );
  if (rows.length) await tx.db.insert(attachments).values(rows);
}

/** New appeals with consecutive case numbers; each arrival's `current` becomes its appeal. */
async function createAppeals(tx: TxCtx, arrivals: Arrival[]) {
  if (!arrivals.length) return;
  const caseNumbers = await reserveCaseNumbers(
    tx.db,
    arrivals.map((a) => a.inbound.receivedAt),
    tx.config.timezone,
  );
  const created = await tx.db
    .insert(appeals)
    .select(
      records(
        appeals,
        arrivals.map((a, i) => ({
        id: a.appealId!,
        contactId: a.contact.contactId,
        conversationId: a.conversationId!,
        caseNumber: caseNumbers[i]!,
        channel: a.inbound.channel,
        summary: a.inbound.text,
        address: a.inbound.address,
        messageCount: 1,
        createdAt: a.inbound.receivedAt,
        ...(a.inbound.location ? placed(tx, a.inbound.location) : {}),
      })),
      ),
    )
    .returning();
  for (const arrival of arrivals) arrival.current = created.find((appeal) => appeal.id === arrival.appealId);
}

async function setCurrentAppeals(tx: TxCtx, arrivals: Arrival[]) {
  if (!arrivals.length) return;
  const pairs = sql.join(
    arrivals.map((a) => sql`(${a.conversationId}::uuid, ${a.appealId}::uuid)`),
    sql`, `,
  );
  await tx.db.execute(sql`update ${conversations} set current_appeal_id = v.appeal_id from (values ${pairs}) as v(id, appeal_id) where ${conversations.id} = v.id`);
}

/**
 * The rating and the appeal it answers, when the message is only a rating and the citizen has a
 * survey waiting. A web form or a call is a new appeal by design, never an answer.
 */
async function surveyAnswered(tx: TxCtx, { inbound, contact }: Arrival) {
  const rating = inbound.startsNewAppeal || inbound.attachments.length || inbound.location ? undefined : ratingOf(inbound.text);
  if (rating === undefined) return undefined;
  const appeal = await awaitingSurvey(tx, contact.contactId, inbound.receivedAt);
  return appeal && { appeal, rating };
}

/** A survey answer is kept in the rated appeal's conversation (nothing lost) and opens no appeal. */
async function storeSurveyAnswer(tx: TxCtx, arrival: Arrival, surveyed: { appeal: Appeal; rating: number }, publish: Publish): Promise<IntakeResult | undefined> {
  const { inbound } = arrival;
  const [message] = await tx.db
    .insert(messages)
    .values(messageRow(surveyed.appeal.conversationId, inbound, surveyed.appeal.id))
    .onConflictDoNothing()
    .returning();
  if (!message) return undefined;
  const counted = await addToAppeal(tx, surveyed.appeal, inbound);
  const appeal = await recordSurveyAnswer(tx, publish, counted, { satisfaction: surveyed.rating, channel: inbound.channel, at: inbound.receivedAt });
  publish({ name: 'message.created', payload: { message } });
  return { appeal, message, replayed: false, rating: surveyed.rating, senderOptedOut: arrival.contact.senderOptedOut };
}

async function addToAppeal(tx: TxCtx, appeal: Appeal, inbound: InboundMessage): Promise<Appeal> {
  const point = inbound.location && !appeal.latitude ? placed(tx, inbound.location) : {};
  const [updated] = await tx.db
    .update(appeals)
    .set({
      messageCount: sql`${appeals.messageCount} + 1`,
      updatedAt: new Date(),
      ...(inbound.address && !appeal.address ? { address: inbound.address } : {}),
      ...point,
    })
    .where(eq(appeals.id, appeal.id))
    .returning();
  return updated!;
}

/** A point, and the grid it falls in (null when it lies outside the territory). */
function placed(ctx: Ctx, point: { latitude: number; longitude: number }) {
  return { latitude: point.latitude, longitude: point.longitude, gridCode: ctx.territory.locateGrid(point)?.code ?? null };
}

/** Messages stored before (a provider's retry, or a concurrent copy that won), answered as they were then. */
async function findStored(ctx: Ctx, batch: InboundMessage[]): Promise<Map<InboundMessage, IntakeResult>> {
  const found = new Map<InboundMessage, IntakeResult>();
  if (!batch.length) return found;
  const keys = sql.join(
    batch.map((inbound) => sql`(${inbound.channel}::channel, ${inbound.providerMessageId})`),
    sql`, `,
  );
  const rows = await ctx.db
    .select({ message: messages, appeal: appeals })
    .from(messages)
    .innerJoin(appeals, eq(appeals.id, messages.appealId))
    .where(sql`(${messages.channel}, ${messages.providerMessageId}) in (${keys})`);
  for (const inbound of batch) {
    const row = rows.find((r) => r.message.channel === inbound.channel && r.message.providerMessageId === inbound.providerMessageId);
    if (row) found.set(inbound, { ...row, replayed: true, rating: ratingGivenBy(row.message, row.appeal), senderOptedOut: await isOptedOut(ctx, inbound.sender) });
  }
  return found;
}
