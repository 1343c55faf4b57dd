import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.ts';
import type { CallView } from './views.ts';
import type { VoiceWebhook } from '@hotline/channels/twilio';
import type { Ctx } from '../../identity/auth/index.ts';
import { type Appeal, appeals } from '../../appeals/index.ts';
import { type Call, callEvents, calls } from './schema.ts';

type CallChange = Partial<
  Pick<
    Call,
    | 'appealId'
    | 'contactId'
    | 'purpose'
    | 'speechConfidence'
    | 'enqueuedAt'
    | 'queueResult'
    | 'queueSeconds'
    | 'recordingSid'
    | 'recordingUrl'
    | 'durationSeconds'
    | 'endedAt'
  >
>;

const ENDED = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

/**
 * Every voice webhook carries the call's state: keep one row per CallSid up to date and log each
 * event, so the supervisor wall can count waiting, answered and abandoned calls.
 */
export async function recordCall({ ctx, input }: { ctx: Ctx; input: { webhook: VoiceWebhook; event: string; change?: CallChange } }): Promise<Call> {
  const { webhook, event, change = {} } = input;
  const ended = ENDED.has(webhook.CallStatus) ? { endedAt: new Date(), durationSeconds: webhook.CallDuration ?? null } : {};
  const call = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(calls)
      .values({ callSid: webhook.CallSid, fromNumber: webhook.From, toNumber: webhook.To, status: webhook.CallStatus, ...ended, ...change })
      .onConflictDoUpdate({ target: calls.callSid, set: { status: webhook.CallStatus, updatedAt: sql`now()`, ...ended, ...change } })
      .returning();
    await tx.insert(callEvents).values({ callSid: webhook.CallSid, event });
    return row!;
  });
  ctx.domainEvents.emit({ name: 'call.updated', payload: { call } });
  return call;
}

export function toCallView(call: Call): CallView {
  return {
    callSid: call.callSid,
    appealId: call.appealId,
    status: call.status,
    enqueuedAt: call.enqueuedAt?.toISOString() ?? null,
    queueResult: call.queueResult,
    durationSeconds: call.durationSeconds,
    startedAt: call.createdAt.toISOString(),
    endedAt: call.endedAt?.toISOString() ?? null,
  };
}

export async function callsOfAppeal(db: DbOrTx, appealId: string): Promise<CallView[]> {
  const rows = await db.select().from(calls).where(eq(calls.appealId, appealId)).orderBy(asc(calls.createdAt));
  return rows.map(toCallView);
}

/** The appeal a call filed, if it filed one yet. */
export async function appealOfCall(ctx: Ctx, callSid: string): Promise<Appeal | undefined> {
  const [row] = await ctx.db.select({ appeal: appeals }).from(calls).innerJoin(appeals, eq(appeals.id, calls.appealId)).where(eq(calls.callSid, callSid));
  return row?.appeal;
}
