import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Server, type Socket, connect, createServer } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { loadConfig } from '../config/index.ts';
import { type RunningServer, startServer } from '../../server.ts';
import { createTestPostgresDatabase, testDatabaseKinds, TEST_POSTGRES_URL } from '../../testing/databases.ts';
import { freePort } from '../../testing/server-process.ts';
import { TWILIO, smsParams } from '../../testing/twilio.ts';
import { signTwilioRequest } from '@hotline/channels/twilio';
import { type Database, openDatabase } from './client.ts';
import { appeals } from '../../appeals/index.ts';
import { messages } from '../../messaging/index.ts';

const kinds = await testDatabaseKinds();

/** A TCP hop between the hotline and PostgreSQL that the test can cut, like a server restart or a network failure. */
async function startDatabaseLink(target: { host: string; port: number }) {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let listener: Server | undefined;
  const open = () =>
    new Promise<void>((resolve) => {
      if (listener?.listening) return resolve();
      listener = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      }).listen(port, '127.0.0.1', resolve);
    });
  await open();
  return {
    port,
    /** Drops every connection and refuses new ones. */
    async cut() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => listener!.close(resolve));
    },
    restore: open,
  };
}

describe.skipIf(!kinds.includes('postgres'))('PostgreSQL going away while the hotline runs', () => {
  let server: RunningServer;
  let database: Database;
  let link: Awaited<ReturnType<typeof startDatabaseLink>>;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    const created = await createTestPostgresDatabase();
    dropDatabase = created.drop;
    const postgres = new URL(TEST_POSTGRES_URL);
    link = await startDatabaseLink({ host: postgres.hostname, port: Number(postgres.port || 5432) });
    const viaLink = new URL(created.url);
    viaLink.host = `127.0.0.1:${link.port}`;
    database = await openDatabase({ databaseUrl: viaLink.toString(), dataDir: 'unused' });
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: 'memory://',
      ROUTING_MODE: 'manual',
      TWILIO_ACCOUNT_SID: TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: TWILIO.authToken,
      TWILIO_PHONE_NUMBER: TWILIO.phoneNumber,
      TWILIO_API_BASE: 'http://127.0.0.1:9',
      PUBLIC_URL: TWILIO.publicUrl,
    });
    server = await startServer({ config, database, serveConsole: false });
  });
  afterAll(async () => {
    await link?.restore();
    await server?.close();
    await database?.close();
    await dropDatabase?.();
  });

  const health = async () => (await server.app.request('/healthz')).status;
  const text = (params: Record<string, string>) =>
    server.app.request('/channels/twilio/sms', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signTwilioRequest(TWILIO.authToken, `${TWILIO.publicUrl}/channels/twilio/sms`, params),
      },
      body: new URLSearchParams(params).toString(),
    });

  it('answers 503 with Retry-After while it is gone (so providers retry), reports it in health, and recovers without a restart', async () => {
    expect(await health()).toBe(200);
    expect((await text(smsParams('+8613800138000', '第一条：路灯不亮'))).status).toBe(200);
    const second = smsParams('+8613800138000', '第二条：数据库断开时发来的短信');

    await link.cut();
    expect(await health()).toBe(503);
    const refused = await text(second);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect((await refused.json()).error.code).toBe('unavailable');
    const lookup = await server.app.request('/api/public/appeals/20261122000001');
    expect(lookup.status).toBe(503);

    await link.restore();
    await expect.poll(health, { timeout: 15_000, interval: 200 }).toBe(200);
    // Twilio's retry of the refused text now lands, once, on the same appeal as the first.
    expect((await text(second)).status).toBe(200);
    expect((await text(second)).status).toBe(200);
    expect(await database.db.$count(appeals, eq(appeals.channel, 'sms'))).toBe(1);
    expect(await database.db.$count(messages, and(eq(messages.channel, 'sms'), eq(messages.direction, 'in')))).toBe(2);
  });
});
