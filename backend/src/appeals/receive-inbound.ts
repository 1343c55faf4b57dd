import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { type InboundMessage, type InboundMessageInput, storedInboundSchema } from '@hotline/channels';
import type { Ctx, Deps, TxCtx } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import { type Db, GroupCommit } from '../platform/db/index.ts';
import type { DomainEvent } from '../platform/domain-events/index.ts';
import { recordAudits } from '../platform/audit/index.ts';
import { type ResolvedContact, isOptedOut, resolveContacts } from '../identity/contacts/index.ts';
import { type Message, findStoredInbound, openConversations, setCurrentAppeals, storeInboundMessages } from '../messaging/index.ts';
import { type Appeal, appeals } from './schema.ts';
import { reserveCaseNumbers } from './case-number.ts';
import { records } from '../platform/db/index.ts';

export interface IntakeResult {
  appeal: Appeal;
  message: Message;
  /** True when the provider message id was seen before: nothing new was stored. */
  replayed: boolean;
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
  const inbound = storedInboundSchema.parse(input);
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
    for (const [inbound, result] of await findStored(
      ctx,
      now.filter((inbound) => !stored.has(inbound) && !deferred.includes(inbound)),
    ))
      results.set(inbound, result);
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
async function storeAll(
  tx: TxCtx,
  batch: InboundMessage[],
  publish: Publish,
): Promise<{ stored: Map<InboundMessage, IntakeResult>; deferred: InboundMessage[] }> {
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
  await fileMessages(tx, arrivals, publish);
  const stored = new Map<InboundMessage, IntakeResult>();
  for (const arrival of arrivals) {
    if (arrival.message)
      stored.set(arrival.inbound, { appeal: arrival.current!, message: arrival.message, replayed: false, senderOptedOut: arrival.contact.senderOptedOut });
  }
  return { stored, deferred };
}

/** Each message into its conversation's current appeal, or a new appeal when there is none. */
async function fileMessages(tx: TxCtx, arrivals: Arrival[], publish: Publish) {
  const open = await openConversations(
    tx.db,
    arrivals.map((a) => ({ contactId: a.contact.contactId, channel: a.inbound.channel, identityId: a.contact.senderIdentityId })),
  );
  arrivals.forEach((arrival, i) => {
    arrival.conversationId = open[i]!.id;
    if (!arrival.inbound.startsNewAppeal && open[i]!.currentAppealId) arrival.appealId = open[i]!.currentAppealId!;
  });
  await loadCurrentAppeals(tx, arrivals);
  for (const arrival of arrivals) arrival.appealId = arrival.current?.id ?? randomUUID();
  const messages = await storeInboundMessages(
    tx.db,
    arrivals.map((a) => ({ conversationId: a.conversationId!, appealId: a.appealId!, inbound: a.inbound })),
  );
  arrivals.forEach((arrival, i) => (arrival.message = messages[i]));
  const stored = arrivals.filter((a) => a.message);

  const followUps = stored.filter((a) => a.current);
  for (const arrival of followUps) arrival.current = await addMessageToAppeal(tx, arrival.current!, arrival.inbound);
  const opening = stored.filter((a) => !a.current);
  // The case-number counter is locked last, so its lock is held as briefly as possible.
  await createAppeals(tx, opening);
  await setCurrentAppeals(
    tx.db,
    opening.map((a) => ({ conversationId: a.conversationId!, appealId: a.appealId! })),
  );
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

async function loadCurrentAppeals(tx: TxCtx, arrivals: Arrival[]) {
  const ids = arrivals.flatMap((a) => (a.appealId ? [a.appealId] : []));
  if (!ids.length) return;
  const current = await tx.db.select().from(appeals).where(inArray(appeals.id, ids));
  for (const arrival of arrivals) arrival.current = current.find((appeal) => appeal.id === arrival.appealId);
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

/** A follow-up message counts on its appeal, and gives it an address or a point it lacked. */
export async function addMessageToAppeal(tx: TxCtx, appeal: Appeal, inbound: InboundMessage): Promise<Appeal> {
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
  const stored = await findStoredInbound(ctx.db, batch);
  if (!stored.length) return found;
  const filedIn = await ctx.db
    .select()
    .from(appeals)
    .where(
      inArray(
        appeals.id,
        stored.flatMap((m) => (m.appealId ? [m.appealId] : [])),
      ),
    );
  for (const inbound of batch) {
    const message = stored.find((m) => m.channel === inbound.channel && m.providerMessageId === inbound.providerMessageId);
    const appeal = message && filedIn.find((a) => a.id === message.appealId);
    if (message && appeal) found.set(inbound, { appeal, message, replayed: true, senderOptedOut: await isOptedOut(ctx, inbound.sender) });
  }
  return found;
}
