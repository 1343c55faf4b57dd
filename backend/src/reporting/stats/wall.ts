import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { channels } from '@hotline/channels';
import type { RoutingCtx } from '../../routing/index.ts';
import { appeals } from '../../appeals/index.ts';
import { calls } from '../../routing/index.ts';
import { agentRoster } from '../../routing/index.ts';
import { periodStart } from './hot.ts';
import type { WallAgent, WallChannel, WallSnapshot, WallWarning } from './views.ts';

/** SLA breaches listed on the wall; the oldest come first. */
const SLA_BREACHES_SHOWN = 20;
/** A warning turns critical at this multiple of its threshold. */
const CRITICAL_FACTOR = 2;
const DECIDED = ['accepted', 'rejected', 'merged', 'answered'] as const;

const int = (expression: ReturnType<typeof sql>) => sql<number>`(${expression})::int`.mapWith(Number);

type Db = RoutingCtx['db'];
const answeredAt = sql`least(${appeals.firstResponseAt}, ${appeals.decidedAt})`;
const waitedSecondsAt = (now: Date) => (since: Date) => Math.max(0, Math.floor((now.getTime() - since.getTime()) / 1000));

/** Pending appeals per channel: waiting for anyone (and since when), and being worked on. */
const pendingByChannel = (db: Db) =>
  db
    .select({
      channel: appeals.channel,
      waiting: int(sql`count(*) filter (where ${appeals.assigneeId} is null)`),
      oldest: sql<Date | null>`min(${appeals.createdAt}) filter (where ${appeals.assigneeId} is null)`.mapWith(appeals.createdAt),
      inProgress: int(sql`count(*) filter (where ${appeals.assigneeId} is not null)`),
    })
    .from(appeals)
    .where(eq(appeals.status, 'pending'))
    .groupBy(appeals.channel);

/** Today's appeals per channel answered (first reply or decision), and how many within the service-level target. */
const answeredByChannel = (db: Db, today: Date, target: number) =>
  db
    .select({
      channel: appeals.channel,
      answered: int(sql`count(${answeredAt})`),
      withinTarget: int(sql`count(*) filter (where ${answeredAt} <= ${appeals.createdAt} + make_interval(secs => ${target}))`),
    })
    .from(appeals)
    .where(gte(appeals.createdAt, today))
    .groupBy(appeals.channel);

/** Today's calls that waited in the queue, and those whose caller hung up there. */
const queuedCalls = async (db: Db, today: Date) =>
  (
    await db
      .select({
        enqueued: int(sql`count(*) filter (where ${calls.enqueuedAt} is not null)`),
        abandoned: int(sql`count(*) filter (where ${calls.enqueuedAt} is not null and ${calls.queueResult} = 'hangup')`),
      })
      .from(calls)
      .where(gte(calls.createdAt, today))
  )[0] ?? { enqueued: 0, abandoned: 0 };

/** Per agent, the appeals decided today and the average time from assignment to decision. */
const handledToday = (db: Db, today: Date) =>
  db
    .select({
      agentId: appeals.assigneeId,
      handled: int(sql`count(*)`),
      averageSeconds: int(sql`round(avg(extract(epoch from ${appeals.decidedAt} - coalesce(${appeals.assignedAt}, ${appeals.createdAt}))))`),
    })
    .from(appeals)
    .where(and(gte(appeals.decidedAt, today), inArray(appeals.status, DECIDED), isNotNull(appeals.assigneeId)))
    .groupBy(appeals.assigneeId);

const pendingEmergencies = (db: Db) =>
  db
    .select({ id: appeals.id, caseNumber: appeals.caseNumber, summary: appeals.summary, createdAt: appeals.createdAt })
    .from(appeals)
    .where(and(eq(appeals.status, 'pending'), eq(appeals.urgency, 'emergency')))
    .orderBy(asc(appeals.createdAt));

