import { and, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { TxCtx } from '../identity/auth/index.ts';
import { recordAudits } from '../platform/audit/index.ts';
import { records } from '../platform/db/index.ts';
import type { ClassificationRecord } from './classification-record.ts';
import { type Appeal, appeals, duplicateSuggestions } from './schema.ts';

/** What NLP concluded of one appeal: the columns it fills, and the open appeals it may duplicate. */
export interface Triaged {
  appeal: Appeal;
  fields: Pick<Appeal, 'appealType' | 'categoryCode' | 'classificationConfidence' | 'urgency' | 'address'> & {
    classification: ClassificationRecord;
    point?: { latitude: number; longitude: number; gridCode: string | null };
  };
  duplicates: { candidateId: string; score: number; decision: 'attach' | 'suggest'; evidence: unknown }[];
}

/**
 * Every triaged appeal's NLP columns in one UPDATE, only where not yet processed: that is the
 * claim, so another instance triaging the same appeals (both resumed the backlog at start) finds
 * them done after it commits, and its work is dropped. A point or an address set since the appeal
 * was read (an agent, a follow-up message) wins over NLP's.
 */
function classify(tx: TxCtx, triaged: Triaged[]): Promise<Appeal[]> {
  const rows = triaged.map(({ appeal, fields }) => ({
    id: appeal.id,
    appeal_type: fields.appealType,
    category_code: fields.categoryCode,
    classification_confidence: fields.classificationConfidence,
    classification: fields.classification,
    urgency: fields.urgency,
    address: fields.address,
    latitude: fields.point?.latitude ?? null,
    longitude: fields.point?.longitude ?? null,
    grid_code: fields.point?.gridCode ?? null,
  }));
  const v = sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, appeal_type appeal_type, category_code text, classification_confidence real, classification jsonb, urgency urgency, address text, latitude double precision, longitude double precision, grid_code text)`;
  const placedNow = sql`${appeals.latitude} is null and v.latitude is not null`;
  const now = new Date();
  return tx.db
    .update(appeals)
    .set({
      appealType: sql`v.appeal_type`,
      categoryCode: sql`v.category_code`,
      classificationConfidence: sql`v.classification_confidence`,
      classification: sql`v.classification`,
      urgency: sql`v.urgency`,
      address: sql`coalesce(${appeals.address}, v.address)`,
      latitude: sql`case when ${placedNow} then v.latitude else ${appeals.latitude} end`,
      longitude: sql`case when ${placedNow} then v.longitude else ${appeals.longitude} end`,
      gridCode: sql`case when ${placedNow} then v.grid_code else ${appeals.gridCode} end`,
      nlpProcessedAt: now,
      updatedAt: now,
    })
    .from(v)
    .where(and(sql`${appeals.id} = v.id`, isNull(appeals.nlpProcessedAt)))
    .returning(getTableColumns(appeals));
}

/**
 * Records NLP's triage of a batch in the caller's transaction: the classifications (for the appeals
 * this call claimed), their duplicate suggestions, and an audit entry each. Answers the claimed appeals as they now stand.
 */
export async function applyTriage(tx: TxCtx, triaged: Triaged[]): Promise<Map<string, Appeal>> {
  if (!triaged.length) return new Map();
  const claimed = new Map((await classify(tx, triaged)).map((appeal) => [appeal.id, appeal]));
  const done = triaged.filter(({ appeal }) => claimed.has(appeal.id));
  const suggestions = done.flatMap(({ appeal, duplicates }) => duplicates.map((d) => ({ appealId: appeal.id, ...d })));
  if (suggestions.length) await tx.db.insert(duplicateSuggestions).select(records(duplicateSuggestions, suggestions)).onConflictDoNothing();
  await recordAudits(
    tx.db,
    done.map(({ appeal, fields }) => {
      const classified = claimed.get(appeal.id)!;
      return {
        actor: tx.actor,
        action: 'appeal.classified',
        entityType: 'appeal',
        entityId: appeal.id,
        before: { urgency: appeal.urgency },
        after: {
          appealType: classified.appealType,
          categoryCode: classified.categoryCode,
          urgency: classified.urgency,
          modelVersion: fields.classification.modelVersion,
        },
      };
    }),
  );
  return claimed;
}
