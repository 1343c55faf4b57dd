import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Config } from './platform/config/env.ts';
import { type Database, openDatabase } from './platform/db/client.ts';
import { DomainEventBus } from './platform/domain-events/bus.ts';
import { Territory } from './reference/territory/territory.ts';
import type { Deps } from './platform/context.ts';
import type { ChannelRegistry } from './messaging/channel-registry.ts';
import { OnlinePresence } from './routing/online.ts';
import { AppealTriage } from './triage/triage.ts';
import { AutoRouter } from './routing/auto-assign.ts';
import { seedKnowledgeBase } from './demo/knowledge.ts';
import { createTwilioSmsSender } from '@hotline/channels/twilio';
import { createApp } from './web/app.ts';
import { type Realtime, type RealtimeServer, attachRealtime, webChatSenderFor } from './web/realtime/server.ts';
import { type DemoAccounts, seedDemoUsers, seedReferenceData } from './demo/seed.ts';
import { createWechatSender } from '@hotline/channels/wechat';
import { startWallLive } from './web/realtime/wall-live.ts';
import { JOBS } from './platform/jobs/job.ts';
import { startJobs } from './platform/jobs/run-jobs.ts';

export interface RunningServer {
  url: string;
  app: ReturnType<typeof createApp>;
  port: number;
  deps: Deps;
  database: Database;
  io: RealtimeServer;
  demoAccounts?: DemoAccounts;
  close(): Promise<void>;
}

/** One sender per channel that is configured; a reply on an unconfigured channel is recorded as failed. */
function channelSenders(config: Config, io: () => RealtimeServer | undefined): ChannelRegistry {
  const { twilio } = config;
  const sms =
    twilio?.phoneNumber &&
    createTwilioSmsSender({ ...twilio, from: twilio.phoneNumber, statusCallback: `${config.publicUrl}/channels/twilio/sms/status` });
  return {
    web: webChatSenderFor(io),
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
}

/**
 * Opens the database, migrates, seeds an empty one, and serves API, socket.io and pages
 * on one port. On the embedded database the demo accounts are created too.
 */
export async function startServer({ config, database: given, serveConsole = true }: StartOptions): Promise<RunningServer> {
  const database = given ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await database.migrate();
  const demoAccounts = await database.exclusively(async () => {
    await seedReferenceData(database.db);
    await seedKnowledgeBase(database.db);
    return database.kind === 'pglite' ? await seedDemoUsers(database.db, config.demoPassword) : undefined;
  });

  const territory = new Territory(database.db);
  await territory.reload();
  let io: RealtimeServer | undefined;
  const deps: Deps = {
    db: database.db,
    config,
    bus: new DomainEventBus(),
    territory,
    channels: channelSenders(config, () => io),
    presence: new OnlinePresence(),
  };

  // Before the first request, so every appeal arriving from now on is triaged.
  deps.triage = await AppealTriage.start(deps, config.duplicates);
  if (config.routing.mode === 'auto') deps.routing = new AutoRouter(deps).start();

  const app = createApp({ deps, dbKind: database.kind, ping: database.ping, serveConsole, pool: database.pool });
  const httpServer = await new Promise<HttpServer>((resolve) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(server as HttpServer)) as HttpServer;
  });
  const realtime: Realtime = await attachRealtime(httpServer, deps, { pool: database.pool });
  io = realtime.io;
  const wallLive = startWallLive(deps, io);
  const jobs = startJobs(deps, JOBS);
  await deps.triage.resumeBacklog();
  const { port } = httpServer.address() as AddressInfo;

  return {
    url: `http://localhost:${port}`,
    app,
    port,
    deps,
    database,
    io,
    demoAccounts,
    async close() {
      await wallLive.stop();
      await jobs.stop();
      await realtime.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      deps.routing?.stop();
      await deps.routing?.idle();
      deps.triage?.stop();
      await deps.triage?.idle();
      await realtime.drain();
      if (!given) await database.close();
    },
  };
}
