import { eq } from 'drizzle-orm';
import type { Ctx } from './context.ts';
import type { DbOrTx, Tx } from '../../platform/db/index.ts';
import { transact } from '../../platform/context/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { ServiceError, notFound } from '../../platform/errors/index.ts';
import { departments } from '../../reference/departments/index.ts';
import { type Role, users } from './schema.ts';
import { revokeSessionsOf } from './accounts.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { assertPasswordPolicy, generatePassword } from './password-policy.ts';

/** What an admin sets on a staff account besides its username. */
export interface StaffFields {
  displayName: string;
  role: Role;
  /** A handler's department (required for handlers, dropped for every other role). */
  departmentCode: string | null;
  /** Written chats and calls at once; null: the hotline's default. */
  chatCapacity: number | null;
  callCapacity: number | null;
}

export interface NewStaff extends StaffFields {
  username: string;
}

const fieldError = (field: string, message: string) => new ServiceError('invalid_request', `${field}: ${message}`, [{ path: [field], message }]);

/** The account's stored fields as the audit log records them (never the password hash). */
export const auditedFields = (u: Pick<typeof users.$inferSelect, keyof StaffFields | 'username'>) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  departmentCode: u.departmentCode,
  chatCapacity: u.chatCapacity,
  callCapacity: u.callCapacity,
});

/** A handler works for one existing, current department; no other role belongs to one. */
async function checkedFields(db: DbOrTx, fields: StaffFields, field = 'departmentCode'): Promise<StaffFields> {
  if (fields.role !== 'handler') return { ...fields, departmentCode: null };
  if (!fields.departmentCode) throw fieldError(field, 'a handler needs a department');
  const [department] = await db.select({ code: departments.code }).from(departments).where(eq(departments.code, fields.departmentCode));
  if (!department) throw fieldError(field, `no department ${fields.departmentCode}`);
  return fields;
}

/**
 * Writes a new account in the caller's transaction, with a generated first password the user must
 * change at their first login. A taken username is a 409 naming it; nothing is written then.
 */
export async function insertStaffUser(tx: Tx, input: NewStaff, passwordHash: string, fieldPrefix = '') {
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (taken) throw new ServiceError('conflict', `${fieldPrefix}username: ${input.username} is taken`, [{ path: [`${fieldPrefix}username`] }]);
  const fields = await checkedFields(tx, input, `${fieldPrefix}departmentCode`);
  const [created] = await tx
    .insert(users)
    .values({ ...fields, username: input.username, passwordHash, mustChangePassword: true })
    .returning();
  return created!;
}

/** Changes an account's fields in the caller's transaction; returns it before and after. */
export async function updateStaffUser(tx: Tx, userId: string, patch: Partial<StaffFields>) {
  const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!before) throw notFound('User');
  const fields = await checkedFields(tx, { ...before, ...patch });
  const [after] = await tx.update(users).set(fields).where(eq(users.id, userId)).returning();
  return { before, after: after! };
}

/**
 * 重置密码: a generated password, returned once and never stored in clear; the user must change it
 * at their next login, and every session they had ends (whoever knew the old one is out).
 */
export async function resetPassword({ ctx, input }: { ctx: Ctx; input: { userId: string } }): Promise<{ password: string }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await transact(ctx, async (tx, publish) => {
    const [user] = await tx.db.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).for('update');
    if (!user) throw notFound('User');
    await tx.db.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, input.userId));
    const tokenHashes = await revokeSessionsOf(tx.db, input.userId);
    await recordAudit(tx.db, tx.actor, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: input.userId,
      before: { mustChangePassword: false },
      after: { mustChangePassword: true, revokedSessions: tokenHashes.length },
    });
    publish({ name: 'session.revoked', payload: { userId: input.userId, tokenHashes, scope: 'user', reason: 'password_reset' } });
  });
  return { password };
}

/** 强制下线: ends every session of the user on every device (their consoles close); the account stays enabled. */
export async function endSessions({ ctx, input }: { ctx: Ctx; input: { userId: string } }): Promise<{ revoked: number }> {
  return transact(ctx, async (tx, publish) => {
    const [user] = await tx.db.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!user) throw notFound('User');
    const tokenHashes = await revokeSessionsOf(tx.db, input.userId);
    await recordAudit(tx.db, tx.actor, { action: 'user.sessions_ended', entityType: 'user', entityId: input.userId, after: { revoked: tokenHashes.length } });
    publish({ name: 'session.revoked', payload: { userId: input.userId, tokenHashes, scope: 'user', reason: 'ended_by_admin' } });
    return { revoked: tokenHashes.length };
  });
}

/** The logged-in user changes their own password (with the current one); a forced change is then done. */
export async function changeOwnPassword({ ctx, input }: { ctx: Ctx; input: { currentPassword: string; newPassword: string } }): Promise<void> {
  if (ctx.actor.type !== 'user') throw new ServiceError('unauthenticated', 'Log in first');
  const userId = ctx.actor.user.id;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) throw fieldError('currentPassword', 'is not your current password');
  assertPasswordPolicy('newPassword', input.newPassword, user.username, ctx.config);
  if (input.newPassword === input.currentPassword) throw fieldError('newPassword', 'must differ from the current password');
  const passwordHash = await hashPassword(input.newPassword);
  await transact(ctx, async (tx) => {
    await tx.db.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId));
    await recordAudit(tx.db, tx.actor, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: userId,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false },
    });
  });
}
