import { eq } from 'drizzle-orm';
import { type ActorRef, transact } from '../../platform/context/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import type { DomainEventBus } from '../../platform/domain-events/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { ServiceError, notFound } from '../../platform/errors/index.ts';
import { type Department, departments } from './schema.ts';

interface AdminCtx {
  db: DbOrTx;
  domainEvents: DomainEventBus;
  actor: ActorRef;
}

export type DepartmentFields = Pick<Department, 'name' | 'nameEn' | 'kind' | 'streetCode'>;

const fieldError = (field: string, message: string) => new ServiceError('invalid_request', `${field}: ${message}`, [{ path: [field], message }]);

/** A sub-center serves one street; a department serves none. */
function checked(fields: DepartmentFields): DepartmentFields {
  if (fields.kind === 'sub_center' && !fields.streetCode) throw fieldError('streetCode', 'a sub-center needs the street it serves');
  return fields.kind === 'department' ? { ...fields, streetCode: null } : fields;
}

const audited = (d: Department) => ({ name: d.name, nameEn: d.nameEn, kind: d.kind, streetCode: d.streetCode, retired: d.retiredAt !== null });

/** 新增部门 / 分中心; a code in use (even by a retired one) is a 409. */
export async function createDepartment(ctx: AdminCtx, input: DepartmentFields & { code: string }): Promise<Department> {
  return transact(ctx, async (tx) => {
    const [taken] = await tx.db.select({ code: departments.code }).from(departments).where(eq(departments.code, input.code));
    if (taken) throw new ServiceError('conflict', `code: ${input.code} is taken`, [{ path: ['code'] }]);
    const [created] = await tx.db
      .insert(departments)
      .values({ code: input.code, ...checked(input) })
      .returning();
    await recordAudit(tx.db, tx.actor, { action: 'department.created', entityType: 'department', entityId: input.code, after: audited(created!) });
    return created!;
  });
}

/** Edits a department's names, kind or street; or retires it (撤销) or brings it back. */
export async function updateDepartment(ctx: AdminCtx, code: string, patch: Partial<DepartmentFields> & { retired?: boolean }): Promise<Department> {
  return transact(ctx, async (tx) => {
    const [before] = await tx.db.select().from(departments).where(eq(departments.code, code)).for('update');
    if (!before) throw notFound('Department');
    const { retired, ...fields } = patch;
    const retiredAt = retired === undefined ? before.retiredAt : retired ? (before.retiredAt ?? new Date()) : null;
    const [after] = await tx.db
      .update(departments)
      .set({ ...checked({ ...before, ...fields }), retiredAt })
      .where(eq(departments.code, code))
      .returning();
    const action =
      retired === undefined || retired === (before.retiredAt !== null) ? 'department.updated' : retired ? 'department.retired' : 'department.restored';
    await recordAudit(tx.db, tx.actor, { action, entityType: 'department', entityId: code, before: audited(before), after: audited(after!) });
    return after!;
  });
}
