import { eq } from 'drizzle-orm';
import type { TxCtx } from '../identity/auth/index.ts';
import type { DbOrTx } from '../platform/db/index.ts';
import { notFound } from '../platform/errors/index.ts';
import { type Appeal, appeals } from './schema.ts';

export async function findAppeal(db: DbOrTx, id: string): Promise<Appeal> {
  const [appeal] = await db.select().from(appeals).where(eq(appeals.id, id));
  if (!appeal) throw notFound('Appeal');
  return appeal;
}

export async function findAppealByCaseNumber(db: DbOrTx, caseNumber: string): Promise<Appeal> {
  const [appeal] = await db.select().from(appeals).where(eq(appeals.caseNumber, caseNumber));
  if (!appeal) throw notFound(`Case ${caseNumber}`);
  return appeal;
}

/** The appeal row, locked so concurrent decisions on it queue up. */
export async function lockAppeal(tx: TxCtx, appealId: string): Promise<Appeal> {
  await tx.db.select({ id: appeals.id }).from(appeals).where(eq(appeals.id, appealId)).for('update');
  return findAppeal(tx.db, appealId);
}
