import { pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/auth/index.ts';

export const presenceStatuses = ['available', 'busy', 'away', 'offline'] as const;
export type PresenceStatus = (typeof presenceStatuses)[number];
export const presenceStatusEnum = pgEnum('presence_status', presenceStatuses);

/** An agent's chosen presence; only `available` agents are routed new work. */
export const agentPresence = pgTable('agent_presence', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  status: presenceStatusEnum('status').notNull().default('offline'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What an agent can take: channels, languages and category groups (the four platforms).
 * An agent without a row can take everything.
 */
export const agentSkills = pgTable('agent_skills', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  channels: text('channels').array().notNull(),
  languages: text('languages').array().notNull(),
  platforms: text('platforms').array().notNull(),
});
