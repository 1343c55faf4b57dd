import type { Ctx } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import { deliver } from '../messaging/index.ts';
import { type Appeal, recordDecision, takeUpPending } from '../appeals/index.ts';
import { createEventForAppeal } from './create.ts';
import type { EventInput } from './views.ts';

/**
 * 受理: the pending appeal becomes an event (事件), from the agent's form when given, otherwise from
 * the draft, in the same transaction as the decision — an invalid event form leaves the appeal
 * pending. The citizen is told once on their own channel: by the event's dispatch notice (派由…办理),
 * or, when the draft placed no event, by the acceptance notice.
 */
export async function acceptAppeal({ ctx, input }: { ctx: Ctx; input: { appealId: string; event?: EventInput } }): Promise<Appeal> {
  const { decided, notice } = await transact(ctx, async (tx, publish) => {
    const before = await takeUpPending(tx, input.appealId);
    const event = await createEventForAppeal(tx, publish, before, input.event);
    return recordDecision(tx, publish, before, { kind: 'accept', dispatched: event !== undefined });
  });
  if (notice) await deliver(ctx, notice);
  return decided;
}
