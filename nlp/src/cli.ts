/**
 * The NLP command line: `npm run nlp -- <command> [options]`.
 *
 *   train      --data FILE.{jsonl,csv} --out DIR [--version V]   train and save a model
 *   eval       --model DIR --data FILE.jsonl                 score a saved model on labelled lines
 *   cv         --data FILE.jsonl [--folds 5] [--seed 1]      stratified k-fold cross-validation
 *   dedup-eval --data PAIRS.jsonl [--threshold T] [--model DIR]  duplicate scorer and rules on labelled pairs
 *
 * Every command prints a readable report; with `--json` its last line is one JSON object.
 * Exit codes: 0 done, 2 bad input (usage, unreadable or malformed file), 1 anything else.
 */
import { AppealClassifier, type Example } from './classifier.ts';
import { DataError, readExamples, readPairs } from './dataset.ts';
import { DEFAULT_DUPLICATE_OPTIONS } from './dedup.ts';
import { type PairMetrics, evaluatePairs } from './dedup-eval.ts';
import { districtLocator } from './corpus/district.ts';
import { CORPUS_FILE } from './background.ts';
import { NONE_LABEL } from './models.ts';
import { gradeUrgency } from './urgency.ts';
import { type EvalReport, evaluate, formatReport, stratifiedFolds } from './metrics.ts';

class UsageError extends Error {}

const USAGE = `usage: npm run nlp -- <command> [options]
  train      --data FILE.{jsonl,csv} --out DIR [--version V]
  eval       --model DIR --data FILE.{jsonl,csv}
  cv         --data FILE.{jsonl,csv} [--folds 5] [--seed 1]
  dedup-eval --data PAIRS.jsonl [--threshold T] [--model DIR]
options: --json   end with one JSON line of the figures`;

function parseArgs(argv: string[]): { command: string; opts: Record<string, string | true> } {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') throw new UsageError('no command given');
  const opts: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument "${a}"`);
    const key = a.slice(2);
    const next = rest[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      opts[key] = next;
      i++;
    } else opts[key] = true;
  }
  return { command, opts };
}

function need(opts: Record<string, string | true>, key: string): string {
  const v = opts[key];
  if (typeof v !== 'string' || !v) throw new UsageError(`missing --${key}`);
  return v;
}

function int(opts: Record<string, string | true>, key: string, def: number, min: number): number {
  if (opts[key] === undefined) return def;
  const n = Number(opts[key]);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${key} must be an integer ≥ ${min}`);
  return n;
}

const summary = (r: EvalReport) => ({
  accuracy: r.accuracy,
  macroF1: r.macroF1,
  perClass: Object.fromEntries(r.perClass.map((c) => [c.label, { precision: c.precision, recall: c.recall, f1: c.f1, support: c.support }])),
});

function predictAll(model: AppealClassifier, data: Example[]) {
  const out = data.map((e) => model.classify(e.text));
  return { category: out.map((c) => c.category.label), type: out.map((c) => c.type?.label ?? '') };
}

function typeReport(data: Example[], predicted: string[]): EvalReport | null {
  const idx = data.map((e, i) => (e.type ? i : -1)).filter((i) => i >= 0);
  if (!idx.length) return null;
  return evaluate(
    idx.map((i) => data[i]!.type!),
    idx.map((i) => predicted[i] || '(none)'),
  );
}

type Opts = Record<string, string | true>;
type Print = (s: string) => void;

/** `train`: a model from labelled lines, saved to a folder. */
function train(opts: Opts, print: Print, json: boolean): number {
  const data = readExamples(need(opts, 'data'));
  const out = need(opts, 'out');
  const started = Date.now();
  const model = AppealClassifier.train(data, { modelVersion: typeof opts.version === 'string' ? opts.version : undefined });
  model.save(out);
  const result = {
    modelVersion: model.modelVersion,
    examples: data.length,
    categories: model.category.labels.length,
    types: model.type?.labels.length ?? 0,
    seconds: (Date.now() - started) / 1000,
    out,
  };
  print(`trained ${result.modelVersion} on ${data.length} examples in ${result.seconds.toFixed(1)} s`);
  print(`  categories: ${model.category.labels.join(', ')}`);
  if (model.type) print(`  types: ${model.type.labels.join(', ')}`);
  print(`  saved to ${out}/model.json`);
  if (json) print(JSON.stringify(result));
  return 0;
}

/** `eval`: a saved model scored on labelled lines. */
function evalModel(opts: Opts, print: Print, json: boolean): number {
  const dir = need(opts, 'model');
  const data = readExamples(need(opts, 'data'));
  let model: AppealClassifier;
  try {
    model = AppealClassifier.load(dir);
  } catch (e) {
    throw new DataError(`cannot load model (${(e as Error).message})`, dir);
  }
  const pred = predictAll(model, data);
  const cat = evaluate(
    data.map((e) => e.category),
    pred.category,
  );
  const typ = typeReport(data, pred.type);
  print(formatReport(`category (model ${model.modelVersion})`, cat));
  if (typ) print('\n' + formatReport('type', typ));
  if (json) print(JSON.stringify({ ...summary(cat), modelVersion: model.modelVersion, n: cat.n, type: typ ? summary(typ) : null }));
  return 0;
}

