/**
 * `npm run bench -- <suite…>`: runs the named benchmark suites (all when none is named), each in
 * its own process so one suite's heap and JIT state do not colour another's figures.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const suites: Record<string, { script: string; about: string }> = {
  nlp: { script: 'backend/src/nlp/bench.ts', about: 'classifications/s, dedup lookup p50/p99 with 100,000 open appeals, memory' },
};

const [, , ...args] = process.argv;
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !(n in suites));
if (unknown.length) {
  console.error(`Unknown suite ${unknown.join(', ')}. Suites:\n${Object.entries(suites).map(([n, s]) => `  ${n}  ${s.about}`).join('\n')}`);
  process.exit(2);
}
const passThrough = args.filter((a) => !names.includes(a));
let failed = false;
for (const name of names.length ? names : Object.keys(suites)) {
  console.log(`\n== ${name}: ${suites[name]!.about}`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', suites[name]!.script, ...passThrough], { cwd: root, stdio: 'inherit' });
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
