import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestHotline, intakeRowCounts, startTestHotline } from './testing/hotline.ts';
import { testDatabaseKinds } from './testing/databases.ts';
import { createApp } from './web/app.ts';

const kinds = await testDatabaseKinds();

/**
 * A load balancer sends traffic to an instance once `/readyz` says ready: after the process has
 * opened its connections and run its NLP and request path warm (`warmUp`), and never while it
 * shuts down. `/healthz` stays the liveness check.
 */
describe.each(kinds)('readiness on %s', (kind) => {
  let hotline: TestHotline;
  beforeAll(async () => {
    hotline = await startTestHotline(kind);
  });
  afterAll(() => hotline?.close());

  it('is ready once started, and warming up stored nothing', async () => {
    const res = await hotline.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
    const counts = await intakeRowCounts(hotline);
    expect({ contacts: counts.contacts, messages: counts.messages, appeals: counts.appeals }).toEqual({ contacts: 0, messages: 0, appeals: 0 });
  });

  it('answers 503 while the process is still starting', async () => {
    const starting = createApp({ deps: hotline.deps, dbKind: kind, ping: hotline.database.ping, serveConsole: false, readiness: () => 'starting' });
    const res = await starting.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'starting' });
  });

  it('answers 503 as soon as the server begins to shut down', async () => {
    const other = await startTestHotline(kind);
    await other.close();
    const res = await other.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'stopping' });
  });
});
