/**
 * `npm run bench -- [suite…] [--repeat 3] [suite options]`: runs the named suites (all when none is
 * named), each in its own process so one suite's heap and JIT state do not colour another's; repeats
 * each, takes the median of every figure, prints the table and writes bench/RESULTS.md.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ROWS_MARKER, type Row, argNumber, median } from './results.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsJson = fileURLToPath(new URL('results.json', import.meta.url));
const resultsMd = fileURLToPath(new URL('RESULTS.md', import.meta.url));

const suites: Record<string, { script: string; about: string }> = {
  ingest: { script: 'bench/ingest.ts', about: 'signed SMS webhooks at saturation and at half rate, beside the bare floor, on PostgreSQL and PGlite' },
  'cold-start': {
    script: 'bench/cold-start.ts',
    about: 'a 2,000-SMS burst the moment a fresh server process is ready, then again once NLP has caught up, on PostgreSQL and PGlite',
  },
  realtime: {
    script: 'bench/realtime.ts',
    about: '5,000 socket.io clients held; a new appeal pushed to 200 agent consoles, latency from the citizen’s submission',
  },
  stats: { script: 'bench/stats.ts', about: 'supervisor wall, charts and monthly assessment over HTTP on 1,000,000 appeals and 300,000 events (PostgreSQL)' },
  records: {
    script: 'bench/records.ts',
    about:
      '综合查询 over HTTP as an agent: filtered and Chinese text searches with their count, on 1,000,000 appeals with their messages and 300,000 events (PostgreSQL)',
  },
  nlp: { script: 'bench/nlp.ts', about: 'classifications/s, dedup lookup p50/p99 with 100,000 open appeals, memory' },
};

type Recorded = Record<string, { rows: Row[]; runs: number; at: string; command: string }>;

/** Runs a suite once, echoing its output, and returns the rows it reported. */
function runOnce(script: string, args: string[]): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let rows: Row[] | undefined;
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith(ROWS_MARKER)) rows = JSON.parse(line.slice(ROWS_MARKER.length)) as Row[];
        else console.log(line);
      }
    });
    child.on('exit', (code) =>
      code === 0 && rows ? resolve(rows) : reject(new Error(`${script} exited with ${code}${rows ? '' : ' without reporting figures'}`)),
    );
  });
}

/** Every figure's median over the runs; a target counts as met when the median meets it. */
function medians(runs: Row[][]): Row[] {
  return runs[0]!.map((row, i) => {
    const values = runs.map((run) => run[i]!.value);
    const value = median(values);
    const atMedian = runs.find((run) => run[i]!.value === value)![i]!;
    return { ...row, value, met: atMedian.met };
  });
}

function table(rows: Row[]): string {
  const lines = ['| figure | median | target |', '|---|---:|---|'];
  for (const r of rows) {
    const target = r.target ? `${r.target} ${r.met ? '✅ met' : '❌ missed'}` : '';
    lines.push(`| ${r.metric} | ${r.value.toLocaleString('en-US')} ${r.unit} | ${target} |`);
  }
  return lines.join('\n');
}

async function writeReport(recorded: Recorded) {
  const cpu = cpus();
  const sections = Object.entries(recorded).map(
    ([name, s]) => `## ${name}\n${suites[name]?.about ?? ''}\n\nMedian of ${s.runs} run(s), ${s.at}. Reproduce: \`${s.command}\`\n\n${table(s.rows)}\n`,
  );
  const report = `# Benchmark results

Written by \`npm run bench\`; loads come from separate processes over loopback, never from inside the server.

- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Linux ${release()}
- Node.js ${process.version}

${sections.join('\n')}`;
  await writeFile(resultsMd, report);
}

const [, , ...args] = process.argv;
const names = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const unknown = names.filter((n) => !(n in suites));
if (unknown.length) {
  console.error(
    `Unknown suite ${unknown.join(', ')}. Suites:\n${Object.entries(suites)
      .map(([n, s]) => `  ${n}  ${s.about}`)
      .join('\n')}`,
  );
  process.exit(2);
}
const repeat = argNumber('repeat', 3);
const passThrough = args.filter((a) => !names.includes(a));
const recorded: Recorded = JSON.parse(await readFile(resultsJson, 'utf8').catch(() => '{}'));
for (const name of names.length ? names : Object.keys(suites)) {
  console.log(`\n== ${name}: ${suites[name]!.about}`);
  const runs: Row[][] = [];
  for (let run = 1; run <= repeat; run++) {
    console.log(`-- run ${run}/${repeat}`);
    runs.push(await runOnce(suites[name]!.script, passThrough));
  }
  const rows = medians(runs);
  recorded[name] = {
    rows,
    runs: repeat,
    at: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    command: `npm run bench -- ${[name, ...passThrough].join(' ')}`,
  };
  console.log(`\n${table(rows)}`);
  await writeFile(resultsJson, `${JSON.stringify(recorded, null, 2)}\n`);
  await writeReport(recorded);
}
console.log(`\nWritten: bench/RESULTS.md`);
