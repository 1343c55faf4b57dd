/**
 * Cold start: a burst of signed SMS webhooks the moment a fresh server process reports ready,
 * then the same burst again once NLP has caught up. Twilio gives up on a webhook after 15 s, so the
 * first burst's p99 is what a restart during a busy hour costs citizens.
 * `npm run bench -- cold-start [--burst 2000] [--kinds postgres,pglite]`
 */
import autocannon from 'autocannon';
import { startServerProcess } from '../backend/src/testing/server-process.ts';
import { fakeTwilioMessages } from '../backend/src/testing/twilio.ts';
import { startFakeProvider } from '../backend/src/testing/fake-provider.ts';
import { type Row, argList, argNumber, emitRows } from './results.ts';
import { SMS_PATH, backlogOf, connectionsFor, databaseFor, smsRequests } from './sms-webhooks.ts';

const BURST = argNumber('burst', 2000);
const KINDS = argList('kinds', ['postgres', 'pglite']);

const TEXTS = ['湖滨路18号门口的下水道井盖丢了，晚上很危险', '幸福小区楼下烧烤油烟太大', '西山路和学院路路口的红绿灯坏了', '菜市场旁边的垃圾好几天没人清运'];

const smsRequest = smsRequests('+86139', TEXTS);

async function burst(url: string, connections: number, first: number) {
  let next = first;
  const result = await autocannon({
    url: `${url}${SMS_PATH}`,
    connections,
    amount: BURST,
    timeout: 30,
    method: 'POST',
    requests: [{ setupRequest: (request) => ({ ...request, ...smsRequest(next++) }) }],
  });
  return { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, failed: result.non2xx + result.errors + result.timeouts };
}

async function main() {
  const rows: Row[] = [];
  const provider = await startFakeProvider([fakeTwilioMessages]);
  for (const kind of KINDS) {
    const { env, cleanup } = await databaseFor(kind, provider);
    const startedAt = performance.now();
    const server = await startServerProcess(env);
    const readySeconds = (performance.now() - startedAt) / 1000;
    try {
      const cold = await burst(server.url, connectionsFor(kind), 0);
      while ((await backlogOf(server.url)) > 0) await new Promise((resolve) => setTimeout(resolve, 200));
      const warm = await burst(server.url, connectionsFor(kind), BURST);
      const db = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
      rows.push(
        { metric: `${db}: process start to ready`, value: Number(readySeconds.toFixed(1)), unit: 's' },
        {
          metric: `${db}: first ${BURST}-SMS burst after start, ack p99`,
          value: cold.p99,
          unit: 'ms',
          target: '< 15,000 ms (Twilio’s timeout)',
          met: cold.p99 < 15_000,
        },
        { metric: `${db}: first burst, slowest ack`, value: cold.max, unit: 'ms' },
        { metric: `${db}: second burst, ack p99`, value: warm.p99, unit: 'ms' },
        { metric: `${db}: failed requests in the two bursts`, value: cold.failed + warm.failed, unit: '' },
      );
      console.log(
        `${db}: ready in ${readySeconds.toFixed(1)} s · first burst p50 ${cold.p50} p99 ${cold.p99} max ${cold.max} ms · second p99 ${warm.p99} max ${warm.max} ms`,
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
