import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { signTwilioRequest } from '@hotline/channels/twilio';
import { type Database, openDatabase } from '../platform/db/index.ts';
import { createTestPostgresDatabase, testDatabaseKinds } from '../testing/databases.ts';
import { type ServerProcess, freePort, startServerProcess } from '../testing/server-process.ts';
import { TWILIO, smsParams } from '../testing/twilio.ts';
import { appeals } from './schema.ts';
import { messages } from '../messaging/index.ts';

const kinds = await testDatabaseKinds();
const TEXTS = 300;
/** Kill the server once this many texts were acknowledged: mid-load, with more in flight. */
const KILL_AFTER = 60;
const CONCURRENCY = 16;

/** Twilio's side: a signed webhook per text; `acknowledged` when the hotline answered 200. */
function twilioSender(url: string) {
  return async (params: Record<string, string>): Promise<boolean> => {
    const signature = signTwilioRequest(TWILIO.authToken, `${TWILIO.publicUrl}/channels/twilio/sms`, params);
    try {
      const res = await fetch(`${url}/channels/twilio/sms`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
      });
      await res.text();
      return res.status === 200;
    } catch {
      return false; // connection refused or reset: the provider will retry
    }
  };
}

describe.each(kinds)('a crash in the middle of an SMS burst on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('keeps every acknowledged text exactly once, triages the rest after restart, and takes provider retries once', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hotline-crash-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      TWILIO_ACCOUNT_SID: TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: TWILIO.authToken,
      TWILIO_PHONE_NUMBER: TWILIO.phoneNumber,
      TWILIO_API_BASE: 'http://127.0.0.1:9', // replies are not the point here; nothing listens
      PUBLIC_URL: TWILIO.publicUrl,
    };
    if (kind === 'postgres') {
      const database = await createTestPostgresDatabase();
      cleanups.push(database.drop);
      env.DATABASE_URL = database.url;
    }
    const port = await freePort();
    let server: ServerProcess | undefined = await startServerProcess(env, { port });
    cleanups.push(() => server?.stop('SIGKILL') ?? Promise.resolve());

    const texts = Array.from({ length: TEXTS }, (_, i) => smsParams(`+86139${String(10_000_000 + i)}`, `第${i}号：小区门口路灯不亮，已经三天了，请尽快修复。`));
    const acknowledged = new Set<string>();
    const send = twilioSender(server.url);
    let next = 0;
    let killed: Promise<void> | undefined;
    const sender = async () => {
      while (next < texts.length) {
        const params = texts[next++]!;
        if (await send(params)) acknowledged.add(params.MessageSid);
        if (acknowledged.size >= KILL_AFTER) killed ??= server!.stop('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, sender));
    await killed;
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.size).toBeLessThan(TEXTS); // the kill did cut the burst short

    // Restart on the same data; Twilio retries every text (acknowledged or not, to prove retries are harmless).
    server = await startServerProcess(env, { port });
    const retry = twilioSender(server.url);
    for (const params of texts) expect(await retry(params)).toBe(true);
    await server.stop('SIGTERM');
    server = undefined;

    const database: Database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
    cleanups.push(database.close);
    const stored = await database.db
      .select({ sid: messages.providerMessageId, copies: sql<number>`count(*)::int` })
      .from(messages)
      .where(and(eq(messages.channel, 'sms'), eq(messages.direction, 'in')))
      .groupBy(messages.providerMessageId);
    expect(stored).toHaveLength(TEXTS);
    expect(stored.every((row) => row.copies === 1)).toBe(true);
    const sids = new Set(stored.map((row) => row.sid));
    expect([...acknowledged].every((sid) => sids.has(sid))).toBe(true);
    // One appeal per texter, and NLP caught up on the ones the crash left untriaged.
    expect(await database.db.$count(appeals, eq(appeals.channel, 'sms'))).toBe(TEXTS);
    expect(await database.db.$count(appeals, isNull(appeals.nlpProcessedAt))).toBe(0);
  }, 180_000);
});
