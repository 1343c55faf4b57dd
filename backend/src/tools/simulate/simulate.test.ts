import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, inArray, isNotNull, max } from 'drizzle-orm';
import { io } from 'socket.io-client';
import { type TestHotline, startTestHotline } from '../../testing/hotline.ts';
import { appeals } from '../../appeals/index.ts';
import { messages } from '../../messaging/index.ts';
import { calls } from '../../routing/index.ts';
import { buildPlan, channelNames, scenarioText } from './plan.ts';
import { type SimulateOptions, type SimulationReport, SimulatorSetupError, simulate } from './simulate.ts';

/** Credentials shaped like the embedded demo's generated ones. */
const PUBLIC_URL = 'https://hotline.example.gov.cn';
const twilio = { accountSid: `AC${'5e1a'.repeat(8)}`, authToken: 'b7c1e0f4a9d24e6f8c3a5b7d9e1f2a3c', phoneNumber: '+8657112345' };
const wechat = { token: 'a3f9c2e8b1d47a6e5c0b9d2f', appId: 'wx5e1a5e1a5e1a5e1a', aesKey: 'k3JqVb9XwR2mT7pL5sN8dF4hG6jK1zC0vB3nM9qW2eA' };
const env = {
  TWILIO_ACCOUNT_SID: twilio.accountSid,
  TWILIO_AUTH_TOKEN: twilio.authToken,
  TWILIO_PHONE_NUMBER: twilio.phoneNumber,
  WECHAT_TOKEN: wechat.token,
  WECHAT_APPID: wechat.appId,
  WECHAT_APPSECRET: 'c9e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0',
  WECHAT_AES_KEY: wechat.aesKey,
  // Nothing in intake calls a provider; should anything try, it goes nowhere.
  TWILIO_API_BASE: 'http://127.0.0.1:9',
  WECHAT_API_BASE: 'http://127.0.0.1:9',
  PUBLIC_URL,
};
const SEED = 20261122;

/** A port nothing listens on: taken from the OS, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the traffic simulator against a running hotline', () => {
  let hotline: TestHotline;
  let report: SimulationReport;
  const options = (): SimulateOptions => ({ url: hotline.url, publicUrl: PUBLIC_URL, rate: 20, durationSeconds: 1.5, seed: SEED, twilio, wechat });

  beforeAll(async () => {
    hotline = await startTestHotline('pglite', { env });
    report = await simulate(options());
  }, 120_000);
  afterAll(async () => {
    await hotline?.close();
  });

  it('gets every appeal acknowledged on every channel', () => {
    expect(report.errors, JSON.stringify(report.firstErrors, null, 2)).toBe(0);
    expect(report).toMatchObject({ planned: 30, started: 30, ok: 30, aborted: false });
    for (const channel of channelNames) expect(report.channels[channel].ok, channel).toBeGreaterThan(0);
    expect(report.channels.voice.requests).toBeGreaterThan(report.channels.voice.sent * 3);
    expect(report.overall.latencyMs.p50).toBeGreaterThan(0);
  });

  it('covered the protocol variants in this seed: safe mode and plaintext, calls, follow-ups, a progress call', () => {
    const plan = buildPlan({ count: report.planned, seed: SEED, mix: report.mix });
    const wechatModes = new Set(plan.flatMap((s) => (s.channel === 'wechat' ? [s.safeMode] : [])));
    expect(wechatModes).toEqual(new Set([true, false]));
    expect(plan.some((s) => s.channel === 'voice' && s.call.kind === 'report')).toBe(true);
    expect(plan.some((s) => s.channel === 'voice' && s.call.kind === 'lookup')).toBe(true);
    expect(plan.some((s) => (s.channel === 'sms' || s.channel === 'wechat') && s.followUp)).toBe(true);
  });

  it('files pending appeals from all four channels', async () => {
    const { db } = hotline.database;
    const rows = await db.select({ channel: appeals.channel, n: count() }).from(appeals).where(eq(appeals.status, 'pending')).groupBy(appeals.channel);
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(channelNames));
  });

  it('shows them to an agent in the queue', async () => {
    const agent = await hotline.loginAs('agent1');
    const page = await (await hotline.request('/api/appeals?status=pending&pageSize=100', { cookie: agent })).json();
    expect(new Set(page.items.map((a: { channel: string }) => a.channel))).toEqual(new Set(channelNames));
  });

  it('adds follow-ups (voicemail, a second text) to an appeal rather than filing new ones', async () => {
    const [row] = await hotline.database.db.select({ most: max(appeals.messageCount) }).from(appeals);
    expect(row!.most).toBeGreaterThan(1);
  });

  it('delivers every report of the duplicate cluster, each as its own appeal', async () => {
    const plan = buildPlan({ count: report.planned, seed: SEED, mix: report.mix });
    const texts = plan.filter((s) => s.cluster).map(scenarioText) as string[];
    expect(texts.length).toBeGreaterThanOrEqual(4);
    const stored = await hotline.database.db.select({ text: messages.text, appealId: messages.appealId }).from(messages).where(inArray(messages.text, texts));
    expect(new Set(stored.map((m) => m.text))).toEqual(new Set(texts));
    expect(new Set(stored.map((m) => m.appealId)).size).toBe(texts.length);
  });

  it('with an agent online, callers wait in the queue instead of leaving a voicemail', async () => {
    const cookie = await hotline.loginAs('agent2');
    const socket = io(hotline.url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('connect_error', reject));
      const queued = await simulate({ ...options(), durationSeconds: 1, seed: SEED + 1, mix: { sms: 0, voice: 1, wechat: 0, web: 0 } });
      expect(queued.errors, JSON.stringify(queued.firstErrors, null, 2)).toBe(0);
      const results = await hotline.database.db.select({ queueResult: calls.queueResult }).from(calls).where(isNotNull(calls.queueResult));
      expect(results.length).toBeGreaterThan(0);
      expect(results.every((r) => r.queueResult === 'bridged' || r.queueResult === 'hangup')).toBe(true);
    } finally {
      socket.disconnect();
    }
  });

  it('explains what is wrong when the signatures cannot match', async () => {
    await expect(simulate({ ...options(), publicUrl: 'http://localhost:3000' })).rejects.toThrow(
      /PUBLIC_URL must be --public-url \(now http:\/\/localhost:3000\)/,
    );
    await expect(simulate({ ...options(), wechat: { ...wechat, token: 'someOtherToken' } })).rejects.toThrow(/WECHAT_TOKEN/);
  });

  it('tells the user to start the hotline when nothing listens', async () => {
    const refused = simulate({ ...options(), url: `http://localhost:${await closedPort()}` });
    await expect(refused).rejects.toBeInstanceOf(SimulatorSetupError);
    await expect(refused).rejects.toThrow(/connection refused[\s\S]*npm start/);
  });
});