/** `cv`: stratified k-fold cross-validation, per fold and pooled. */
function crossValidate(opts: Opts, print: Print, json: boolean): number {
  const data = readExamples(need(opts, 'data'));
  const k = int(opts, 'folds', 5, 2);
  const seed = int(opts, 'seed', 1, 0);
  const labels = data.map((e) => e.category);
  if (data.length < k) throw new DataError(`${data.length} examples cannot be split into ${k} folds`, String(opts.data));
  const folds = stratifiedFolds(labels, k, seed);
  const predCat = new Array<string>(data.length);
  const predType = new Array<string>(data.length).fill('');
  const foldF1: number[] = [];
  const started = Date.now();
  for (let f = 0; f < k; f++) {
    const train = data.filter((_, i) => folds[i] !== f);
    const test = data.map((_, i) => i).filter((i) => folds[i] === f);
    if (!test.length) continue;
    const model = AppealClassifier.train(train, { modelVersion: `cv-${f + 1}` });
    for (const i of test) {
      const c = model.classify(data[i]!.text);
      predCat[i] = c.category.label;
      predType[i] = c.type?.label ?? '';
    }
    const r = evaluate(
      test.map((i) => labels[i]!),
      test.map((i) => predCat[i]!),
    );
    foldF1.push(r.macroF1);
    print(`fold ${f + 1}/${k}: ${test.length} held out, accuracy ${(r.accuracy * 100).toFixed(1)}%, macro-F1 ${(r.macroF1 * 100).toFixed(1)}%`);
  }
  const cat = evaluate(labels, predCat);
  const typ = typeReport(data, predType);
  const mean = foldF1.reduce((a, b) => a + b, 0) / foldF1.length;
  const sd = Math.sqrt(foldF1.reduce((a, b) => a + (b - mean) ** 2, 0) / foldF1.length);
  print(`\n${k}-fold stratified cross-validation, ${data.length} examples, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  print(`fold macro-F1: mean ${(mean * 100).toFixed(1)}% ± ${(sd * 100).toFixed(1)}\n`);
  print(formatReport('category (all held-out predictions pooled)', cat));
  if (typ) print('\n' + formatReport('type (all held-out predictions pooled)', typ));
  if (json) print(JSON.stringify({ ...summary(cat), folds: k, foldMacroF1: foldF1, n: cat.n, type: typ ? summary(typ) : null }));
  return 0;
}

/** `dedup-eval`: the duplicate scorer on labelled pairs at the shipped, the attach and the best threshold. */
function dedupEval(opts: Opts, print: Print, json: boolean): number {
  const pairs = readPairs(need(opts, 'data'));
  const threshold = opts.threshold === undefined ? DEFAULT_DUPLICATE_OPTIONS.suggestThreshold : Number(opts.threshold);
  if (!(threshold >= 0 && threshold <= 1)) throw new UsageError('--threshold must be a number in [0,1]');
  // Each text is classified as triage would (the given model, or one trained on the shipped corpus) and graded for urgency.
  const model = typeof opts.model === 'string' ? AppealClassifier.load(opts.model) : AppealClassifier.train(readExamples(CORPUS_FILE));
  const read = (text: string) => {
    const label = model.classify(text).category.label;
    return { category: label === NONE_LABEL ? undefined : label, emergency: gradeUrgency(text).level === 'emergency' };
  };
  // The shipped pairs, like the corpus behind the IDF background, name places of the corpus district.
  const r = evaluatePairs(pairs, { locator: districtLocator(), suggestThreshold: threshold, read });
  const line = (name: string, m: PairMetrics) =>
    `  ${name.padEnd(22)} ${m.threshold.toFixed(2)}   ${(m.precision * 100).toFixed(1).padStart(5)}%   ${(m.recall * 100).toFixed(1).padStart(5)}%  ${(m.f1 * 100).toFixed(1).padStart(5)}%   tp ${m.tp} fp ${m.fp} fn ${m.fn} tn ${m.tn}`;
  print(`duplicate pairs: ${r.pairs} (${r.positives} duplicates, ${r.pairs - r.positives} not)`);
  print(`  ${''.padEnd(22)} threshold precision  recall     F1`);
  print(line('shipped (suggest)', r));
  print(line('auto-attach', r.attach));
  print(line('best on this file', r.best));
  print('  with every rule (category, emergency, place or identical text for a merge):');
  print(line('suggested or merged', r.decisions.suggested));
  print(line('merged automatically', r.decisions.attached));
  if (json)
    print(
      JSON.stringify({
        precision: r.precision,
        recall: r.recall,
        f1: r.f1,
        threshold: r.threshold,
        pairs: r.pairs,
        attach: { threshold: r.attach.threshold, precision: r.attach.precision, recall: r.attach.recall, f1: r.attach.f1 },
        best: { threshold: r.best.threshold, precision: r.best.precision, recall: r.best.recall, f1: r.best.f1 },
        suggested: { precision: r.decisions.suggested.precision, recall: r.decisions.suggested.recall, f1: r.decisions.suggested.f1 },
        merged: { precision: r.decisions.attached.precision, recall: r.decisions.attached.recall, f1: r.decisions.attached.f1 },
      }),
    );
  return 0;
}

const COMMANDS: Record<string, (opts: Opts, print: Print, json: boolean) => number> = { train, eval: evalModel, cv: crossValidate, 'dedup-eval': dedupEval };

function run(argv: string[], print: Print): number {
  const { command, opts } = parseArgs(argv);
  const handler = COMMANDS[command];
  if (!handler) throw new UsageError(`unknown command "${command}"`);
  return handler(opts, print, opts.json === true);
}

/** Runs the CLI; returns the exit code (exported for tests that do not spawn). */
export function main(
  argv: string[],
  print: (s: string) => void = (s) => process.stdout.write(s + '\n'),
  printError: (s: string) => void = (s) => process.stderr.write(s + '\n'),
): number {
  try {
    return run(argv, print);
  } catch (e) {
    if (e instanceof UsageError) {
      printError(`error: ${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof DataError) {
      printError(`error: ${e.message}`);
      return 2;
    }
    printError(`error: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/nlp/cli.ts')) {
  process.exitCode = main(process.argv.slice(2));
}
