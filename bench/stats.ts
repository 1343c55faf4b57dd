/**
 * Statistics benchmark: the supervisor wall, the charts and the monthly assessment on 1,000,000
 * appeals and 300,000 events (with their steps) on PostgreSQL, requested over HTTP from this
 * separate process as a supervisor would. `npm run bench -- stats [--appeals 1000000] [--events 300000] [--requests 40]`
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateHistory } from './history.ts';
import { createTestPostgresDatabase } from '../backend/src/testing/databases.ts';
import { startServerProcess } from '../backend/src/testing/server-process.ts';
import { type Row, argNumber, emitRows, quantile } from './results.ts';

const APPEALS = argNumber('appeals', 1_000_000);
const EVENTS = argNumber('events', 300_000);
const REQUESTS = argNumber('requests', 40);
const PASSWORD = 'bench-password-1';

async function timeRequests(url: string, cookie: string, path: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS + 3; i++) {
    const started = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    if (i >= 3) times.push(performance.now() - started); // the first three warm caches and plans
  }
  return times;
}

async function main() {
  const database = await createTestPostgresDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hotline-bench-'));
  // The server migrates and seeds the reference data; history is generated while it is stopped.
  let server = await startServerProcess({ DATABASE_URL: database.url, DATA_DIR: dataDir });
  await server.stop('SIGTERM');
  try {
    const generating = performance.now();
    const counts = await generateHistory(database.url, dataDir, { appeals: APPEALS, events: EVENTS, password: PASSWORD });
    console.log(`generated ${JSON.stringify(counts)} in ${((performance.now() - generating) / 1000).toFixed(0)} s`);
    server = await startServerProcess({ DATABASE_URL: database.url, DATA_DIR: dataDir });
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'supervisor', password: PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const month = new Date().toISOString().slice(0, 7);
    const rows: Row[] = [];
    for (const [name, url] of [
      ['supervisor wall', '/api/stats/wall'],
      ['wall charts', '/api/stats/charts'],
      ['monthly assessment, this month', `/api/assessment?month=${month}`],
      ['monthly assessment CSV, this month', `/api/assessment.csv?month=${month}`],
    ] as const) {
      const times = await timeRequests(server.url, cookie, url);
      const p95 = quantile(times, 0.95);
      console.log(`${name}: p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
      rows.push({
        metric: `${name} (${APPEALS.toLocaleString('en-US')} appeals, ${EVENTS.toLocaleString('en-US')} events), p95 over HTTP`,
        value: Number(p95.toFixed(1)),
        unit: 'ms',
        target: '< 200 ms',
        met: p95 < 200,
      });
    }
    emitRows(rows);
  } finally {
    await server.stop('SIGTERM');
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
