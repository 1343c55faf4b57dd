/**
 * NLP benchmark: classifications per second on one core, duplicate lookup latency with 100,000
 * open appeals, and memory. `npx tsx bench/nlp.ts [--appeals 100000] [--lookups 2000]`
 * (run with `node --expose-gc` semantics via `NODE_OPTIONS=--expose-gc` for exact heap figures).
 */
import { AppealClassifier, CORPUS_FILE, DuplicateIndex, readExamples, seededRandom } from '@hotline/nlp';
import { BANKS, type Register, districtLocator, renderAppeal } from '@hotline/nlp/corpus';
import { emitRows, quantile } from './results.ts';

// The synthetic appeals name places of the corpus district: the index reads them with its locator.
const locator = districtLocator();

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const APPEALS = arg('appeals', 100_000);
const LOOKUPS = arg('lookups', 2000);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function syntheticAppeals(n: number, seed: number, start: number, spanMs: number) {
  const rand = seededRandom(seed);
  const registers: Register[] = ['call', 'sms', 'wechat', 'web'];
  const types = ['complaint', 'help', 'report'] as const;
  return Array.from({ length: n }, (_, i) => {
    const bank = BANKS[Math.floor(rand() * BANKS.length)]!;
    const type = types.find((t) => bank.types[t]) ?? 'complaint';
    const text = renderAppeal(bank, type, registers[Math.floor(rand() * 4)]!);
    const loc = locator.locate(text);
    // Appeals with no address in the text get a channel point somewhere in the district, as GPS would.
    const point = loc.point ?? (rand() < 0.5 ? { longitude: 120.1 + rand() * 0.06, latitude: 30.2 + rand() * 0.06 } : undefined);
    return { id: `a${seed}-${i}`, text, point, category: bank.code, at: new Date(start + rand() * spanMs) };
  });
}

function main() {
  const rows: [string, string][] = [];
  console.log('NLP benchmark (one core)\n');

  // Classification.
  const examples = readExamples(CORPUS_FILE);
  let t = performance.now();
  const model = AppealClassifier.train(examples, { modelVersion: 'bench' });
  rows.push(['train on the shipped corpus', `${examples.length} examples, ${((performance.now() - t) / 1000).toFixed(2)} s`]);
  const texts = examples.map((e) => e.text);
  for (let i = 0; i < 500; i++) model.classify(texts[i % texts.length]!); // warm-up
  let n = 0;
  t = performance.now();
  while (performance.now() - t < 3000) model.classify(texts[n++ % texts.length]!);
  const perSecond = n / ((performance.now() - t) / 1000);
  rows.push(['classifications/s (type + category)', `${Math.round(perSecond)}`]);
  const long = texts.filter((x) => x.length > 80);
  n = 0;
  t = performance.now();
  while (performance.now() - t < 1500) model.classify(long[n++ % long.length]!);
  rows.push(['classifications/s, texts > 80 chars', `${Math.round(n / ((performance.now() - t) / 1000))}`]);

  // Duplicates.
  const now = Date.parse('2026-05-01T00:00:00Z');
  const week = 7 * 24 * 3600_000;
  t = performance.now();
  const open = syntheticAppeals(APPEALS, 1, now - week, week);
  const made = performance.now() - t;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const index = new DuplicateIndex({ locator, maxCandidates: arg('candidates', 64) });
  t = performance.now();
  for (const a of open) index.add(a);
  const built = performance.now() - t;
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  rows.push([
    `build index of ${APPEALS} open appeals (all inside the 7-day window)`,
    `${(built / 1000).toFixed(1)} s (${Math.round((APPEALS / built) * 1000)} adds/s; texts generated in ${(made / 1000).toFixed(1)} s)`,
  ]);
  rows.push(['index heap', `${mb(heapAfter - heapBefore)}${(globalThis as { gc?: unknown }).gc ? '' : ' (approximate: run with NODE_OPTIONS=--expose-gc)'}`]);

  const queries = syntheticAppeals(LOOKUPS, 2, now, 3600_000);
  const times: number[] = [];
  const unplaced: number[] = [];
  let found = 0;
  let attach = 0;
  for (const q of queries) {
    const s = performance.now();
    const m = index.find(q);
    times.push(performance.now() - s);
    if (!q.point) unplaced.push(times[times.length - 1]!);
    if (m.length) found++;
    if (m[0]?.decision === 'attach') attach++;
  }
  rows.push([
    `dedup lookup (${LOOKUPS} new appeals)`,
    `p50 ${quantile(times, 0.5).toFixed(2)} ms, p99 ${quantile(times, 0.99).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`,
  ]);
  if (unplaced.length)
    rows.push([
      `  of which without any place (${unplaced.length})`,
      `p50 ${quantile(unplaced, 0.5).toFixed(2)} ms, p99 ${quantile(unplaced, 0.99).toFixed(2)} ms`,
    ]);
  rows.push(['lookups with a match / auto-attach', `${found} / ${attach}`]);
  rows.push(['process RSS', mb(process.memoryUsage().rss)]);

  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
  const p99 = quantile(times, 0.99);
  emitRows([
    { metric: 'classifications/s (type + category, one core)', value: Math.round(perSecond), unit: '/s' },
    { metric: `dedup lookup p50 with ${APPEALS.toLocaleString('en-US')} open appeals`, value: Number(quantile(times, 0.5).toFixed(2)), unit: 'ms' },
    {
      metric: `dedup lookup p99 with ${APPEALS.toLocaleString('en-US')} open appeals`,
      value: Number(p99.toFixed(2)),
      unit: 'ms',
      target: '< 5 ms',
      met: p99 < 5,
    },
    { metric: 'duplicate index heap', value: Math.round((heapAfter - heapBefore) / 1024 / 1024), unit: 'MB' },
    { metric: 'process RSS', value: Math.round(process.memoryUsage().rss / 1024 / 1024), unit: 'MB' },
  ]);
}

main();
