import type { Ctx } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import { ServiceError } from '../platform/errors/index.ts';
import type { Appeal } from '../appeals/index.ts';
import { assertPending, lockAppeal } from '../appeals/index.ts';
import { agentLoads, loadOf } from './load.ts';
import { capacityOf } from './capacity.ts';
import { hasRoomFor, workKind } from './skills.ts';
import { assignIfUnassigned } from '../appeals/index.ts';
import { heldByConflict, lockAgents } from './assign.ts';

const kindWords = { chats: '件文字诉求', calls: '通来电' } as const;

/**
 * An agent picks an appeal from the shared queue (manual routing). Race-free: the appeal row is
 * locked, then the agent's own row (the capacity mutex), then it is assigned only if still
 * unassigned. Holding it already is fine; someone else holding it is a 409 naming them; a full
 * capacity is a 409 too, except for a 特急 written appeal, which an agent may take over the limit.
 */
export async function claimAppeal({ ctx, input }: { ctx: Ctx; input: { appealId: string } }): Promise<Appeal> {
  if (ctx.actor.type !== 'user') throw new ServiceError('forbidden', 'Only staff claim appeals');
  const me = ctx.actor.user;
  return transact(ctx, async (tx, publish) => {
    const appeal = await lockAppeal(tx, input.appealId);
    assertPending(appeal);
    if (appeal.assigneeId === me.id) return appeal;
    if (appeal.assigneeId) throw await heldByConflict(tx, appeal);
    // Their session ended or their account was disabled since this request was authenticated.
    if (!(await lockAgents(tx, [me.id])).length) throw new ServiceError('unauthenticated', 'Log in first');
    const load = loadOf(await agentLoads(tx.db), me.id);
    const capacity = await capacityOf(tx.db, me.id, ctx.config.routing.capacity);
    const kind = workKind(appeal.channel);
    if (!hasRoomFor(load, capacity, appeal)) {
      throw new ServiceError(
        'conflict',
        `您正在处理 ${load[kind]} ${kindWords[kind]}，已达上限 ${capacity[kind]}；请先办结或转交手头的诉求`,
        {
          capacity,
          load,
          kind,
        },
        'capacity_full',
      );
    }
    const claimed = await assignIfUnassigned(tx, publish, appeal, me.id, 'claim');
    if (!claimed) throw new ServiceError('conflict', `案件 ${appeal.caseNumber} 已被他人领取`, { caseNumber: appeal.caseNumber }, 'held_by_other');
    return claimed;
  });
}
