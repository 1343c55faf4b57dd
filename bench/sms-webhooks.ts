/** What the ingest and cold-start benchmarks share: signed SMS webhooks and a fresh database per run. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { signTwilioRequest } from '@hotline/channels/twilio';
import { createTestPostgresDatabase } from '../backend/src/testing/databases.ts';
import { TWILIO, smsParams, twilioEnv } from '../backend/src/testing/twilio.ts';
import type { FakeProvider } from '../backend/src/testing/fake-provider.ts';
import { argNumber } from './results.ts';

export const SMS_PATH = '/channels/twilio/sms';

/**
 * Enough connections in flight to saturate the server: at a few hundred webhooks a second Twilio
 * keeps as many open. PGlite (one process, one connection) saturates with 32; 128 would only queue
 * requests past autocannon's 10 s timeout.
 */
export const connectionsFor = (kind: string) => argNumber('connections', kind === 'postgres' ? 128 : 32);

/**
 * The i-th signed webhook, as Twilio sends them: each from a different phone (numbers after
 * `phonePrefix`) and with its own MessageSid; the texts rotate, each made unique.
 */
export function smsRequests(phonePrefix: string, texts: readonly string[]) {
  return (i: number) => {
    const params = smsParams(`${phonePrefix}${String(i % 100_000_000).padStart(8, '0')}`, `${texts[i % texts.length]}（${randomBytes(3).toString('hex')}）`);
    return {
      method: 'POST' as const,
      path: SMS_PATH,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signTwilioRequest(TWILIO.authToken, `${TWILIO.publicUrl}${SMS_PATH}`, params),
      },
      body: new URLSearchParams(params).toString(),
    };
  };
}

/** How many stored appeals wait for NLP triage (/healthz). */
export const backlogOf = async (url: string) => ((await (await fetch(`${url}/healthz`)).json()) as { triageBacklog: number }).triageBacklog;

/** A fresh data folder, and on PostgreSQL a fresh database, for one server process; `cleanup` removes both. */
export async function databaseFor(kind: string, provider: FakeProvider) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hotline-bench-'));
  const env: Record<string, string> = { DATA_DIR: dataDir, ...twilioEnv(provider) };
  let drop = async () => {};
  if (kind === 'postgres') {
    const database = await createTestPostgresDatabase();
    env.DATABASE_URL = database.url;
    drop = database.drop;
  }
  return { env, cleanup: async () => (await drop(), await rm(dataDir, { recursive: true, force: true })) };
}
