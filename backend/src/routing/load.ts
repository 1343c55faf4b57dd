import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.ts';
import { appeals } from '../appeals/index.ts';

/** What an agent is working on: pending appeals they hold, live calls apart from written chats. */
export interface AgentLoad {
  chats: number;
  calls: number;
}

/**
 * A phone appeal weighs on the calls capacity while its caller is on the line: once every call of
 * it has ended (hang-up), the agent's after-call work on it counts as written work, and the call
 * slot is free for the next caller (who would otherwise go to voicemail).
 */
// Spelled with table names: drizzle leaves columns unqualified in a select list without a join.
const isCall = sql<boolean>`("appeals"."channel" = 'voice' and (not exists (select 1 from "calls" as c where c."appeal_id" = "appeals"."id") or exists (select 1 from "calls" as c where c."appeal_id" = "appeals"."id" and c."ended_at" is null)))`;

/** Every agent's current load, by user id; an agent with no pending appeal is absent (load 0). */
export async function agentLoads(db: DbOrTx): Promise<Map<string, AgentLoad>> {
  const rows = await db
    .select({ userId: appeals.assigneeId, isCall, n: count() })
    .from(appeals)
    .where(and(eq(appeals.status, 'pending'), isNotNull(appeals.assigneeId)))
    .groupBy(appeals.assigneeId, isCall);
  const loads = new Map<string, AgentLoad>();
  for (const row of rows) {
    const load = loads.get(row.userId!) ?? { chats: 0, calls: 0 };
    if (row.isCall) load.calls += Number(row.n);
    else load.chats += Number(row.n);
    loads.set(row.userId!, load);
  }
  return loads;
}

export const loadOf = (loads: Map<string, AgentLoad>, userId: string): AgentLoad => loads.get(userId) ?? { chats: 0, calls: 0 };