/** Pending appeals with no first reply after the SLA, oldest first. */
const slaBreaches = (db: Db, now: Date, slaSeconds: number) =>
  db
    .select({ id: appeals.id, caseNumber: appeals.caseNumber, createdAt: appeals.createdAt })
    .from(appeals)
    .where(and(eq(appeals.status, 'pending'), isNull(appeals.firstResponseAt), lte(appeals.createdAt, new Date(now.getTime() - slaSeconds * 1000))))
    .orderBy(asc(appeals.createdAt))
    .limit(SLA_BREACHES_SHOWN);

/** One row per channel, every channel present even when quiet. */
function channelRowsOf(
  pending: Awaited<ReturnType<typeof pendingByChannel>>,
  answered: Awaited<ReturnType<typeof answeredByChannel>>,
  called: Awaited<ReturnType<typeof queuedCalls>>,
  waitedSeconds: (since: Date) => number,
): WallChannel[] {
  return channels.map((channel) => {
    const p = pending.find((r) => r.channel === channel);
    const a = answered.find((r) => r.channel === channel);
    const voice = channel === 'voice' ? called : { enqueued: 0, abandoned: 0 };
    const answeredToday = a?.answered ?? 0;
    const answeredWithinTarget = a?.withinTarget ?? 0;
    return {
      channel,
      waiting: p?.waiting ?? 0,
      longestWaitSeconds: p?.oldest ? waitedSeconds(p.oldest) : 0,
      inProgress: p?.inProgress ?? 0,
      answeredToday,
      answeredWithinTarget,
      serviceLevel: answeredToday ? answeredWithinTarget / answeredToday : null,
      abandonedCalls: voice.abandoned,
      enqueuedCalls: voice.enqueued,
      abandonRate: voice.enqueued ? voice.abandoned / voice.enqueued : null,
    };
  });
}

/** Seat agents with their presence, load and today's handling, and how many are in each presence. */
function agentsOf(roster: Awaited<ReturnType<typeof agentRoster>>, handled: Awaited<ReturnType<typeof handledToday>>) {
  const agents = { available: 0, busy: 0, away: 0, offline: 0 };
  // The roster lists supervisors too (they can take appeals); the wall counts seat agents.
  const perAgent: WallAgent[] = roster
    .filter((a) => a.role === 'agent')
    .map((agent) => {
      agents[agent.status] += 1;
      const today = handled.find((h) => h.agentId === agent.id);
      return {
        id: agent.id,
        displayName: agent.displayName,
        status: agent.status,
        online: agent.online,
        load: agent.load,
        handledToday: today?.handled ?? 0,
        averageHandlingSeconds: today ? today.averageSeconds : null,
      };
    });
  return { agents, perAgent };
}

/**
 * The supervisor wall (班长监控墙): per channel what waits, what is worked on, the service level
 * and abandoned calls today; agents by presence with their load and today's handling; warnings.
 *
 * A handful of small queries, each served by an index: pending appeals by the (status, created_at)
 * index, today's appeals by created_at, today's decisions by decided_at, today's calls by
 * created_at, so the wall stays fast however long the history grows.
 */
export async function wallSnapshot({ ctx, input = {} }: { ctx: RoutingCtx; input?: { now?: Date } }): Promise<WallSnapshot> {
  const now = input.now ?? new Date();
  const today = periodStart(now, 'day', ctx.config.timezone);
  const { serviceLevelTargetSeconds: target, slaFirstResponseSeconds } = ctx.config.wall;
  const [pending, answered, called, roster, handled, emergencies, breaches] = await Promise.all([
    pendingByChannel(ctx.db),
    answeredByChannel(ctx.db, today, target),
    queuedCalls(ctx.db, today),
    agentRoster({ ctx }),
    handledToday(ctx.db, today),
    pendingEmergencies(ctx.db),
    slaBreaches(ctx.db, now, slaFirstResponseSeconds),
  ]);
  const waitedSeconds = waitedSecondsAt(now);
  const channelRows = channelRowsOf(pending, answered, called, waitedSeconds);
  const warnings = await warningsOf(ctx, { channelRows, emergencies, breaches, waitedSeconds });
  return { generatedAt: now.toISOString(), serviceLevelTargetSeconds: target, channels: channelRows, ...agentsOf(roster, handled), warnings };
}

