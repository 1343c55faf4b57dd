import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, notInArray, or } from 'drizzle-orm';
import type { RoutingCtx, RoutingDeps } from './context.ts';
import { transact } from '../platform/context/index.ts';
import { users } from '../identity/auth/index.ts';
import { appeals } from '../appeals/index.ts';
import { categories } from '../reference/taxonomy/index.ts';
import { agentPresence } from './schema.ts';
import { agentLoads, loadOf } from './load.ts';
import { capacitiesOf } from './capacity.ts';
import { skillsOf } from './presence.ts';
import { ROSTER_ROLES } from '../identity/auth/index.ts';
import { type AgentSkills, type RoutableAppeal, type WorkLoad, canTake, hasRoom, hasRoomFor, workKind } from './skills.ts';
import { assignIfUnassigned } from '../appeals/index.ts';
import { lockAgents, mayTakeWork } from './assign.ts';

/** Appeals read (and locked) at a time while routing. */
const BATCH = 50;
/** Assignments per pass: short transactions, so claims and other passes never wait long. */
const MAX_PER_PASS = 25;
/** At most this many appeals nobody could take are looked past in one pass. */
const MAX_SKIPPED = 1_000;

interface RoutingAgent {
  id: string;
  skills: AgentSkills | undefined;
  load: WorkLoad;
  capacity: WorkLoad;
}

/**
 * The least-loaded agent who may take the appeal and has room for its kind of work (an emergency
 * chat goes over the limit): fewest of that kind first, then fewest overall; ties go to the first by username.
 */
export function pickAgent(agents: RoutingAgent[], appeal: RoutableAppeal): RoutingAgent | undefined {
  const kind = workKind(appeal.channel);
  let best: RoutingAgent | undefined;
  for (const agent of agents) {
    if (!hasRoomFor(agent.load, agent.capacity, appeal) || !canTake(agent.skills, appeal)) continue;
    if (!best || agent.load[kind] < best.load[kind] || (agent.load[kind] === best.load[kind] && total(agent.load) < total(best.load))) best = agent;
  }
  return best;
}
const total = (load: WorkLoad) => load.chats + load.calls;

/**
 * One routing pass (ROUTING_MODE=auto): the pending, unassigned, already triaged appeals, most
 * urgent then oldest first, each to the least-loaded available agent with a console open, a live
 * session and an enabled account, the skills for it and spare capacity, at most `maxAssignments`
 * of them. Returns how many it assigned (call again while it returns more than 0).
 *
 * Race-free across concurrent passes, claims and server instances: the agents it routes to are
 * locked first (`FOR NO KEY UPDATE SKIP LOCKED`, see `lockAgents`) and their load counted after,
 * and appeals are read `FOR UPDATE SKIP LOCKED`, so a row another pass or a claim holds is left to
 * it. PGlite runs one transaction at a time, so the same SQL is simply serial there.
 */
export async function assignPending({ ctx, input = {} }: { ctx: RoutingCtx; input?: { maxAssignments?: number } }): Promise<number> {
  const max = input.maxAssignments ?? MAX_PER_PASS;
  const online = [...ctx.presence.onlineUserIds()];
  if (!online.length) return 0;
  const candidates = await ctx.db
    .select({ id: agentPresence.userId })
    .from(agentPresence)
    .innerJoin(users, eq(users.id, agentPresence.userId))
    .where(and(eq(agentPresence.status, 'available'), inArray(agentPresence.userId, online), inArray(users.role, [...ROSTER_ROLES]), mayTakeWork(ctx.db)));
  if (!candidates.length) return 0;

  return transact({ ...ctx, actor: { type: 'system' as const } }, async (tx, publish) => {
    const locked = await lockAgents(
      tx,
      candidates.map((c) => c.id),
      { skipLocked: true },
    );
    if (!locked.length) return 0;
    // Counted after the locks: every assignment to these agents that committed before is included.
    const loads = await agentLoads(tx.db);
    const skills = await skillsOf(tx.db, locked);
    const platformRows = await tx.db.select({ code: categories.code, platform: categories.platform }).from(categories);
    const platforms = new Map(platformRows.map((c) => [c.code, c.platform]));
    const capacities = await capacitiesOf(tx.db, locked, ctx.config.routing.capacity);
    const agents: RoutingAgent[] = locked.map((id) => ({ id, skills: skills.get(id), load: { ...loadOf(loads, id) }, capacity: capacities.get(id)! }));
    const room = (kind: keyof WorkLoad) => agents.some((a) => hasRoom(a.load, a.capacity, kind));

    let assigned = 0;
    const skipped: string[] = [];
    // With every chat slot taken the pass still looks for 特急 written appeals: they go over the limit.
    while (assigned < max && skipped.length < MAX_SKIPPED) {
      const batch = await tx.db
        .select()
        .from(appeals)
        .where(
          and(
            eq(appeals.status, 'pending'),
            isNull(appeals.assigneeId),
            // Routed once NLP has classified it: skills by platform need the category.
            isNotNull(appeals.nlpProcessedAt),
            room('calls') ? undefined : ne(appeals.channel, 'voice'),
            room('chats') ? undefined : or(eq(appeals.channel, 'voice'), eq(appeals.urgency, 'emergency')),
            skipped.length ? notInArray(appeals.id, skipped) : undefined,
          ),
        )
        .orderBy(desc(appeals.urgency), asc(appeals.createdAt), asc(appeals.id))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      if (!batch.length) break;
      for (const appeal of batch) {
        if (assigned >= max) break;
        const agent = pickAgent(agents, {
          channel: appeal.channel,
          summary: appeal.summary,
          platform: (appeal.categoryCode && platforms.get(appeal.categoryCode)) || null,
          urgency: appeal.urgency,
        });
        if (!agent || !(await assignIfUnassigned(tx, publish, appeal, agent.id, 'routing'))) {
          skipped.push(appeal.id);
          continue;
        }
        agent.load[workKind(appeal.channel)] += 1;
        assigned += 1;
      }
    }
    return assigned;
  });
}

export interface AutoRouterOptions {
  /** The safety net: a pass this often even when no event asked for one. */
  sweepMs?: number;
}

/**
 * Runs routing passes when work or room appears: an appeal classified by NLP, an appeal leaving an
 * agent (accepted, rejected, merged, answered, transferred), an agent becoming available or opening
 * the console, and on a timer. Passes in this process run one at a time; requests during a pass
 * coalesce into one more pass.
 */
export class AutoRouter {
  readonly #ctx: RoutingCtx;
  #timer: ReturnType<typeof setInterval> | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(
    deps: RoutingDeps,
    private readonly options: AutoRouterOptions = {},
  ) {
    this.#ctx = { ...deps, actor: { type: 'system' } };
  }

  /** Sweeps on an interval (and once now); `listeners.ts` asks for passes when something routable changes. */
  start(): this {
    this.#timer = setInterval(() => this.kick(), this.options.sweepMs ?? 15_000);
    this.#timer.unref();
    this.kick();
    return this;
  }

  /** Asks for a routing pass soon; never throws. */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        // Passes until one assigns nothing: a pass stops at the agents it could lock.
        while (!this.#stopped && (await assignPending({ ctx: this.#ctx })) > 0);
      } while (this.#again && !this.#stopped);
    })()
      .catch((error) => console.error('auto-assign failed:', error))
      .finally(() => (this.#running = undefined));
  }

  /** Resolves when no pass is running or requested (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  stop(): void {
    this.#stopped = true;
    clearInterval(this.#timer);
  }
}
