/**
 * Realtime benchmark: 5,000 socket.io clients held open on one server process (PostgreSQL), of which
 * 200 are agent consoles; push latency of a new appeal, from the citizen's submission to each agent
 * console receiving `appeal:new`. Clients run in this separate process over loopback.
 * `npm run bench -- realtime [--clients 5000] [--agents 200] [--appeals 40]`
 */
import { io, type Socket } from 'socket.io-client';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../backend/src/platform/db/index.ts';
import { seedDemoUsers } from '../backend/src/demo/index.ts';
import { createTestPostgresDatabase } from '../backend/src/testing/databases.ts';
import { startServerProcess } from '../backend/src/testing/server-process.ts';
import { type Row, argNumber, emitRows, quantile } from './results.ts';

const CLIENTS = argNumber('clients', 5000);
const AGENTS = argNumber('agents', 200);
const APPEALS = argNumber('appeals', 40);
const PASSWORD = 'bench-password-1';
const CONNECT_BATCH = 250;

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return cookieOf(res);
}

async function submitAppeal(url: string, text: string, cookie?: string) {
  const res = await fetch(`${url}/api/public/appeals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ text }),
  });
  if (res.status !== 201) throw new Error(`appeal: ${res.status} ${await res.text()}`);
  return { cookie: cookieOf(res) };
}

function connect(url: string, cookie: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, timeout: 30_000 });
  return new Promise((resolve, reject) => socket.once('connect', () => resolve(socket)).once('connect_error', reject));
}

async function connectMany(url: string, cookies: string[], count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let start = 0; start < count; start += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, count - start) }, (_, i) => connect(url, cookies[(start + i) % cookies.length]!));
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

async function main() {
  const database = await createTestPostgresDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hotline-bench-'));
  const server = await startServerProcess({ DATABASE_URL: database.url, DATA_DIR: dataDir });
  const sockets: Socket[] = [];
  try {
    const db = await openDatabase({ databaseUrl: database.url, dataDir });
    await seedDemoUsers(db.db, PASSWORD);
    await db.close();
    const staff = await Promise.all(['agent1', 'agent2', 'agent3', 'supervisor'].map((u) => login(server.url, u)));
    const { cookie: citizen } = await submitAppeal(server.url, '基准测试：市民网页会话');

    const started = performance.now();
    const agents = await connectMany(server.url, staff, AGENTS);
    sockets.push(...agents, ...(await connectMany(server.url, [citizen], CLIENTS - AGENTS)));
    const connectSeconds = (performance.now() - started) / 1000;
    const held = sockets.filter((s) => s.connected).length;
    console.log(`${held} clients connected in ${connectSeconds.toFixed(1)} s`);

    // Each appeal's text carries a marker; every agent console notes when it saw it.
    const latencies: number[] = [];
    let missed = 0;
    for (let i = 0; i < APPEALS; i++) {
      const marker = randomBytes(4).toString('hex');
      const seen = agents.map(
        (socket) =>
          new Promise<number>((resolve) => {
            const timer = setTimeout(() => resolve(Number.NaN), 10_000);
            const onAppeal = (appeal: { summary: string }) => {
              if (!appeal.summary.includes(marker)) return;
              clearTimeout(timer);
              socket.off('appeal:new', onAppeal);
              resolve(performance.now());
            };
            socket.on('appeal:new', onAppeal);
          }),
      );
      const sent = performance.now();
      await submitAppeal(server.url, `基准测试 ${marker}：小区路灯不亮`);
      for (const at of await Promise.all(seen)) {
        if (Number.isNaN(at)) missed++;
        else latencies.push(at - sent);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const stillHeld = sockets.filter((s) => s.connected).length;
    const p50 = quantile(latencies, 0.5);
    const p99 = quantile(latencies, 0.99);
    console.log(`push to ${AGENTS} agents: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ${missed} missed; ${stillHeld} still connected`);
    const rows: Row[] = [
      { metric: 'socket.io clients held (websocket)', value: stillHeld, unit: 'clients', target: '5,000 online', met: stillHeld >= 5000 },
      { metric: `time to connect all ${CLIENTS.toLocaleString('en-US')} clients`, value: Number(connectSeconds.toFixed(1)), unit: 's' },
      { metric: `new appeal → ${AGENTS} agent consoles, push latency p50`, value: Number(p50.toFixed(1)), unit: 'ms' },
      { metric: `new appeal → ${AGENTS} agent consoles, push latency p99`, value: Number(p99.toFixed(1)), unit: 'ms', target: '< 100 ms', met: p99 < 100 },
      { metric: 'pushes not received within 10 s', value: missed, unit: '' },
    ];
    emitRows(rows);
  } finally {
    for (const socket of sockets) socket.disconnect();
    await server.stop('SIGTERM');
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
