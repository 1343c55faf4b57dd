import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestHotline, TEST_PASSWORD, intakeRowCounts, startTestHotline } from '../../testing/hotline.ts';
import { sessions } from '../../identity/auth/index.ts';

const PUBLIC_URL = 'https://hotline.example.gov.cn';

describe('cross-site request forgery', () => {
  let hotline: TestHotline;
  let agent: string;
  beforeAll(async () => {
    hotline = await startTestHotline('pglite', { env: { PUBLIC_URL } });
    agent = await hotline.loginAs('agent1');
  });
  afterAll(() => hotline?.close());

  const form = () => {
    const body = new FormData();
    body.set('text', '跨站伪造的诉求');
    return body;
  };
  const login = (headers: Record<string, string>) =>
    hotline.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: 'hotline.example.gov.cn', ...headers },
      body: JSON.stringify({ username: 'agent2', password: TEST_PASSWORD }),
    });

  it('refuses writes a browser marks as coming from another site, before anything is written', async () => {
    const before = await intakeRowCounts(hotline);
    const sessionsBefore = await hotline.database.db.$count(sessions);
    const forged: Record<string, string>[] = [{ origin: 'https://evil.example.com' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }];
    for (const headers of forged) {
      const res = await hotline.request('/api/public/appeals', { method: 'POST', headers, body: form() });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
      expect((await login(headers)).status).toBe(403);
      const reply = await hotline.request('/api/auth/logout', { method: 'POST', headers, cookie: agent });
      expect(reply.status).toBe(403);
    }
    expect(await intakeRowCounts(hotline)).toEqual(before);
    expect(await hotline.database.db.$count(sessions)).toBe(sessionsBefore);
    expect((await hotline.request('/api/auth/me', { cookie: agent })).status).toBe(200); // the forged logout did nothing
  });

  it('takes writes from the public URL, from the host the request was sent to, and from clients that are not browsers', async () => {
    expect((await login({ origin: PUBLIC_URL })).status).toBe(200);
    expect((await login({ origin: 'https://hotline.example.gov.cn', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await login({})).status).toBe(200);
    const res = await hotline.request('/api/public/appeals', { method: 'POST', headers: { origin: PUBLIC_URL }, body: form() });
    expect(res.status).toBe(201);
  });

  it('leaves reads alone, whatever their origin', async () => {
    expect((await hotline.request('/api/auth/me', { cookie: agent, headers: { origin: 'https://evil.example.com' } })).status).toBe(200);
  });
});
