import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { TEST_PASSWORD, type TestHotline, intakeRowCounts, sessionCookie, startTestHotline } from '../../testing/hotline.ts';
import { startProviderHotline } from '../../testing/provider-hotline.ts';
import { postTwilio, smsParams } from '../../testing/twilio.ts';
import { newOpenId, signedQuery, textXml } from '../../testing/wechat.ts';
import { loadConfig } from '../../platform/config/index.ts';
import { loginDelayMs } from './rate-limit.ts';

const kinds = await testDatabaseKinds();
const OPEN311_KEY = 'rate-limit-test-key-0123456789';

/** Small limits, so each spec reaches them in a few requests; X-Forwarded-For stands for the client address. */
const SMALL_LIMITS = {
  TRUST_PROXY: '1',
  RATE_LIMIT_PUBLIC_PER_MINUTE: '5',
  RATE_LIMIT_CONTACT_PER_MINUTE: '3',
  RATE_LIMIT_LOOKUP_PER_MINUTE: '4',
  RATE_LIMIT_LOGIN_PER_MINUTE: '4',
  RATE_LIMIT_LOGIN_USERNAME_PER_MINUTE: '3',
  RATE_LIMIT_LOGIN_USERNAME_CEILING_PER_MINUTE: '6',
  LOGIN_SLOWDOWN_MS: '5',
  RATE_LIMIT_OPEN311_PER_MINUTE: '3',
  OPEN311_API_KEYS: OPEN311_KEY,
};

let ipSequence = 0;
/** A client address of its own per call, so specs do not share buckets. */
const newIp = () => `203.0.113.${++ipSequence}`;

describe('rate-limit configuration', () => {
  it('has production defaults and trusts X-Forwarded-For only when told', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      trustProxy: false,
      publicPerMinute: 60,
      contactPerMinute: 10,
      lookupPerMinute: 30,
      loginPerMinute: 20,
      loginPerUsernamePerMinute: 5,
      loginPerUsernameCeilingPerMinute: 60,
      loginSlowdownMs: 500,
      open311PerMinute: 120,
    });
    expect(loadConfig({ TRUST_PROXY: '1', RATE_LIMIT_LOGIN_PER_MINUTE: '7' }).rateLimits).toMatchObject({ trustProxy: true, loginPerMinute: 7 });
    expect(() => loadConfig({ RATE_LIMIT_PUBLIC_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_PUBLIC_PER_MINUTE/);
  });
});

