import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Ctx, Deps } from '../context.ts';
import { transact } from '../context.ts';
import { recordAudit } from '../audit/record.ts';
import { type Appeal, appealTypes, appeals } from '../appeals/schema.ts';
import { mergeInTransaction } from '../appeals/merge.ts';
import { deliver } from '../intake/send-to-citizen.ts';
import { AppealAnalyzer, AppealClassifier, CORPUS_FILE, type Example, ModelRegistry, NONE_LABEL, readExamples } from './index.ts';
import type { AppealAnalysis } from './index.ts';
import type { ClassificationRecord } from './classification-record.ts';
import { duplicateSuggestions, trainingExamples } from './schema.ts';

/** How far back open appeals stay duplicate targets (the index's own window is 7 days). */
const TRACK_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
const urgencyRank = { normal: 0, urgent: 1, emergency: 2 } as const;

/** The shipped corpus trains the same base model every time: train it once per process. */
let baseModel: AppealClassifier | undefined;
function sharedBaseModel(): AppealClassifier {
  baseModel ??= AppealClassifier.train(readExamples(CORPUS_FILE));
  return baseModel;
}

export interface TriageOptions {
  /** Score at or above which a duplicate is merged automatically. */
  attachThreshold?: number;
  /** Score at or above which a duplicate is suggested to the agent. */
  suggestThreshold?: number;
  /** Debounce of retraining after agents' corrections. */
  retrainDebounceMs?: number;
}

/**
 * The NLP step between intake and the queue: every new appeal is classified, located, graded and
 * checked for duplicates once, after it is stored. `nlp_processed_at` marks the work done, so
 * appeals a crash left unprocessed are picked up at the next start. Agents' corrections are stored
 * as training examples and retrain the model in the background.
 */
export class AppealTriage {
  readonly registry: ModelRegistry;
  readonly analyzer: AppealAnalyzer;
  #queue: Promise<void> = Promise.resolve();
  #waiting = 0;
  readonly #unsubscribe: (() => void)[] = [];

  private constructor(
    private readonly deps: Deps,
    options: TriageOptions,
  ) {
    this.registry = new ModelRegistry({
      baseExamples: readExamples(CORPUS_FILE),
      initial: sharedBaseModel(),
      debounceMs: options.retrainDebounceMs,
      store: { loadCorrections: () => this.#storedCorrections() },
      onError: (error) => console.error('NLP retrain failed:', error),
    });
    this.analyzer = new AppealAnalyzer(this.registry, {
      duplicates: { attachThreshold: options.attachThreshold, suggestThreshold: options.suggestThreshold },
    });
  }

  static async start(deps: Deps, options: TriageOptions = {}): Promise<AppealTriage> {
    const triage = new AppealTriage(deps, options);
    await triage.registry.start();
    await triage.#trackOpenAppeals();
    triage.#unsubscribe.push(
      deps.bus.on('appeal.created', ({ appeal }) => triage.enqueue(appeal.id)),
      deps.bus.on('appeal.updated', ({ appeal, change }) => {
        if (change === 'rejected' || change === 'merged' || change === 'answered') triage.analyzer.untrack(appeal.id);
      }),
    );
    return triage;
  }

  /** Queues the appeals a crash or restart left untriaged; call once the server can notify citizens. */
  async resumeBacklog(): Promise<number> {
    const backlog = await this.#backlog();
    this.enqueue(...backlog);
    return backlog.length;
  }

