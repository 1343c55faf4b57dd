import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import type { Ctx } from './context.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { transact } from '../../platform/context/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { ServiceError, notFound } from '../../platform/errors/index.ts';
import { sessions, users } from './schema.ts';

/** Revokes every open session of a user: 退出所有设备, and part of disabling an account. Returns their token hashes. */
export async function revokeSessionsOf(db: DbOrTx, userId: string): Promise<string[]> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ tokenHash: sessions.tokenHash });
  return revoked.map((r) => r.tokenHash);
}

/** The logged-in user signs out on every device (a lost phone, a shared PC); their open consoles close. */
export async function logoutEverywhere({ ctx }: { ctx: Ctx }): Promise<{ revoked: number }> {
  if (ctx.actor.type !== 'user') throw new ServiceError('unauthenticated', 'Log in first');
  const userId = ctx.actor.user.id;
  return transact(ctx, async (tx, publish) => {
    const tokenHashes = await revokeSessionsOf(tx.db, userId);
    await recordAudit(tx.db, tx.actor, { action: 'user.logout_everywhere', entityType: 'user', entityId: userId, after: { revoked: tokenHashes.length } });
    publish({ name: 'session.revoked', payload: { userId, tokenHashes, scope: 'user', reason: 'logout_everywhere' } });
    return { revoked: tokenHashes.length };
  });
}

/** Staff accounts for the admin, with how many sessions each has open now. */
export async function listAccounts({ ctx }: { ctx: Ctx }) {
  const open = ctx.db
    .select({ userId: sessions.userId, open: count().as('open') })
    .from(sessions)
    .where(and(isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .groupBy(sessions.userId)
    .as('open_sessions');
  const rows = await ctx.db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      departmentCode: users.departmentCode,
      disabledAt: users.disabledAt,
      mustChangePassword: users.mustChangePassword,
      chatCapacity: users.chatCapacity,
      callCapacity: users.callCapacity,
      openSessions: open.open,
    })
    .from(users)
    .leftJoin(open, eq(open.userId, users.id))
    .orderBy(asc(users.username));
  return rows.map((row) => ({ ...row, disabledAt: row.disabledAt?.toISOString() ?? null, openSessions: Number(row.openSessions ?? 0) }));
}

/**
 * 停用 / 启用 an account. Disabling revokes its sessions at once (every request after it is 401, and
 * its open consoles close); an admin cannot disable themselves, so the hotline never loses its last
 * way in by accident.
 */
export async function setAccountDisabled({ ctx, input }: { ctx: Ctx; input: { userId: string; disabled: boolean } }) {
  if (ctx.actor.type === 'user' && ctx.actor.user.id === input.userId && input.disabled) {
    throw new ServiceError('conflict', 'You cannot disable your own account', undefined, 'disable_own_account');
  }
  return transact(ctx, async (tx, publish) => {
    const [before] = await tx.db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, input.userId)).for('update');
    if (!before) throw notFound('User');
    const disabledAt = input.disabled ? (before.disabledAt ?? new Date()) : null;
    await tx.db.update(users).set({ disabledAt }).where(eq(users.id, input.userId));
    const tokenHashes = input.disabled ? await revokeSessionsOf(tx.db, input.userId) : [];
    const revoked = tokenHashes.length;
    await recordAudit(tx.db, tx.actor, {
      action: input.disabled ? 'user.disabled' : 'user.enabled',
      entityType: 'user',
      entityId: input.userId,
      before: { disabled: before.disabledAt !== null },
      after: { disabled: input.disabled, revokedSessions: revoked },
    });
    // Even with no session left to revoke: a socket may still hold one that lapsed.
    if (input.disabled) publish({ name: 'session.revoked', payload: { userId: input.userId, tokenHashes, scope: 'user', reason: 'disabled' } });
    return { disabled: input.disabled, revokedSessions: revoked };
  });
}
