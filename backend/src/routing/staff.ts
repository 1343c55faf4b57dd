import { eq } from 'drizzle-orm';
import type { Ctx, NewStaff, StaffFields } from '../identity/auth/index.ts';
import { auditedFields, generatePassword, hashPassword, insertStaffUser, listAccounts, updateStaffUser } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import type { Tx } from '../platform/db/index.ts';
import { recordAudit } from '../platform/audit/index.ts';
import { agentSkills } from './schema.ts';
import { skillsOf } from './presence.ts';
import type { AgentSkills } from './skills.ts';

/** A staff account as an admin sets it: the account's fields and what routing may give them (null: anything). */
export interface StaffInput extends NewStaff {
  skills: AgentSkills | null;
}

/** A created account and its first password, shown once to the admin who hands it over. */
export interface CreatedStaff {
  id: string;
  username: string;
  password: string;
}

async function writeSkills(tx: Tx, userId: string, skills: AgentSkills | null): Promise<void> {
  if (!skills) {
    await tx.delete(agentSkills).where(eq(agentSkills.userId, userId));
    return;
  }
  await tx
    .insert(agentSkills)
    .values({ userId, ...skills })
    .onConflictDoUpdate({ target: agentSkills.userId, set: skills });
}

async function createOne(tx: Tx, actor: Ctx['actor'], input: StaffInput, fieldPrefix: string): Promise<CreatedStaff> {
  const password = generatePassword();
  const user = await insertStaffUser(tx, input, await hashPassword(password), fieldPrefix);
  await writeSkills(tx, user.id, input.skills);
  await recordAudit(tx, actor, { action: 'user.created', entityType: 'user', entityId: user.id, after: { ...auditedFields(user), skills: input.skills } });
  return { id: user.id, username: user.username, password };
}

/** 新建账号: the account, its skills and its audit entry in one transaction, with a generated first password. */
export async function createStaffAccount({ ctx, input }: { ctx: Ctx; input: StaffInput }): Promise<CreatedStaff> {
  return transact(ctx, (tx) => createOne(tx.db, tx.actor, input, ''));
}

/**
 * 批量导入: every row is created or none is. A bad row is a 4xx naming its row and field
 * (`rows.3.username`), and nothing is written.
 */
export async function importStaffAccounts({ ctx, input }: { ctx: Ctx; input: { rows: StaffInput[] } }): Promise<CreatedStaff[]> {
  return transact(ctx, async (tx) => {
    const created: CreatedStaff[] = [];
    for (const [i, row] of input.rows.entries()) created.push(await createOne(tx.db, tx.actor, row, `rows.${i + 1}.`));
    return created;
  });
}

/** 编辑账号: the fields sent change; `skills` replaces the old ones (null: no restriction). */
export async function updateStaffAccount({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { userId: string; patch: Partial<StaffFields> & { skills?: AgentSkills | null } };
}): Promise<void> {
  const { skills, ...fields } = input.patch;
  await transact(ctx, async (tx) => {
    const { before, after } = await updateStaffUser(tx.db, input.userId, fields);
    const oldSkills = (await skillsOf(tx.db, [input.userId])).get(input.userId) ?? null;
    if (skills !== undefined) await writeSkills(tx.db, input.userId, skills);
    await recordAudit(tx.db, tx.actor, {
      action: 'user.updated',
      entityType: 'user',
      entityId: input.userId,
      before: { ...auditedFields(before), skills: oldSkills },
      after: { ...auditedFields(after), skills: skills === undefined ? oldSkills : skills },
    });
  });
}

/** 账号管理's list: every account with its open sessions, capacities and skills. */
export async function listStaff({ ctx }: { ctx: Ctx }) {
  const accounts = await listAccounts({ ctx });
  const skills = await skillsOf(
    ctx.db,
    accounts.map((a) => a.id),
  );
  return accounts.map((a) => ({ ...a, skills: skills.get(a.id) ?? null }));
}
