import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import type { Ctx } from './context.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { transact } from '../../platform/context/index.ts';
import { ServiceError } from '../../platform/errors/index.ts';
import { sessions, users } from './schema.ts';
import { verifyPassword } from './password.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: (typeof users.$inferSelect)['role'];
  departmentCode: string | null;
  /** After an admin's reset or a first login: nothing but changing the password is allowed until then. */
  mustChangePassword: boolean;
};

const sessionUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  departmentCode: users.departmentCode,
  mustChangePassword: users.mustChangePassword,
};

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Checks the password and opens a server-side session; the token goes to the client, only its hash is kept. */
export async function login({ ctx, input }: { ctx: Ctx; input: { username: string; password: string } }) {
  const [found] = await ctx.db.select().from(users).where(eq(users.username, input.username)).limit(1);
  // Always run scrypt, so a missing user takes as long as a wrong password.
  const ok = await verifyPassword(input.password, found?.passwordHash ?? DUMMY_HASH);
  if (!found || !ok || found.disabledAt) throw new ServiceError('invalid_credentials', 'Wrong username or password');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  const user: SessionUser = {
    id: found.id,
    username: found.username,
    displayName: found.displayName,
    role: found.role,
    departmentCode: found.departmentCode,
    mustChangePassword: found.mustChangePassword,
  };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(sessions).values({ tokenHash: hashToken(token), userId: found.id, expiresAt });
    await recordAudit(tx, { type: 'user', user }, { action: 'user.login', entityType: 'user', entityId: found.id });
  });
  return { token, expiresAt, user };
}

export async function resolveSession(db: Db, token: string): Promise<SessionUser | undefined> {
  const [row] = await db
    .select(sessionUserColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date()), isNull(users.disabledAt)))
    .limit(1);
  return row;
}

/** Revokes this session; its live connections are ended by the listeners of `session.revoked`. */
export async function logout({ ctx, input }: { ctx: Ctx; input: { token: string } }): Promise<void> {
  const tokenHash = hashToken(input.token);
  await transact(ctx, async (tx, publish) => {
    const revoked = await tx.db
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
      .returning({ userId: sessions.userId });
    if (!revoked.length) return;
    const userId = revoked[0]!.userId;
    await recordAudit(tx.db, tx.actor, { action: 'user.logout', entityType: 'user', entityId: userId });
    publish({ name: 'session.revoked', payload: { userId, tokenHashes: [tokenHash], scope: 'session', reason: 'logout' } });
  });
}

/**
 * Which of these sessions (by token hash) are still good: not revoked, not expired, of an enabled
 * account. Open sockets are checked against it now and then, so one outliving its session is ended.
 */
export async function liveSessions(db: Db, tokenHashes: string[]): Promise<Set<string>> {
  if (!tokenHashes.length) return new Set();
  const rows = await db
    .select({ tokenHash: sessions.tokenHash })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(inArray(sessions.tokenHash, tokenHashes), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date()), isNull(users.disabledAt)));
  return new Set(rows.map((r) => r.tokenHash));
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
