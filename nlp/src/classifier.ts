import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TextFeatures, Vectorizer, type VectorizerJson, textFeatures } from './features.ts';
import { ComplementNB, NONE_LABEL, NeuralMember, SoftmaxRegression, type SoftmaxOptions } from './models.ts';

/** One labelled example: the shipped corpus, a deployment's history, or an agent's correction. */
export interface Example {
  text: string;
  category: string;
  /** Appeal type; optional (a deployment may label categories only). */
  type?: string;
}

export interface ScoredLabel {
  label: string;
  confidence: number;
}

export interface LabelPrediction extends ScoredLabel {
  /** The three most likely labels, best first (the first is `label`). */
  alternatives: ScoredLabel[];
}

export interface Classification {
  /** The version of the model that made this classification (record it with the appeal). */
  modelVersion: string;
  /** Null when the model was trained without types. */
  type: LabelPrediction | null;
  category: LabelPrediction;
}

export interface EnsembleWeights {
  linear: number;
  cnb: number;
  neural: number;
}

export interface TrainOptions {
  modelVersion?: string;
  /** Add the built-in off-topic examples as the `None` class (default true). */
  none?: boolean;
  weights?: Partial<EnsembleWeights>;
  linear?: SoftmaxOptions;
  neuralIterations?: number;
}

/**
 * Chosen by 5-fold cross-validation on the corpus's formal (web-form) posts grouped into seven
 * department classes, the setting closest to real message-board data: logistic regression and
 * complement NB are close and complementary; node-nlp's network is weaker alone (it sees words
 * only) but adds a little and owns the `None` logic.
 */
export const DEFAULT_WEIGHTS: EnsembleWeights = { linear: 0.5, cnb: 0.4, neural: 0.1 };

/**
 * Off-topic messages every hotline receives: greetings, line checks, thanks, wrong numbers.
 * They train the `None` class, so such a text is not forced into a matter category.
 */
export const NONE_EXAMPLES = [
  '你好',
  '您好',
  '喂',
  '喂喂喂',
  '在吗',
  '有人吗',
  '测试',
  '测试一下',
  '123',
  'hello',
  'hi',
  'ok',
  '好的',
  '好的谢谢',
  '谢谢',
  '知道了',
  '嗯嗯',
  '收到',
  '没事了',
  '打错了',
  '不好意思打错了',
  '再见',
  '拜拜',
  '？',
  '。。。',
  '哈哈哈',
  '早上好',
  '晚上好',
  '听得到吗',
  '喂，听得到吗，信号不好',
  '没什么事',
  '我就看看',
  '这个号码是干嘛的',
  '你是机器人吗',
  '人工服务',
  '转人工',
  '我要找人工',
  '怎么不说话',
  '你们几点下班',
  '你叫什么名字',
];

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** `None` is returned only when it has at least this probability. */
export const NONE_MIN_CONFIDENCE = 0.5;

interface HeadJson {
  labels: string[];
  weights: EnsembleWeights;
  vectorizer: VectorizerJson;
  linear: ReturnType<SoftmaxRegression['toJSON']>;
  cnb: ReturnType<ComplementNB['toJSON']>;
  neural: ReturnType<NeuralMember['toJSON']>;
}

/**
 * One label set (categories or types): TF-IDF features, three members, and a weighted average
 * of their probabilities.
 */
export class LabelHead {
  constructor(
    readonly labels: string[],
    readonly weights: EnsembleWeights,
    readonly vectorizer: Vectorizer,
    readonly linear: SoftmaxRegression,
    readonly cnb: ComplementNB,
    readonly neural: NeuralMember,
  ) {}

  static train(items: { features: TextFeatures; label: string }[], opts: TrainOptions = {}): LabelHead {
    const labels = [...new Set(items.map((i) => i.label))].sort();
    const y = items.map((i) => labels.indexOf(i.label));
    const vectorizer = Vectorizer.fit(
      items.map((i) => i.features.tokens),
      { maxFeatures: 300_000 },
    );
    const rows = items.map((i) => vectorizer.transform(i.features.tokens));
    const linear = SoftmaxRegression.train(rows, y, vectorizer.size, labels.length, opts.linear);
    const cnb = ComplementNB.train(rows, y, vectorizer.size, labels.length);
    const neural = NeuralMember.train(
      items.map((i) => i.features.words),
      y,
      labels,
      { iterations: opts.neuralIterations },
    );
    return new LabelHead(labels, { ...DEFAULT_WEIGHTS, ...opts.weights }, vectorizer, linear, cnb, neural);
  }

