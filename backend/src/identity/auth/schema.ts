import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../../platform/db/index.ts';
import { departments } from '../../reference/departments/index.ts';

export const roles = ['agent', 'supervisor', 'handler', 'admin'] as const;
export type Role = (typeof roles)[number];
export const roleEnum = pgEnum('role', roles);

/** Staff accounts: seat agents, supervisors, department handlers and administrators. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: roleEnum('role').notNull(),
  departmentCode: text('department_code').references(() => departments.code),
  passwordHash: text('password_hash').notNull(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  /** Set by an admin's password reset (and a new account's first password): the user picks their own before anything else. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** How many written chats and calls routing gives this agent at once; null: the hotline's default. */
  chatCapacity: integer('chat_capacity'),
  callCapacity: integer('call_capacity'),
  createdAt: createdAt(),
});

/** Server-side sessions, so a session can be revoked; only the token's hash is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export type User = typeof users.$inferSelect;
