import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { testDatabaseKinds } from '../testing/databases.ts';
import { type TestHotline, startTestHotline } from '../testing/hotline.ts';
import { type TestAgent, createStaff, insertTriagedAppeals, openConsole } from '../testing/staff.ts';
import { auditLog } from '../platform/audit/index.ts';
import { appeals } from '../appeals/index.ts';
import { agentPresence } from './schema.ts';
import { agentLoads, loadOf } from './load.ts';
import { assignPending } from './auto-assign.ts';

const kinds = await testDatabaseKinds();
const AGENTS = 50;
const APPEALS = 500;
const CALLS = 100;
/** Fewer claims than capacity, so the routers have room to race for too. */
const CLAIMS_PER_AGENT = 3;
/** Routing passes racing each other, as several server instances would. */
const ROUTERS = 4;

/**
 * The routing guarantee under load: 50 agents and 500 appeals, with manual claims and several
 * auto-assign passes all at once. No appeal is held by two agents, none is lost, nobody goes
 * over capacity, and every claim's answer matches what the database kept.
 */
describe.each(kinds)('50 agents and 500 appeals racing on %s', (kind) => {
  let hotline: TestHotline;
  let agents: (TestAgent & { cookie: string })[];

  beforeAll(async () => {
    // Manual mode: the spec runs the routing passes itself, several at once.
    hotline = await startTestHotline(kind, { env: { ROUTING_MODE: 'manual' } });
    const created = await createStaff(
      hotline,
      Array.from({ length: AGENTS }, (_, i) => `race${String(i).padStart(2, '0')}`),
    );
    agents = await Promise.all(created.map(async (a) => ({ ...a, cookie: await hotline.loginAs(a.username) })));
    await hotline.database.db.insert(agentPresence).values(agents.map((a) => ({ userId: a.id, status: 'available' as const })));
    for (const a of agents) openConsole(hotline, a.id);
  }, 120_000);
  afterAll(() => hotline?.close());

  it('assigns each appeal at most once, loses none and keeps everyone within capacity', { timeout: 180_000 }, async () => {
    const { db } = hotline.database;
    const chatChannels = ['web', 'sms', 'wechat'] as const;
    const created = await insertTriagedAppeals(
      hotline,
      Array.from({ length: APPEALS }, (_, i) => ({
        channel: i % (APPEALS / CALLS) === 0 ? ('voice' as const) : chatChannels[i % 3]!,
        urgency: i % 17 === 0 ? ('urgent' as const) : ('normal' as const),
      })),
    );
    expect(created.filter((a) => a.channel === 'voice')).toHaveLength(CALLS);
    const ctx = { ...hotline.deps, actor: { type: 'system' as const } };

    // Several routers hand appeals out while every agent grabs random ones.
    const routers = Array.from({ length: ROUTERS }, async () => {
      let assigned = 0;
      for (let n; (n = await assignPending({ ctx })) > 0;) assigned += n;
      return assigned;
    });
    const pick = (seed: number) => created[(seed * 7919) % APPEALS]!;
    const claims = agents.flatMap((agent, a) =>
      Array.from({ length: CLAIMS_PER_AGENT }, async (_, k) => {
        const appeal = pick(a * CLAIMS_PER_AGENT + k + 1);
        const res = await hotline.request(`/api/appeals/${appeal.id}/claim`, { method: 'POST', cookie: agent.cookie });
        return { agent, appeal, status: res.status, body: await res.json() };
      }),
    );
    const [claimResults, routed] = await Promise.all([Promise.all(claims), Promise.all(routers)]);
    // Whatever the race left over: a last pass fills any capacity still free.
    while ((await assignPending({ ctx })) > 0);

    // Claims answered 200 or 409, never an error, and each 200 is what the database kept.
    expect(claimResults.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const rows = await db.select({ id: appeals.id, assigneeId: appeals.assigneeId, status: appeals.status, channel: appeals.channel }).from(appeals);
    const holder = new Map(rows.map((r) => [r.id, r.assigneeId]));
    for (const r of claimResults.filter((c) => c.status === 200)) {
      expect(r.body.assignee.id).toBe(r.agent.id);
      expect(holder.get(r.appeal.id)).toBe(r.agent.id);
    }
    for (const r of claimResults.filter((c) => c.status === 409)) {
      // Either someone else held it (named), or the agent was full.
      if (r.body.error.details.assignee) expect(r.body.error.details.assignee.id).not.toBe(r.agent.id);
      else expect(r.body.error.details.capacity).toEqual({ chats: 4, calls: 1 });
    }

    // No appeal held by two agents: each was assigned exactly once, and to whom it still has.
    const assignments = await db.select({ entityId: auditLog.entityId, after: auditLog.after }).from(auditLog).where(eq(auditLog.action, 'appeal.assigned'));
    const perAppeal = new Map<string, string[]>();
    for (const a of assignments) perAppeal.set(a.entityId, [...(perAppeal.get(a.entityId) ?? []), (a.after as { assigneeId: string }).assigneeId]);
    for (const [appealId, holders] of perAppeal) expect(holders, appealId).toEqual([holder.get(appealId)]);

    // None lost: every appeal is still pending, either held or waiting unassigned.
    expect(rows).toHaveLength(APPEALS);
    expect(rows.every((r) => r.status === 'pending')).toBe(true);
    const held = rows.filter((r) => r.assigneeId);
    expect(perAppeal.size).toBe(held.length);

    // Nobody above capacity; and with more work than room, everybody exactly full.
    const loads = await agentLoads(db);
    for (const agent of agents) expect(loadOf(loads, agent.id)).toEqual({ chats: 4, calls: 1 });
    expect(held.filter((r) => r.channel === 'voice')).toHaveLength(AGENTS);
    expect(held).toHaveLength(AGENTS * 5);
    const waiting = await db.$count(appeals, and(eq(appeals.status, 'pending'), isNull(appeals.assigneeId)));
    expect(waiting).toBe(APPEALS - AGENTS * 5);
    // Both paths took part in the race.
    expect(claimResults.some((r) => r.status === 200)).toBe(true);
    expect(routed.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
