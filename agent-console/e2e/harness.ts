import { mkdir } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { build } from 'vite';
import { type Browser, type BrowserContextOptions, type Page, chromium } from 'playwright-core';
import { signTwilioRequest } from '@hotline/channels/twilio';
import { TEST_PASSWORD, type TestHotline, startTestHotline } from '../../backend/src/testing/hotline.ts';
import { type FakeProvider, startFakeProvider } from '../../backend/src/testing/fake-provider.ts';
import { fakeTwilioMessages, smsParams, twilioEnv } from '../../backend/src/testing/twilio.ts';
import { caseInTwiml } from '../../backend/src/testing/closed-loop.ts';

const consoleRoot = fileURLToPath(new URL('..', import.meta.url));
export const screenshots = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
export const viewport = { width: 1366, height: 768 };

export interface BrowserHotlineOptions {
  /**
   * Twilio pointed at a fake provider that captures outbound SMS, with webhooks signed for the
   * server's own address (so the browser's cookies stay plain-http ones).
   */
  twilio?: boolean;
  /** More configuration, e.g. `ROUTING_MODE: 'auto'`. */
  env?: Record<string, string>;
}

/**
 * One hotline (built pages, a server on a fresh PGlite database) and one Chromium per test file,
 * started before its tests and closed after them. Each page opened is a separate person.
 */
export function useBrowserHotline(options: BrowserHotlineOptions = {}) {
  let hotline: TestHotline | undefined;
  let browser: Browser | undefined;
  let fake: FakeProvider | undefined;
  let publicUrl = '';

  beforeAll(async () => {
    await buildPages();
    let env = { ...options.env };
    if (options.twilio) {
      fake = await startFakeProvider([fakeTwilioMessages]);
      // Webhook signatures cover PUBLIC_URL + path: the server must know its address before it listens.
      const port = await freePort();
      publicUrl = `http://localhost:${port}`;
      env = { ...twilioEnv(fake), PORT: String(port), PUBLIC_URL: publicUrl, ...env };
    }
    hotline = await startTestHotline('pglite', { serveConsole: true, env });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    await mkdir(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await hotline?.close();
    await fake?.close();
  });

  const running = () => {
    if (!hotline || !browser) throw new Error('the hotline is not running (beforeAll failed?)');
    return { hotline, browser };
  };

  /**
   * A fresh browser profile (its own cookies and storage), as a separate person would have. The
   * hotline's users are mostly in China (a zh-CN browser on Beijing time); `browser` sets another
   * browser locale or zone, or a phone.
   */
  async function openPage(path: string, options: BrowserContextOptions = {}): Promise<Page> {
    const { hotline, browser } = running();
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${hotline.url}${path}`);
    return page;
  }

  async function logInAgent(username: string, options: BrowserContextOptions = {}): Promise<Page> {
    const agent = await openPage('/console/', options);
    await agent.getByLabel('用户名').fill(username);
    await agent.getByLabel('密码').fill(TEST_PASSWORD);
    await agent.getByRole('button', { name: '登录' }).click();
    await agent.getByTestId('current-user').waitFor();
    // Only once the socket is live does an appeal filed from now on have to arrive by push.
    await agent.locator('[data-testid="live-state"][data-state="live"]').waitFor();
    return agent;
  }

  /** An SMS from a citizen's phone, as Twilio delivers it: form-encoded and signed. */
  async function sendSms(from: string, body: string): Promise<Response> {
    const { hotline } = running();
    if (!fake) throw new Error('useBrowserHotline({ twilio: true }) sends SMS');
    const path = '/channels/twilio/sms';
    const params = smsParams(from, body);
    const signature = signTwilioRequest(twilioEnv(fake).TWILIO_AUTH_TOKEN, `${publicUrl}${path}`, params);
    return hotline.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
  }

  /** A citizen's SMS that files (or adds to) an appeal; returns the case number the hotline texted back. */
  async function textAppeal(from: string, body: string): Promise<string> {
    const res = await sendSms(from, body);
    expect(res.status).toBe(200);
    const caseNumber = caseInTwiml(await res.text());
    expect(caseNumber).toBeTruthy();
    return caseNumber!;
  }

  const twilio = () => {
    if (!fake) throw new Error('useBrowserHotline({ twilio: true }) has the fake Twilio');
    return fake;
  };

  return { hotline: () => running().hotline, openPage, logInAgent, sendSms, textAppeal, twilio };
}

/** A port free right now, for a server that must know its own address before it listens. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Always drive the current source: the server serves whatever is in agent-console/dist. Vite takes
 * React's build mode from NODE_ENV, which vitest sets to "test"; build what `npm start` would.
 */
async function buildPages() {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: consoleRoot, logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