  /** Appeals are processed one at a time, in arrival order, so duplicates see their predecessors. */
  enqueue(...appealIds: string[]): void {
    for (const id of appealIds) {
      this.#waiting++;
      this.#queue = this.#queue
        .then(() => this.process(id))
        .catch((error) => console.error(`NLP triage of appeal ${id} failed:`, error))
        .finally(() => this.#waiting--);
    }
  }

  /** Appeals stored but not yet triaged on this instance: health reports it, so a falling-behind NLP is visible. */
  get backlog(): number {
    return this.#waiting;
  }

  /** Resolves when everything queued so far is processed (tests, shutdown). */
  async idle(): Promise<void> {
    await this.#queue;
  }

  stop(): void {
    this.registry.stop();
    for (const off of this.#unsubscribe) off();
  }

  /** Classify, locate, grade and de-duplicate one stored appeal; a processed one is left alone. */
  async process(appealId: string): Promise<void> {
    const ctx: Ctx = { ...this.deps, actor: { type: 'system' } };
    const [appeal] = await ctx.db.select().from(appeals).where(eq(appeals.id, appealId));
    if (!appeal || appeal.nlpProcessedAt) return;
    const point = appeal.latitude !== null && appeal.longitude !== null ? { latitude: appeal.latitude, longitude: appeal.longitude } : undefined;
    const analysis = this.analyzer.analyze({ id: appeal.id, text: appeal.summary, point, at: appeal.createdAt });
    const attach = analysis.duplicates.find(isCertain);

    const outcome = await transact(ctx, async (tx, publish) => {
      // The claim: another instance triaging the same appeal (both resumed the backlog at start)
      // holds the row until it commits, after which this update matches nothing and the work is dropped.
      const [classified] = await tx.db
        .update(appeals)
        .set(fieldsFrom(appeal, analysis))
        .where(and(eq(appeals.id, appeal.id), isNull(appeals.nlpProcessedAt)))
        .returning();
      if (!classified) return undefined;
      if (analysis.duplicates.length) {
        await tx.db
          .insert(duplicateSuggestions)
          .values(analysis.duplicates.map((d) => ({ appealId: appeal.id, candidateId: d.id, score: d.score, decision: isCertain(d) ? ('attach' as const) : ('suggest' as const), evidence: d.evidence })))
          .onConflictDoNothing();
      }
      await recordAudit(tx.db, tx.actor, {
        action: 'appeal.classified',
        entityType: 'appeal',
        entityId: appeal.id,
        before: { urgency: appeal.urgency },
        after: { appealType: classified.appealType, categoryCode: classified.categoryCode, urgency: classified.urgency, modelVersion: analysis.classification.modelVersion },
      });
      publish({ name: 'appeal.updated', payload: { appeal: classified, change: 'classified' } });
      if (classified.urgency === 'emergency') publish({ name: 'alert.emergency', payload: { appeal: classified, evidence: analysis.urgency.evidence.map((e) => e.match) } });
      // A certain duplicate of a pending appeal is merged at once; the first report stays in the queue.
      if (attach && classified.status === 'pending') return { updated: classified, ...(await mergeInTransaction(tx, publish, appeal.id, attach.id)) };
      return { updated: classified, notice: undefined };
    });
    if (!outcome) return;
    if (outcome.notice) await deliver(ctx, outcome.notice);
    else this.#track(outcome.updated);
  }

  /** An agent's correction: the appeal takes the agent's labels and the model learns from them. */
  async learn(example: { text: string; category: string | null; appealType: string | null; appealId: string; authorUserId: string }): Promise<void> {
    await this.deps.db.insert(trainingExamples).values({ text: example.text, category: example.category, appealType: example.appealType, appealId: example.appealId, authorUserId: example.authorUserId });
    if (example.category) this.registry.correct({ text: example.text, category: example.category, type: example.appealType ?? undefined });
  }

  /** Re-index an appeal whose category changed, so duplicates are matched on the corrected one. */
  retrack(appeal: Appeal): void {
    this.analyzer.untrack(appeal.id);
    if (appeal.status === 'pending' || appeal.status === 'accepted') this.#track(appeal);
  }

  #track(appeal: Appeal): void {
    this.analyzer.track({
      id: appeal.id,
      text: appeal.summary,
      point: appeal.latitude !== null && appeal.longitude !== null ? { latitude: appeal.latitude, longitude: appeal.longitude } : undefined,
      gridCode: appeal.gridCode ?? undefined,
      category: appeal.categoryCode ?? undefined,
      at: appeal.createdAt,
    });
  }

  async #trackOpenAppeals(): Promise<void> {
    const open = await this.deps.db
      .select()
      .from(appeals)
      .where(and(inArray(appeals.status, ['pending', 'accepted']), gte(appeals.createdAt, new Date(Date.now() - TRACK_WINDOW_MS))));
    for (const appeal of open) if (appeal.nlpProcessedAt) this.#track(appeal);
  }

  async #backlog(): Promise<string[]> {
    const rows = await this.deps.db.select({ id: appeals.id }).from(appeals).where(isNull(appeals.nlpProcessedAt)).orderBy(asc(appeals.createdAt));
    return rows.map((r) => r.id);
  }

  async #storedCorrections(): Promise<Example[]> {
    const rows = await this.deps.db.select().from(trainingExamples).orderBy(asc(trainingExamples.createdAt));
    return rows.flatMap((r) => (r.category ? [{ text: r.text, category: r.category, type: r.appealType ?? undefined }] : []));
  }
}

/**
 * Merged without asking only when the text is certain *and* both appeals are placed near each
 * other: "the same matter in the same place". Without a place it stays a suggestion.
 */
function isCertain(match: AppealAnalysis['duplicates'][number]): boolean {
  return match.decision === 'attach' && match.evidence.distanceMeters !== null;
}

/**
 * The appeal's columns from an analysis. NLP fills what nobody set: a corrected classification
 * is never overwritten, a channel's point and a citizen's address win, urgency only goes up.
 */
function fieldsFrom(appeal: Appeal, analysis: AppealAnalysis): Partial<Appeal> {
  const { classification, location, urgency } = analysis;
  const category = classification.category.label === NONE_LABEL ? null : classification.category;
  const type = classification.type && (appealTypes as readonly string[]).includes(classification.type.label) ? classification.type : null;
  const record: ClassificationRecord = {
    modelVersion: classification.modelVersion,
    type,
    category,
    urgencyEvidence: urgency.evidence.map((e) => e.match),
    location: { source: location.precision === 'channel' ? 'channel' : location.matched ? 'address' : 'none', matched: location.matched ? location.address : null },
  };
  const placed = appeal.latitude === null && location.point ? { latitude: location.point.latitude, longitude: location.point.longitude, gridCode: location.gridCode ?? null } : {};
  return {
    appealType: (type?.label as Appeal['appealType']) ?? null,
    categoryCode: category?.label ?? null,
    classificationConfidence: category?.confidence ?? null,
    classification: record,
    urgency: urgencyRank[urgency.level] > urgencyRank[appeal.urgency] ? urgency.level : appeal.urgency,
    address: appeal.address ?? (location.matched ? location.address : null),
    ...placed,
    nlpProcessedAt: new Date(),
    updatedAt: new Date(),
  };
}
