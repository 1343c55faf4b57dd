import { z } from 'zod';
import { presenceStatuses } from './schema.ts';

/**
 * What the API and socket events show of presence, capacity and the agent roster. Plain zod,
 * shared with the console through `api-types.ts`.
 */
export const presenceStatusSchema = z.enum(presenceStatuses);

/** Pending appeals held (calls apart from written chats), or how many of each one may hold. */
export const workCountsSchema = z.object({ chats: z.number().int(), calls: z.number().int() });
export type WorkCounts = z.infer<typeof workCountsSchema>;

export const myPresenceSchema = z.object({
  status: presenceStatusSchema,
  capacity: workCountsSchema,
  load: workCountsSchema,
});
export type MyPresence = z.infer<typeof myPresenceSchema>;

/** One agent or supervisor: a transfer target for agents, a row of the wall for supervisors. */
export const agentViewSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['agent', 'supervisor']),
  status: presenceStatusSchema,
  /** Has a console open right now. */
  online: z.boolean(),
  load: workCountsSchema,
  capacity: workCountsSchema,
});
export type AgentView = z.infer<typeof agentViewSchema>;

export const agentRosterSchema = z.object({ agents: z.array(agentViewSchema) });
export type AgentRoster = z.infer<typeof agentRosterSchema>;

/** Pushed to staff as `presence:updated` when an agent's status changes or their console opens or closes. */
export const presenceUpdateSchema = z.object({ userId: z.uuid(), status: presenceStatusSchema, online: z.boolean() });
export type PresenceUpdate = z.infer<typeof presenceUpdateSchema>;
