import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Ctx, Deps, TxCtx } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import { GroupCommit } from '../platform/db/index.ts';
import type { DomainEvent } from '../platform/domain-events/index.ts';
import { type Message, deliverAll } from '../messaging/index.ts';
import { type Appeal, type ClassificationRecord, type Triaged, appealTypes, appeals, applyTriage, mergeDuplicates } from '../appeals/index.ts';
import {
  type AppealAnalysis,
  AppealAnalyzer,
  AppealClassifier,
  CORPUS_FILE,
  type Example,
  GridLocator,
  Locator,
  ModelRegistry,
  NONE_LABEL,
  buildGazetteer,
  readExamples,
} from '@hotline/nlp';
import type { Territory } from '../reference/territory/index.ts';
import { trainingExamples } from './schema.ts';

/** How far back open appeals stay duplicate targets (the index's own window is 7 days). */
const TRACK_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
const urgencyRank = { normal: 0, urgent: 1, emergency: 2 } as const;
/** Corpus texts analysed at start: enough for V8 to optimise the hot paths, a tenth of a second. */
const WARM_UP_TEXTS = 300;

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
  /** One batch at a time, in arrival order, so duplicates see their predecessors; a failed batch is retried appeal by appeal. */
  readonly #batches = new GroupCommit<string, void>((ids) => this.#triage(ids), { maxBatch: 20, concurrency: 1 });
  #last: Promise<void> = Promise.resolve();
  #waiting = 0;

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
      locator: new Locator(territoryIndex(deps.territory)),
      duplicates: { attachThreshold: options.attachThreshold, suggestThreshold: options.suggestThreshold },
    });
  }

  /**
   * After a territory import (here or on another instance): re-read the stored territory and read
   * appeals against it from now on. Appeals triaged before keep the codes they were given.
   */
  async reloadTerritory(): Promise<void> {
    await this.deps.territory.refresh(this.deps.db);
    this.analyzer.locator.reload(territoryIndex(this.deps.territory));
  }

  /** Trains the model, and indexes the open appeals as duplicate targets; `listeners.ts` feeds it new appeals. */
  static async start(deps: Deps, options: TriageOptions = {}): Promise<AppealTriage> {
    const triage = new AppealTriage(deps, options);
    await triage.registry.start();
    await triage.#trackOpenAppeals();
    return triage;
  }

  /**
   * Runs the analysis (classifier, segmenter, locator, urgency, duplicate lookup) over the shipped
   * corpus's texts without storing anything, so its code is optimised and its caches are filled
   * before the first burst of real appeals instead of during it.
   */
  warm(): void {
    for (const { text } of readExamples(CORPUS_FILE).slice(0, WARM_UP_TEXTS)) this.analyzer.analyze({ id: 'warm-up', text });
  }

  /** Queues the appeals a crash or restart left untriaged; call once the server can notify citizens. */
  async resumeBacklog(): Promise<number> {
    const backlog = await this.#backlog();
    this.enqueue(...backlog);
    return backlog.length;
  }

  /** Appeals are triaged in arrival order, those waiting together in one transaction. */
  enqueue(...appealIds: string[]): void {
    for (const id of appealIds) {
      this.#waiting++;
      this.#last = this.#batches
        .submit(id)
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
    await this.#last;
  }

  stop(): void {
    this.registry.stop();
  }

  /**
   * Several stored appeals at once: analysed in order (each tracked before the next is analysed, so
   * the batch's own duplicates are found), then classified, suggested and merged in one transaction.
   */
  async #triage(appealIds: string[]): Promise<void[]> {
    const ctx: Ctx = { ...this.deps, actor: { type: 'system' } };
    const stored = new Map((await ctx.db.select().from(appeals).where(inArray(appeals.id, appealIds))).map((appeal) => [appeal.id, appeal]));
    const waiting = [...new Set(appealIds)].flatMap((id) => {
      const appeal = stored.get(id);
      return appeal && !appeal.nlpProcessedAt ? [appeal] : [];
    });
    const analysed: Analysed[] = [];
    for (const appeal of waiting) {
      analysed.push(this.#analyse(appeal));
      // Analysis is CPU work: between appeals, webhooks waiting to be acknowledged go first.
      await new Promise((resolve) => setImmediate(resolve));
    }
    try {
      const notices = await transact(ctx, (tx, publish) => this.#record(tx, publish, analysed));
      await deliverAll(ctx, notices);
    } catch (error) {
      for (const { appeal } of analysed) this.analyzer.untrack(appeal.id);
      throw error;
    }
    return appealIds.map(() => undefined);
  }

  #analyse(appeal: Appeal): Analysed {
    const point = appeal.latitude !== null && appeal.longitude !== null ? { latitude: appeal.latitude, longitude: appeal.longitude } : undefined;
    const analysis = this.analyzer.analyze({ id: appeal.id, text: appeal.summary, point, at: appeal.createdAt });
    const attach = appeal.status === 'pending' ? analysis.duplicates.find(isCertain) : undefined;
    const fields = fieldsFrom(appeal, analysis);
    if (!attach) this.#track({ ...appeal, ...fields, ...fields.point });
    const duplicates = analysis.duplicates.map((d) => ({
      candidateId: d.id,
      score: d.score,
      decision: isCertain(d) ? ('attach' as const) : ('suggest' as const),
      evidence: d.evidence,
    }));
    return { appeal, analysis, attach, fields, duplicates };
  }

  /** Classifications, suggestions and audits in one go, then the events, then the certain duplicates' merges. */
  async #record(tx: TxCtx, publish: (e: DomainEvent) => void, analysed: Analysed[]): Promise<Message[]> {
    const claimed = await applyTriage(tx, analysed);
    for (const { appeal } of analysed) if (!claimed.has(appeal.id)) this.analyzer.untrack(appeal.id);
    const merges: { appealId: string; intoId: string }[] = [];
    for (const { appeal, analysis, attach } of analysed) {
      const classified = claimed.get(appeal.id);
      if (!classified) continue;
      publish({ name: 'appeal.updated', payload: { appeal: classified, change: 'classified' } });
      if (classified.urgency === 'emergency')
        publish({ name: 'alert.emergency', payload: { appeal: classified, evidence: analysis.urgency.evidence.map((e) => e.match) } });
      // A certain duplicate of a pending appeal is merged at once; the first report stays in the queue.
      if (attach && classified.status === 'pending') merges.push({ appealId: appeal.id, intoId: attach.id });
      else if (attach) this.#track(classified);
    }
    return (await mergeDuplicates(tx, publish, merges)).map(({ notice }) => notice);
  }

  /** An agent's correction: the appeal takes the agent's labels and the model learns from them. */
  async learn(example: { text: string; category: string | null; appealType: string | null; appealId: string; authorUserId: string }): Promise<void> {
    await this.deps.db.insert(trainingExamples).values({
      text: example.text,
      category: example.category,
      appealType: example.appealType,
      appealId: example.appealId,
      authorUserId: example.authorUserId,
    });
    if (example.category) this.registry.correct({ text: example.text, category: example.category, type: example.appealType ?? undefined });
  }

  /** Re-index an appeal whose category changed, so duplicates are matched on the corrected one. */
  retrack(appeal: Appeal): void {
    this.analyzer.untrack(appeal.id);
    if (appeal.status === 'pending' || appeal.status === 'accepted') this.#track(appeal);
  }

  /** Re-reads an appeal another instance triaged or changed, and re-indexes it (or drops it once it left the queue). */
  async retrackStored(appealId: string): Promise<void> {
    const [appeal] = await this.deps.db.select().from(appeals).where(eq(appeals.id, appealId));
    if (appeal) this.retrack(appeal);
  }

  #track(appeal: Appeal): void {
    this.analyzer.track({
      id: appeal.id,
      text: appeal.summary,
      point: appeal.latitude !== null && appeal.longitude !== null ? { latitude: appeal.latitude, longitude: appeal.longitude } : undefined,
      gridCode: appeal.gridCode ?? undefined,
      category: appeal.categoryCode ?? undefined,
      emergency: appeal.urgency === 'emergency',
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

/** The territory the hotline serves, as stored, with its places: NLP knows no other. */
function territoryIndex(territory: Territory) {
  return { gazetteer: buildGazetteer(territory.units, territory.places()), grids: new GridLocator(territory.units) };
}

interface Analysed extends Triaged {
  analysis: AppealAnalysis;
  /** The appeal this pending one certainly duplicates: merged into it. */
  attach?: AppealAnalysis['duplicates'][number];
}

/**
 * Merged without asking only when the engine is certain: the same matter at the same place, or
 * identical specific wording without a place; never an emergency (see `decide` in @hotline/nlp).
 */
function isCertain(match: AppealAnalysis['duplicates'][number]): boolean {
  return match.decision === 'attach';
}

/**
 * The appeal's columns from an analysis. NLP fills what nobody set: a corrected classification
 * is never overwritten, a channel's point and a citizen's address win, urgency only goes up.
 */
function fieldsFrom(appeal: Appeal, analysis: AppealAnalysis): Triaged['fields'] {
  const { classification, location, urgency } = analysis;
  const category = classification.category.label === NONE_LABEL ? null : classification.category;
  const type = classification.type && (appealTypes as readonly string[]).includes(classification.type.label) ? classification.type : null;
  const record: ClassificationRecord = {
    modelVersion: classification.modelVersion,
    type,
    category,
    urgencyEvidence: urgency.evidence.map((e) => e.match),
    location: {
      source: location.precision === 'channel' ? 'channel' : location.matched ? 'address' : 'none',
      matched: location.matched ? location.address : null,
    },
  };
  const point =
    appeal.latitude === null && location.point
      ? { latitude: location.point.latitude, longitude: location.point.longitude, gridCode: location.gridCode ?? null }
      : undefined;
  return {
    appealType: (type?.label as Appeal['appealType']) ?? null,
    categoryCode: category?.label ?? null,
    classificationConfidence: category?.confidence ?? null,
    classification: record,
    urgency: urgencyRank[urgency.level] > urgencyRank[appeal.urgency] ? urgency.level : appeal.urgency,
    address: appeal.address ?? (location.matched ? location.address : null),
    point,
  };
}
