import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createTwilioSmsSender } from '@hotline/channels/twilio';
import { createWechatSender } from '@hotline/channels/wechat';
import type { Config } from './platform/config/index.ts';
import { type Database, openDatabase } from './platform/db/index.ts';
import { DomainEventBus } from './platform/domain-events/index.ts';
import type { ChannelRegistry } from './platform/context/index.ts';
import { type Job, startJobs } from './platform/jobs/index.ts';
import { Territory } from './reference/territory/index.ts';
import { outboxJob } from './platform/outbox/index.ts';
import { citizenMessages } from './messaging/index.ts';
import { OnlinePresence } from './routing/index.ts';
import { AutoRouter } from './routing/index.ts';
import { routingListeners } from './routing/index.ts';
import { AppealTriage } from './triage/index.ts';
import { triageListeners } from './triage/index.ts';
import { eventWarningsJob } from './linkage/index.ts';
import { notifyCitizensJob } from './followup/index.ts';
import { queueWebhooksJob } from './interop/linkage-webhooks/index.ts';
import { linkageWebhooks } from './interop/linkage-webhooks/index.ts';
import { type DemoAccounts, seedDemoUsers, seedReferenceData } from './demo/index.ts';
import { seedKnowledgeBase } from './demo/index.ts';
import type { AppDeps } from './web/http/index.ts';
import { type AppOptions, type Readiness, createApp } from './web/app.ts';
import { warmUp } from './warm-up.ts';
import { type Realtime, startRealtime, webChatSender } from './web/realtime/index.ts';
import type { RealtimeServer } from './web/realtime/index.ts';
import { realtimeListeners } from './web/realtime/index.ts';
import { shareTerritory, shareTriage } from './web/realtime/index.ts';
import { startWallLive } from './web/realtime/index.ts';

/** Every scheduled job of the server, in one list so a newcomer sees all background work at once. */
const JOBS: Job<AppDeps>[] = [notifyCitizensJob, eventWarningsJob, queueWebhooksJob, outboxJob([citizenMessages, linkageWebhooks])];

export interface RunningServer {
  url: string;
  app: ReturnType<typeof createApp>;
  port: number;
  deps: AppDeps;
  database: Database;
  io: RealtimeServer;
  demoAccounts?: DemoAccounts;
  close(): Promise<void>;
}

/** One sender per channel that is configured; a reply on an unconfigured channel is recorded as failed. */
function channelSenders(config: Config, io: RealtimeServer): ChannelRegistry {
  const { twilio } = config;
  const sms =
    twilio?.phoneNumber && createTwilioSmsSender({ ...twilio, from: twilio.phoneNumber, statusCallback: `${config.publicUrl}/channels/twilio/sms/status` });
  return {
    web: webChatSender(io),
    // A caller is answered by SMS to the number they called from.
    ...(sms ? { sms, voice: sms } : {}),
    ...(config.wechat?.appId && config.wechat.appSecret
      ? { wechat: createWechatSender({ appId: config.wechat.appId, appSecret: config.wechat.appSecret, apiBase: config.wechat.apiBase }) }
      : {}),
  };
}

export interface StartOptions {
  config: Config;
  /** Reuse an open database (tests); otherwise one is opened from the config. */
  database?: Database;
  serveConsole?: boolean;
  /** Routes only a harness adds (the ingest bench's floor route); production passes none. */
  extraRoutes?: AppOptions['extraRoutes'];
}

/** Migrates, then seeds an empty database; on the embedded one the demo accounts are created too. */
async function prepareDatabase(database: Database, config: Config): Promise<DemoAccounts | undefined> {
  await database.migrate();
  return database.exclusively(async () => {
    await seedReferenceData(database.db);
    await seedKnowledgeBase(database.db);
    return database.kind === 'pglite' ? await seedDemoUsers(database.db, config.demoPassword) : undefined;
  });
}

/**
 * The composition root: builds the whole dependency graph in one pass, bottom layer first, then
 * wires every domain's listeners and jobs in one place, and serves API, socket.io and pages on one port.
 */
export async function startServer({ config, database: given, serveConsole = true, extraRoutes }: StartOptions): Promise<RunningServer> {
  const database = given ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const demoAccounts = await prepareDatabase(database, config);
  const { db } = database;
  const domainEvents = new DomainEventBus();
  const territory = await Territory.load(db);
  const presence = new OnlinePresence();
  const realtime: Realtime = await startRealtime({ db, config, domainEvents, territory, presence }, { pool: database.pool });
  const core = { db, config, domainEvents, territory, presence, channels: channelSenders(config, realtime.io) };
  // Before the first request, so every appeal arriving from now on is triaged.
  const triage = await AppealTriage.start(core, config.duplicates);
  const routing = config.routing.mode === 'auto' ? new AutoRouter(core) : undefined;
  const deps: AppDeps = { ...core, triage, routing };

  const fanOut = realtimeListeners(realtime.io, deps);
  const unsubscribe = [
    ...triageListeners(triage, domainEvents),
    ...(routing ? routingListeners(routing, deps) : []),
    ...fanOut.unsubscribe,
    ...(database.pool ? [shareTriage(realtime.io, deps), shareTerritory(realtime.io, deps)] : []),
  ];
  routing?.start();

  let readiness: Readiness = 'starting';
  const app = createApp({ deps, dbKind: database.kind, ping: database.ping, serveConsole, pool: database.pool, extraRoutes, readiness: () => readiness });
  const httpServer = await new Promise<HttpServer>((resolve) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(server as HttpServer)) as HttpServer;
  });
  realtime.attach(httpServer);
  const wallLive = startWallLive(deps, realtime.io);
  const jobs = startJobs(deps, JOBS);
  await warmUp({ database, triage, request: (path, init) => app.request(path, init) });
  await triage.resumeBacklog();
  readiness = 'ready';
  const { port } = httpServer.address() as AddressInfo;

  return {
    url: `http://localhost:${port}`,
    app,
    port,
    deps,
    database,
    io: realtime.io,
    demoAccounts,
    async close() {
      // The balancer stops sending new requests while the ones in flight finish.
      readiness = 'stopping';
      await wallLive.stop();
      await jobs.stop();
      await realtime.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      for (const off of unsubscribe) off();
      routing?.stop();
      await routing?.idle();
      triage.stop();
      await triage.idle();
      await fanOut.drain();
      if (!given) await database.close();
    },
  };
}
