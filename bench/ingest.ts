/**
 * Ingest benchmark: signed Twilio SMS webhooks against a real server process (NLP and dedup on),
 * on PostgreSQL and on PGlite, loaded by autocannon from this separate process over loopback.
 *
 * For each database: the bare floor (a trivial route inserting one row) at saturation, the SMS
 * pipeline at saturation, then the pipeline at half its saturated rate for acknowledgement latency.
 * Merge notices and replies go through the real Twilio SDK to a fake provider on loopback that
 * accepts them, as Twilio would.
 * `npm run bench -- ingest [--seconds 10] [--connections N] [--kinds postgres,pglite]`
 */
import autocannon from 'autocannon';
import { startServerProcess } from '../backend/src/testing/server-process.ts';
import { fakeTwilioMessages } from '../backend/src/testing/twilio.ts';
import { startFakeProvider } from '../backend/src/testing/fake-provider.ts';
import { fileURLToPath } from 'node:url';
import { type Row, argList, argNumber, emitRows } from './results.ts';
import { SMS_PATH, backlogOf, connectionsFor, databaseFor, smsRequests } from './sms-webhooks.ts';

const FLOOR_SERVER = fileURLToPath(new URL('./floor-server.ts', import.meta.url));

const SECONDS = argNumber('seconds', 10);
const KINDS = argList('kinds', ['postgres', 'pglite']);

const TEXTS = [
  '青禾区湖滨路18号门口的下水道井盖丢了，晚上很危险',
  '东湖街道幸福小区楼下烧烤油烟太大，每天晚上都有',
  '西山路和学院路路口的红绿灯坏了，车辆很乱',
  '南桥镇菜市场旁边的垃圾好几天没人清运，臭味很大',
  '小区旁边工地夜里施工噪音太大，影响休息',
];

const smsRequest = smsRequests('+86138', TEXTS);

async function load(url: string, options: { path: string; sms: boolean; connections: number; rate?: number }) {
  let next = Math.floor(Math.random() * 1e9);
  const result = await autocannon({
    url: `${url}${options.path}`,
    connections: options.connections,
    duration: SECONDS,
    overallRate: options.rate,
    method: 'POST',
    requests: [{ setupRequest: (request) => (options.sms ? { ...request, ...smsRequest(next++) } : request) }],
  });
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/** Waits until NLP has triaged everything stored so far; returns how many were waiting and how long it took. */
async function drainTriage(url: string) {
  const waiting = await backlogOf(url);
  const started = performance.now();
  while ((await backlogOf(url)) > 0) await new Promise((resolve) => setTimeout(resolve, 200));
  return { waiting, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const rows: Row[] = [];
  const provider = await startFakeProvider([fakeTwilioMessages]);
  for (const kind of KINDS) {
    const { env, cleanup } = await databaseFor(kind, provider);
    const server = await startServerProcess(env, { entry: FLOOR_SERVER });
    try {
      const connections = connectionsFor(kind);
      const floor = await load(server.url, { path: '/bench/floor', sms: false, connections });
      const pipeline = await load(server.url, { path: SMS_PATH, sms: true, connections });
      // Acknowledging outruns NLP: the half-rate run starts once triage has caught up, so it measures its own load.
      const drained = await drainTriage(server.url);
      const half = Math.max(1, Math.round(pipeline.perSecond / 2));
      const steady = await load(server.url, { path: SMS_PATH, sms: true, connections, rate: half });
      const behind = await backlogOf(server.url);
      const db = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
      const onPostgres = kind === 'postgres';
      const ratio = pipeline.perSecond / floor.perSecond;
      rows.push(
        { metric: `${db}: bare floor, 1-row insert route at saturation`, value: Math.round(floor.perSecond), unit: 'req/s' },
        {
          metric: `${db}: signed SMS webhooks at saturation`,
          value: Math.round(pipeline.perSecond),
          unit: 'appeals/s',
          ...(onPostgres ? { target: '≥ 1,000/s', met: pipeline.perSecond >= 1000 } : {}),
        },
        { metric: `${db}: pipeline / floor`, value: Number(ratio.toFixed(2)), unit: '', ...(onPostgres ? { target: '≥ 0.5', met: ratio >= 0.5 } : {}) },
        { metric: `${db}: ack latency p50 at half of saturation`, value: steady.p50, unit: 'ms' },
        {
          metric: `${db}: ack latency p99 at half of saturation`,
          value: steady.p99,
          unit: 'ms',
          ...(onPostgres ? { target: '< 50 ms at 500/s', met: steady.p99 < 50 && half >= 500 } : {}),
        },
        { metric: `${db}: appeals awaiting NLP triage when the saturation run ended`, value: drained.waiting, unit: '' },
        { metric: `${db}: time for NLP to catch up after it`, value: Number(drained.seconds.toFixed(1)), unit: 's' },
        { metric: `${db}: appeals awaiting NLP triage when the half-rate run ended`, value: behind, unit: '' },
        { metric: `${db}: failed requests in the three loads`, value: floor.failed + pipeline.failed + steady.failed, unit: '' },
      );
      console.log(
        `${db}: floor ${floor.perSecond.toFixed(0)}/s · SMS ${pipeline.perSecond.toFixed(0)}/s (NLP ${drained.waiting} behind, ${drained.seconds.toFixed(1)} s to catch up) · at ${half}/s p50 ${steady.p50} ms p99 ${steady.p99} ms, NLP ${behind} behind`,
      );
    } finally {
      await server.stop('SIGTERM');
      await cleanup();
    }
  }
  await provider.close();
  emitRows(rows);
}

await main();