describe.each(kinds)('rate limits on %s', (kind) => {
  let hotline: TestHotline;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ hotline, close } = await startProviderHotline(kind, { ...SMALL_LIMITS }));
  });
  afterAll(() => close?.());

  const submit = (ip: string, cookie?: string, text = '青禾路12号的路灯不亮了') =>
    hotline.request('/api/public/appeals', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `${ip}, 10.0.0.1` },
      body: JSON.stringify({ text }),
      cookie,
    });
  const chat = (ip: string, cookie: string) =>
    hotline.request('/api/public/chat/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ text: '你好，在吗' }),
      cookie,
    });
  const login = (ip: string, username: string, password: string) =>
    hotline.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ username, password }),
    });

  async function expectRateLimited(res: Response) {
    expect(res.status).toBe(429);
    const seconds = Number(res.headers.get('retry-after'));
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  }

  it('refuses a client address past its public-write limit with 429 and Retry-After, writing nothing', async () => {
    const ip = newIp();
    // A fresh visitor each time (no cookie), so only the per-address limit applies.
    for (let i = 0; i < 5; i++) expect((await submit(ip)).status).toBe(201);
    const before = await intakeRowCounts(hotline);
    await expectRateLimited(await submit(ip));
    expect(await intakeRowCounts(hotline)).toEqual(before);
    // Another address is unaffected.
    expect((await submit(newIp())).status).toBe(201);
  });

  it('limits one citizen (their session cookie) across addresses, submissions and chat alike', async () => {
    const first = await submit(newIp());
    expect(first.status).toBe(201);
    const citizen = sessionCookie(first);
    expect(citizen).toMatch(/^hotline_citizen=/);
    // The first write came without a cookie (it handed one out), so it counted for its address only.
    expect((await chat(newIp(), citizen)).status).toBe(201);
    expect((await submit(newIp(), citizen)).status).toBe(201);
    expect((await chat(newIp(), citizen)).status).toBe(201);
    const before = await intakeRowCounts(hotline);
    // Their 4th write with the cookie within the minute, each from a different address.
    await expectRateLimited(await chat(newIp(), citizen));
    await expectRateLimited(await submit(newIp(), citizen));
    expect(await intakeRowCounts(hotline)).toEqual(before);
  });

  it('limits case lookups per address, against enumeration', async () => {
    const ip = newIp();
    const lookup = (caseNumber: string) => hotline.request(`/api/public/appeals/${caseNumber}`, { headers: { 'x-forwarded-for': ip } });
    for (let i = 0; i < 4; i++) expect((await lookup(`2026112200${String(9000 + i)}`)).status).toBe(404);
    await expectRateLimited(await lookup('20261122009999'));
  });

  it('stops a guesser at their address without locking the account for its owner elsewhere', async () => {
    const guesser = newIp();
    for (let i = 0; i < 3; i++) expect((await login(guesser, 'agent2', `wrong-${i}`)).status).toBe(401);
    // The right password no longer helps from there until the minute is over: the guesser learns nothing.
    await expectRateLimited(await login(guesser, 'AGENT2', TEST_PASSWORD));
    // The owner, at their own desk, still logs in.
    expect((await login(newIp(), 'agent2', TEST_PASSWORD)).status).toBe(200);
  });

  it('stops guessing spread over many addresses at the per-username ceiling', async () => {
    for (let i = 0; i < 6; i++) expect((await login(newIp(), 'agent4', `wrong-${i}`)).status).toBe(401);
    await expectRateLimited(await login(newIp(), 'agent4', TEST_PASSWORD));
  });

  it('slows each attempt on a username after two wrong passwords, doubling, from any address; a success starts afresh', async () => {
    const delayOf = (res: Response) => Number(/login-delay;dur=(\d+)/.exec(res.headers.get('server-timing') ?? '')?.[1]);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await login(newIp(), 'agent3', `wrong-${i}`);
      expect(res.status).toBe(401);
      delays.push(delayOf(res));
    }
    expect(delays).toEqual([0, 0, 5, 10, 20]);
    const success = await login(newIp(), 'agent3', TEST_PASSWORD);
    expect(success.status).toBe(200);
    expect(delayOf(success)).toBe(40);
    expect(delayOf(await login(newIp(), 'agent3', 'wrong-again'))).toBe(0);
  });

  it('caps the delay at 16 steps', () => {
    expect([0, 1, 2, 3, 6, 7, 50].map((failures) => loginDelayMs(failures, 500))).toEqual([0, 0, 500, 1000, 8000, 8000, 8000]);
  });

  it('limits login attempts per address, whatever the username', async () => {
    const ip = newIp();
    for (const username of ['nobody-1', 'nobody-2', 'nobody-3', 'nobody-4']) expect((await login(ip, username, 'guess-guess')).status).toBe(401);
    await expectRateLimited(await login(ip, 'supervisor', TEST_PASSWORD));
  });

  it('limits Open311 filings per api key and address', async () => {
    const ip = newIp();
    const file = (key: string) =>
      hotline.request('/open311/v2/requests.json', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
        body: new URLSearchParams({
          api_key: key,
          service_code: 'city-appearance',
          lat: '30.235',
          long: '120.135',
          description: '人行道上堆满了建筑垃圾',
        }).toString(),
      });
    for (let i = 0; i < 3; i++) expect((await file(OPEN311_KEY)).status).toBe(201);
    const before = await intakeRowCounts(hotline);
    await expectRateLimited(await file(OPEN311_KEY));
    expect(await intakeRowCounts(hotline)).toEqual(before);
    // A different key from the same address has its own budget (refused here only for being unknown).
    expect((await file('some-other-client-key-000')).status).toBe(403);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY: a made-up header buys no fresh budget', async () => {
    const direct = await startTestHotline(kind, { env: { RATE_LIMIT_LOOKUP_PER_MINUTE: '2' } });
    try {
      const lookup = () => direct.request('/api/public/appeals/20261122000001', { headers: { 'x-forwarded-for': newIp() } });
      expect((await lookup()).status).toBe(404);
      expect((await lookup()).status).toBe(404);
      await expectRateLimited(await lookup());
      // A real socket's address is its own key, apart from the in-process requests' shared one.
      expect((await fetch(`${direct.url}/api/public/appeals/20261122000001`)).status).toBe(404);
    } finally {
      await direct.close();
    }
  });

  it('never limits provider webhooks: signed Twilio and WeChat messages are all taken', async () => {
    for (let i = 0; i < 8; i++) {
      expect((await postTwilio(hotline, '/channels/twilio/sms', smsParams('+8613911119001', `第${i}条：小区门口垃圾没人清`))).status).toBe(200);
    }
    const openId = newOpenId();
    for (let i = 0; i < 8; i++) {
      const res = await hotline.request(`/channels/wechat?${signedQuery()}`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: textXml(openId, `第${i}条：路灯坏了`),
      });
      expect(res.status).toBe(200);
    }
  });
});
