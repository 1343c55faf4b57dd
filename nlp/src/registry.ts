import { AppealClassifier, type Classification, type Example, type TrainOptions } from './classifier.ts';

/**
 * Learning from agents. The registry serves the live classifier and retrains it when agents
 * correct a category or type: each correction is kept, a retrain is scheduled `debounceMs` after
 * the last one (a burst of corrections costs one retrain), the new model gets the next version,
 * and it replaces the live one in a single assignment, so a classification uses either the old
 * or the new model, never a mix, and reports which (`modelVersion`).
 *
 * Persistence is the caller's: corrections are loaded through `CorrectionStore` at start and
 * handed to `correct()` after the caller has stored them.
 */

/** Where the caller keeps agents' corrections (e.g. a table of labelled examples). */
export interface CorrectionStore {
  loadCorrections(): Promise<Example[]>;
}

/** setTimeout/clearTimeout, injectable so tests drive time. */
export interface Timer {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimer: Timer = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Trains a classifier; the default trains in this thread. A worker-thread trainer can be passed instead. */
export type TrainFn = (examples: Example[], opts: TrainOptions & { modelVersion: string }) => AppealClassifier | Promise<AppealClassifier>;

export const trainInProcess: TrainFn = (examples, opts) => AppealClassifier.train(examples, opts);

export interface RegistryOptions {
  /** The shipped corpus or the deployment's labelled history. */
  baseExamples: Example[];
  store?: CorrectionStore;
  /** Retrain this long after the last correction (default 2,000 ms). */
  debounceMs?: number;
  timer?: Timer;
  train?: TrainFn;
  /** A model loaded from disk, served until the first retrain. */
  initial?: AppealClassifier;
  /** Each correction counts this many times against the base examples (default 3). */
  correctionWeight?: number;
  /** Called after each swap, e.g. to save the model or log its version. */
  onSwap?: (model: AppealClassifier) => void;
  onError?: (error: unknown) => void;
}

export class ModelRegistry {
  readonly #opts: Required<Pick<RegistryOptions, 'debounceMs' | 'timer' | 'train' | 'correctionWeight'>> & RegistryOptions;
  #current: AppealClassifier | undefined;
  #corrections: Example[] = [];
  #sequence = 0;
  #timer: unknown;
  #training: Promise<void> | undefined;
  #dirty = false;

  constructor(opts: RegistryOptions) {
    this.#opts = { debounceMs: 2000, timer: realTimer, train: trainInProcess, correctionWeight: 3, ...opts };
    if (opts.initial) {
      this.#current = opts.initial;
      this.#sequence = versionNumber(opts.initial.modelVersion);
    }
  }

  /** The live model; throws before `start()` when no initial model was given. */
  get current(): AppealClassifier {
    if (!this.#current) throw new Error('no model yet: await registry.start()');
    return this.#current;
  }

  get version(): string | undefined {
    return this.#current?.modelVersion;
  }

  get corrections(): readonly Example[] {
    return this.#corrections;
  }

  /** Classify with the live model; the result names the model version that made it. */
  classify(text: string): Classification {
    return this.current.classify(text);
  }

  /** Load stored corrections and train the first model (unless an initial model is given and there are no corrections). */
  async start(): Promise<void> {
    this.#corrections = [...((await this.#opts.store?.loadCorrections()) ?? [])];
    if (!this.#current || this.#corrections.length) await this.retrainNow();
  }

  /** Record an agent's correction (already persisted by the caller) and schedule a retrain. */
  correct(example: Example): void {
    this.#corrections.push(example);
    if (this.#timer !== undefined) this.#opts.timer.clearTimeout(this.#timer);
    this.#timer = this.#opts.timer.setTimeout(() => {
      this.#timer = undefined;
      void this.retrainNow().catch((e) => this.#opts.onError?.(e));
    }, this.#opts.debounceMs);
  }

  /** True while a retrain is scheduled or running. */
  get busy(): boolean {
    return this.#timer !== undefined || this.#training !== undefined;
  }

  /** Retrain now on base examples + corrections and swap; a call during a retrain queues one more. */
  async retrainNow(): Promise<AppealClassifier> {
    if (this.#training) {
      this.#dirty = true;
      await this.#training;
      return this.current;
    }
    const run = async () => {
      do {
        this.#dirty = false;
        const examples = [...this.#opts.baseExamples, ...this.#corrections.flatMap((c) => Array<Example>(this.#opts.correctionWeight).fill(c))];
        const version = `v${++this.#sequence}`;
        const model = await this.#opts.train(examples, { modelVersion: version });
        this.#current = model;
        this.#opts.onSwap?.(model);
      } while (this.#dirty);
    };
    this.#training = run().finally(() => (this.#training = undefined));
    await this.#training;
    return this.current;
  }

  /** Resolves when no retrain is scheduled or running. */
  async whenIdle(): Promise<void> {
    while (this.#training) await this.#training;
  }

  /** Cancel a scheduled retrain (e.g. at shutdown). */
  stop(): void {
    if (this.#timer !== undefined) this.#opts.timer.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

function versionNumber(v: string): number {
  const m = /(\d+)$/.exec(v);
  return m ? Number(m[1]) : 0;
}
