import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../identity/auth/index.ts';
import type { RoutingCtx } from './context.ts';
import { transact } from '../platform/context/index.ts';
import type { DbOrTx, Tx } from '../platform/db/index.ts';
import { recordAudit } from '../platform/audit/index.ts';
import { ServiceError, notFound } from '../platform/errors/index.ts';
import type { SessionUser } from '../identity/auth/index.ts';
import { QUEUE_ROLES, ROSTER_ROLES } from '../identity/auth/index.ts';
import { type Role, users } from '../identity/auth/index.ts';
import { type PresenceStatus, agentPresence, agentSkills } from './schema.ts';
import { agentLoads, loadOf } from './load.ts';
import { capacityOf } from './capacity.ts';
import { type AgentSkills, canTake, hasRoom } from './skills.ts';
import type { AgentView, MyPresence } from './views.ts';

const isRosterRole = (role: Role): role is (typeof ROSTER_ROLES)[number] => (ROSTER_ROLES as readonly Role[]).includes(role);

/** An agent who never set a status is offline. */
export async function presenceOf(db: DbOrTx, userId: string): Promise<PresenceStatus> {
  const [row] = await db.select({ status: agentPresence.status }).from(agentPresence).where(eq(agentPresence.userId, userId));
  return row?.status ?? 'offline';
}

/** A staff member's own status, capacity and current load. */
export async function myPresence({ ctx, input }: { ctx: Ctx; input: { userId: string } }): Promise<MyPresence> {
  const [status, loads, capacity] = await Promise.all([
    presenceOf(ctx.db, input.userId),
    agentLoads(ctx.db),
    capacityOf(ctx.db, input.userId, ctx.config.routing.capacity),
  ]);
  return { status, capacity, load: loadOf(loads, input.userId) };
}

/**
 * Sets a staff member's presence: their own, or (supervisors, admins) an agent's. Audited with
 * whoever did it, published as `presence.changed`; setting the current status again changes nothing.
 */
export async function setPresence({ ctx, input }: { ctx: Ctx; input: { userId: string; status: PresenceStatus } }): Promise<MyPresence> {
  if (ctx.actor.type !== 'user') throw new ServiceError('forbidden', 'Only staff set presence');
  const self = ctx.actor.user.id === input.userId;
  await transact(ctx, async (tx, publish) => {
    const [target] = await tx.db
      .select({ role: users.role })
      .from(users)
      .where(and(eq(users.id, input.userId), isNull(users.disabledAt)));
    // Anyone who works the queue sets their own; a supervisor sets only agents' and supervisors'.
    if (!target || !(self ? QUEUE_ROLES.includes(target.role) : isRosterRole(target.role))) throw notFound('Agent');
    const [row] = await tx.db.select({ status: agentPresence.status }).from(agentPresence).where(eq(agentPresence.userId, input.userId)).for('update');
    const previous = row?.status ?? 'offline';
    if (row && previous === input.status) return;
    await writePresence(tx.db, input.userId, input.status);
    await recordAudit(tx.db, tx.actor, {
      action: 'presence.changed',
      entityType: 'user',
      entityId: input.userId,
      before: { status: previous },
      after: { status: input.status },
    });
    publish({ name: 'presence.changed', payload: { userId: input.userId, status: input.status, previous } });
  });
  return myPresence({ ctx, input: { userId: input.userId } });
}

async function writePresence(tx: Tx, userId: string, status: PresenceStatus) {
  await tx
    .insert(agentPresence)
    .values({ userId, status })
    .onConflictDoUpdate({ target: agentPresence.userId, set: { status, updatedAt: new Date() } });
}

/**
 * An agent opening the console for the first time ever is available: the demo and a new agent
 * work without a first click. A status they chose before (away, offline…) is kept.
 */
export async function presenceOnConnect(deps: Pick<Ctx, 'db' | 'domainEvents'>, user: SessionUser): Promise<void> {
  if (user.role !== 'agent') return;
  const ctx = { ...deps, actor: { type: 'user' as const, user } };
  const [known] = await ctx.db.select({ userId: agentPresence.userId }).from(agentPresence).where(eq(agentPresence.userId, user.id));
  if (known) return;
  await transact(ctx, async (tx, publish) => {
    const [created] = await tx.db.insert(agentPresence).values({ userId: user.id, status: 'available' }).onConflictDoNothing().returning();
    if (!created) return;
    await recordAudit(tx.db, tx.actor, {
      action: 'presence.changed',
      entityType: 'user',
      entityId: user.id,
      before: { status: 'offline' },
      after: { status: 'available', reason: 'first console' },
    });
    publish({ name: 'presence.changed', payload: { userId: user.id, status: 'available', previous: 'offline' } });
  });
}

/** Skills rows of these users; a user without one can take anything. */
export async function skillsOf(db: DbOrTx, userIds: string[]): Promise<Map<string, AgentSkills>> {
  if (!userIds.length) return new Map();
  const rows = await db.select().from(agentSkills).where(inArray(agentSkills.userId, userIds));
  return new Map(rows.map(({ userId, ...skills }) => [userId, skills]));
}

/**
 * Every agent and supervisor with status, whether a console is open, load and capacity:
 * the transfer picker and the supervisor wall read it.
 */
export async function agentRoster({ ctx }: { ctx: RoutingCtx }): Promise<AgentView[]> {
  const [rows, loads] = await Promise.all([
    ctx.db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        status: agentPresence.status,
        chatCapacity: users.chatCapacity,
        callCapacity: users.callCapacity,
      })
      .from(users)
      .leftJoin(agentPresence, eq(agentPresence.userId, users.id))
      .where(and(inArray(users.role, [...ROSTER_ROLES]), isNull(users.disabledAt)))
      .orderBy(asc(users.role), asc(users.username)),
    agentLoads(ctx.db),
  ]);
  const online = ctx.presence.onlineUserIds();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role as AgentView['role'],
    status: r.status ?? 'offline',
    online: online.has(r.id),
    load: loadOf(loads, r.id),
    capacity: { chats: r.chatCapacity ?? ctx.config.routing.capacity.chats, calls: r.callCapacity ?? ctx.config.routing.capacity.calls },
  }));
}

/**
 * How many agents could take a phone call now: available, with a console open, under the calls
 * capacity and not excluded from voice by their skills. Voice routing queues a caller only then.
 */
export async function callTakers(ctx: RoutingCtx): Promise<number> {
  const roster = (await agentRoster({ ctx })).filter((a) => a.status === 'available' && a.online && hasRoom(a.load, a.capacity, 'calls'));
  if (!roster.length) return 0;
  const skills = await skillsOf(
    ctx.db,
    roster.map((a) => a.id),
  );
  // The voice menu is Mandarin: an empty text counts as Chinese.
  return roster.filter((a) => canTake(skills.get(a.id), { channel: 'voice', summary: '', platform: null })).length;
}
