import type { DatabaseKind } from '../platform/db/index.ts';
import { loadConfig } from '../platform/config/index.ts';
import { type RunningServer, startServer } from '../server.ts';
import { seedDemoUsers } from '../demo/index.ts';
import { type TestDatabase, openTestDatabase } from './databases.ts';
import { contactIdentities, contacts } from '../identity/contacts/index.ts';
import { attachments, conversations, messages } from '../messaging/index.ts';
import { appeals } from '../appeals/index.ts';
import { auditLog } from '../platform/audit/index.ts';
import { GENEROUS_RATE_LIMITS } from './rate-limits.ts';

export const TEST_PASSWORD = 'test-password-1';

export interface TestHotline extends RunningServer {
  database: TestDatabase;
  /** An HTTP request to the in-process app (no network), like hono's own tests. */
  request(path: string, init?: RequestInit & { cookie?: string }): Promise<Response>;
  /** Logs in a demo user and returns the Cookie header value for later requests. */
  loginAs(username: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A whole hotline on a fresh database of the given kind, listening on a free port for
 * socket.io clients, with the demo territory and accounts (password `TEST_PASSWORD`).
 * `env` adds configuration, e.g. provider credentials and a fake provider's API base;
 * routing is manual unless `env` sets `ROUTING_MODE: 'auto'`.
 */
export async function startTestHotline(kind: DatabaseKind, options: { serveConsole?: boolean; env?: Record<string, string> } = {}): Promise<TestHotline> {
  const database = await openTestDatabase(kind);
  // Manual routing unless a test asks for auto: most specs pick appeals themselves, and an agent
  // socket opened by a test must not be handed appeals behind its back.
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: 'memory://',
    DEMO_PASSWORD: TEST_PASSWORD,
    ROUTING_MODE: 'manual',
    ...GENEROUS_RATE_LIMITS,
    ...options.env,
  });
  const server = await startServer({ config, database, serveConsole: options.serveConsole ?? false });
  // startServer only creates demo accounts on the embedded database; tests want them on both.
  if (kind === 'postgres') await seedDemoUsers(database.db, TEST_PASSWORD);

  const request = (path: string, init: RequestInit & { cookie?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('cookie', init.cookie);
    return Promise.resolve(server.app.request(path, { ...init, headers }));
  };

  return {
    ...server,
    database,
    request,
    async loginAs(username) {
      const res = await request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: TEST_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
      return sessionCookie(res);
    },
    async close() {
      await server.close();
      await database.destroy();
    },
  };
}

/** `name=value` pairs of a response's Set-Cookie headers, ready for a Cookie header. */
export function sessionCookie(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Row counts of every table intake writes, to assert that refused input wrote nothing. */
export async function intakeRowCounts(hotline: TestHotline) {
  // NLP triages each new appeal just after intake; let it finish so counts are stable.
  await hotline.deps.triage.idle();
  const { db } = hotline.database;
  const [contactsN, identitiesN, conversationsN, messagesN, attachmentsN, appealsN, auditN] = await Promise.all([
    db.$count(contacts),
    db.$count(contactIdentities),
    db.$count(conversations),
    db.$count(messages),
    db.$count(attachments),
    db.$count(appeals),
    db.$count(auditLog),
  ]);
  return {
    contacts: contactsN,
    identities: identitiesN,
    conversations: conversationsN,
    messages: messagesN,
    attachments: attachmentsN,
    appeals: appealsN,
    audit: auditN,
  };
}

/** Posts the citizen page's JSON form; returns the response and the visitor's cookie. */
export async function submitWebAppeal(hotline: TestHotline, body: Record<string, unknown>, cookie?: string) {
  const res = await hotline.request('/api/public/appeals', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    cookie,
  });
  return { res, cookie: cookie ?? sessionCookie(res), body: (await res.json()) as { caseNumber?: string; error?: { code: string; message: string } } };
}