  /** The ensemble's probability for each label, in `labels` order. */
  probabilities(f: TextFeatures): Float64Array {
    const row = this.vectorizer.transform(f.tokens);
    const { linear, cnb, neural } = this.weights;
    const p = new Float64Array(this.labels.length);
    const add = (q: Float64Array, w: number) => {
      if (w) for (let i = 0; i < p.length; i++) p[i]! += w * q[i]!;
    };
    if (row.idx.length === 0) {
      // Nothing known: only the neural member's nonefeature logic can speak.
      add(this.neural.predict(f.words), 1);
      return p;
    }
    add(this.linear.predict(row), linear);
    add(this.cnb.predict(row), cnb);
    add(this.neural.predict(f.words), neural);
    const sum = linear + cnb + neural;
    for (let i = 0; i < p.length; i++) p[i]! /= sum;
    return p;
  }

  predict(f: TextFeatures): LabelPrediction {
    const p = this.probabilities(f);
    const ranked = this.labels.map((label, i) => ({ label, confidence: round4(p[i]!) })).sort((a, b) => b.confidence - a.confidence);
    // `None` must win clearly: a short real appeal that merely resembles chit-chat keeps its best matter.
    if (ranked[0]!.label === NONE_LABEL && ranked[0]!.confidence < NONE_MIN_CONFIDENCE && ranked.length > 1) {
      const [none] = ranked.splice(0, 1);
      ranked.splice(1, 0, none!);
    }
    return { ...ranked[0]!, alternatives: ranked.slice(0, 3) };
  }

  toJSON(): HeadJson {
    return {
      labels: this.labels,
      weights: this.weights,
      vectorizer: this.vectorizer.toJSON(),
      linear: this.linear.toJSON(),
      cnb: this.cnb.toJSON(),
      neural: this.neural.toJSON(),
    };
  }

  static fromJSON(j: HeadJson): LabelHead {
    return new LabelHead(
      j.labels,
      j.weights,
      Vectorizer.fromJSON(j.vectorizer),
      SoftmaxRegression.fromJSON(j.linear),
      ComplementNB.fromJSON(j.cnb),
      NeuralMember.fromJSON(j.labels, j.neural),
    );
  }
}

export const MODEL_FORMAT = 'hotline-nlp-classifier';
export const MODEL_FORMAT_VERSION = 1;

export interface ModelJson {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  modelVersion: string;
  createdAt: string;
  examples: number;
  category: HeadJson;
  type: HeadJson | null;
}

/**
 * The appeal classifier: a category head and, when the training data has types, a type head.
 * Immutable once trained; a retrain makes a new instance (see ModelRegistry).
 */
export class AppealClassifier {
  constructor(
    readonly modelVersion: string,
    readonly category: LabelHead,
    readonly type: LabelHead | null,
    readonly createdAt = new Date().toISOString(),
    readonly examples = 0,
  ) {}

  static train(examples: Example[], opts: TrainOptions = {}): AppealClassifier {
    if (!examples.length) throw new Error('no training examples');
    const feats = examples.map((e) => textFeatures(e.text));
    const none = opts.none === false ? [] : NONE_EXAMPLES.map((text) => ({ features: textFeatures(text), label: NONE_LABEL }));
    const category = LabelHead.train([...examples.map((e, i) => ({ features: feats[i]!, label: e.category })), ...none], opts);
    const typed = examples
      .map((e, i) => ({ features: feats[i]!, label: e.type }))
      .filter((x): x is { features: TextFeatures; label: string } => Boolean(x.label));
    const type = typed.length ? LabelHead.train([...typed, ...none], opts) : null;
    return new AppealClassifier(opts.modelVersion ?? `m-${Date.now().toString(36)}`, category, type, new Date().toISOString(), examples.length);
  }

  classify(text: string): Classification {
    const f = textFeatures(text);
    return { modelVersion: this.modelVersion, type: this.type ? this.type.predict(f) : null, category: this.category.predict(f) };
  }

  toJSON(): ModelJson {
    return {
      format: MODEL_FORMAT,
      formatVersion: MODEL_FORMAT_VERSION,
      modelVersion: this.modelVersion,
      createdAt: this.createdAt,
      examples: this.examples,
      category: this.category.toJSON(),
      type: this.type?.toJSON() ?? null,
    };
  }

  static fromJSON(j: ModelJson): AppealClassifier {
    if (j.format !== MODEL_FORMAT || j.formatVersion !== MODEL_FORMAT_VERSION) throw new Error(`not a ${MODEL_FORMAT} v${MODEL_FORMAT_VERSION} model`);
    return new AppealClassifier(j.modelVersion, LabelHead.fromJSON(j.category), j.type ? LabelHead.fromJSON(j.type) : null, j.createdAt, j.examples);
  }

  /** Writes `DIR/model.json` (everything) and `DIR/meta.json` (version, labels, date). */
  save(dir: string): void {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'model.json'), JSON.stringify(this.toJSON()));
    const meta = {
      modelVersion: this.modelVersion,
      createdAt: this.createdAt,
      examples: this.examples,
      categories: this.category.labels,
      types: this.type?.labels ?? null,
    };
    writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
  }

  /** Reads a model saved by `save`; local files only. */
  static load(dir: string): AppealClassifier {
    return AppealClassifier.fromJSON(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as ModelJson);
  }
}