/** Emergencies waiting, a queue too long or waiting too long, first replies overdue: what the wall warns of. */
async function warningsOf(
  ctx: RoutingCtx,
  seen: {
    channelRows: WallChannel[];
    emergencies: Awaited<ReturnType<typeof pendingEmergencies>>;
    breaches: Awaited<ReturnType<typeof slaBreaches>>;
    waitedSeconds: (since: Date) => number;
  },
): Promise<WallWarning[]> {
  const { warnWaitingCount, warnLongestWaitSeconds, slaFirstResponseSeconds } = ctx.config.wall;
  const { channelRows, waitedSeconds } = seen;
  const warnings: WallWarning[] = seen.emergencies.map((e) => ({
    kind: 'emergency',
    severity: 'critical',
    message: `特急诉求待处理：案件 ${e.caseNumber}「${clip(e.summary)}」，来件已 ${duration(waitedSeconds(e.createdAt))}`,
    appealId: e.id,
    caseNumber: e.caseNumber,
  }));
  const waiting = channelRows.reduce((sum, c) => sum + c.waiting, 0);
  const longest = Math.max(...channelRows.map((c) => c.longestWaitSeconds));
  if (longest >= warnLongestWaitSeconds) {
    const oldest = await oldestWaiting(ctx);
    warnings.push({
      kind: 'longest_wait',
      severity: longest >= warnLongestWaitSeconds * CRITICAL_FACTOR ? 'critical' : 'warning',
      message: `待受理预警：最长等待 ${duration(longest)}，超过 ${duration(warnLongestWaitSeconds)}${oldest ? `（案件 ${oldest.caseNumber}）` : ''}`,
      ...(oldest ? { appealId: oldest.id, caseNumber: oldest.caseNumber } : {}),
    });
  }
  if (waiting >= warnWaitingCount) {
    warnings.push({
      kind: 'waiting_count',
      severity: waiting >= warnWaitingCount * CRITICAL_FACTOR ? 'critical' : 'warning',
      message: `待受理预警：${waiting} 件诉求待受理，达到预警线 ${warnWaitingCount} 件`,
    });
  }
  for (const b of seen.breaches) {
    const age = waitedSeconds(b.createdAt);
    warnings.push({
      kind: 'sla_breach',
      severity: age >= slaFirstResponseSeconds * CRITICAL_FACTOR ? 'critical' : 'warning',
      message: `首次响应超时：案件 ${b.caseNumber} 已等待 ${duration(age)} 仍未答复（时限 ${duration(slaFirstResponseSeconds)}）`,
      appealId: b.id,
      caseNumber: b.caseNumber,
    });
  }
  return warnings;
}

/** The appeal that has waited longest for anyone to take it: the longest-wait warning links to it. */
async function oldestWaiting(ctx: RoutingCtx) {
  const [row] = await ctx.db
    .select({ id: appeals.id, caseNumber: appeals.caseNumber })
    .from(appeals)
    .where(and(eq(appeals.status, 'pending'), isNull(appeals.assigneeId)))
    .orderBy(asc(appeals.createdAt))
    .limit(1);
  return row;
}

/** 45 秒, 4 分 5 秒, 5 分钟, 1 小时 20 分: how a supervisor reads a wait. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`;
  if (seconds < 3600) {
    const s = seconds % 60;
    return s ? `${Math.floor(seconds / 60)} 分 ${s} 秒` : `${seconds / 60} 分钟`;
  }
  const m = Math.floor((seconds % 3600) / 60);
  return m ? `${Math.floor(seconds / 3600)} 小时 ${m} 分` : `${Math.floor(seconds / 3600)} 小时`;
}

const clip = (text: string, max = 30) => (text.length > max ? `${text.slice(0, max)}…` : text);
