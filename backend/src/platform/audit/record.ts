import type { DbOrTx } from '../db/index.ts';
import { type ActorRef, actorId } from '../context/index.ts';
import { auditLog } from './schema.ts';
import { records } from '../db/index.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log inside the caller's transaction, so the record and the change commit together. */
export async function recordAudit(db: DbOrTx, actor: ActorRef, entry: AuditEntry): Promise<void> {
  await recordAudits(db, [{ ...entry, actor }]);
}

const rowOf = ({ actor, ...entry }: AuditEntry & { actor: ActorRef }) => ({
  actorType: actor.type,
  actorId: actorId(actor),
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId,
  before: entry.before ?? null,
  after: entry.after ?? null,
});

/** Several entries, each with its own actor, in one statement (a batch of intake). */
export async function recordAudits(db: DbOrTx, entries: (AuditEntry & { actor: ActorRef })[]): Promise<void> {
  if (!entries.length) return;
  await db.insert(auditLog).select(records(auditLog, entries.map(rowOf)));
}
