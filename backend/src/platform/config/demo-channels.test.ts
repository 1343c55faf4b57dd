import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoChannelsFile, withDemoChannels } from './demo-channels.ts';
import { loadConfig } from './env.ts';

describe('demo channel credentials', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hotline-demo-channels-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('are generated once per data folder, valid, private, and reused', () => {
    const first = loadConfig(withDemoChannels({ DATA_DIR: dataDir }));
    expect(first.twilio).toMatchObject({ accountSid: expect.stringMatching(/^AC[0-9a-f]{32}$/), phoneNumber: '+8657112345' });
    expect(first.wechat?.aesKey).toHaveLength(43);
    expect(statSync(demoChannelsFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(loadConfig(withDemoChannels({ DATA_DIR: dataDir }))).toEqual(first);
  });

  it('never replace configured credentials, and stay out of PostgreSQL deployments', () => {
    const configured = withDemoChannels({ DATA_DIR: dataDir, TWILIO_AUTH_TOKEN: 'real-token' });
    expect(configured.TWILIO_AUTH_TOKEN).toBe('real-token');
    expect(configured.TWILIO_ACCOUNT_SID).toBeUndefined();
    expect(configured.WECHAT_TOKEN).toEqual(expect.any(String));
    expect(withDemoChannels({ DATABASE_URL: 'postgres://x/y' })).toEqual({ DATABASE_URL: 'postgres://x/y' });
    // Settings are not credentials: the demo's are still filled in beside them.
    expect(withDemoChannels({ DATA_DIR: dataDir, WECHAT_MAX_CLOCK_SKEW_SECONDS: '60', WECHAT_COMPATIBLE_MODE: '1' }).WECHAT_AES_KEY).toHaveLength(43);
  });
});
