import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The embedded demo runs every channel: when no Twilio or WeChat credentials are configured,
 * random ones are generated once and kept in DATA_DIR, so `npm start` accepts signed webhooks
 * and `npm run simulate` can sign them. Real deployments set the variables instead.
 */
export type DemoChannelEnv = Record<
  'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN' | 'TWILIO_PHONE_NUMBER' | 'WECHAT_TOKEN' | 'WECHAT_APPID' | 'WECHAT_APPSECRET' | 'WECHAT_AES_KEY',
  string
>;

export const demoChannelsFile = (dataDir: string) => path.resolve(dataDir, 'demo-channels.json');

function generate(): DemoChannelEnv {
  return {
    TWILIO_ACCOUNT_SID: `AC${randomBytes(16).toString('hex')}`,
    TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'),
    TWILIO_PHONE_NUMBER: '+8657112345',
    WECHAT_TOKEN: randomBytes(12).toString('hex'),
    WECHAT_APPID: `wx${randomBytes(8).toString('hex')}`,
    WECHAT_APPSECRET: randomBytes(16).toString('hex'),
    WECHAT_AES_KEY: randomBytes(32).toString('base64').slice(0, 43).replace(/[+/]/g, 'A'),
  };
}

/** The demo credentials of this data folder, created on first use. */
export function demoChannelEnv(dataDir: string): DemoChannelEnv {
  const file = demoChannelsFile(dataDir);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DemoChannelEnv;
  } catch {
    const created = generate();
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
    return created;
  }
}

/** Provider variables that are settings, not credentials: setting them does not turn the demo credentials off. */
const SETTINGS = new Set(['TWILIO_API_BASE', 'WECHAT_API_BASE', 'WECHAT_COMPATIBLE_MODE', 'WECHAT_MAX_CLOCK_SKEW_SECONDS']);

/**
 * The environment with demo channel credentials filled in, for the embedded demo only
 * (no DATABASE_URL) and only for a provider none of whose variables is set.
 */
export function withDemoChannels(env: Record<string, string | undefined>): Record<string, string | undefined> {
  if (env.DATABASE_URL) return env;
  const demo = demoChannelEnv(env.DATA_DIR || './data');
  const unset = (prefix: string) => !Object.keys(env).some((key) => key.startsWith(prefix) && !SETTINGS.has(key) && env[key]);
  return {
    ...env,
    ...(unset('TWILIO_')
      ? { TWILIO_ACCOUNT_SID: demo.TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN: demo.TWILIO_AUTH_TOKEN, TWILIO_PHONE_NUMBER: demo.TWILIO_PHONE_NUMBER }
      : {}),
    ...(unset('WECHAT_')
      ? { WECHAT_TOKEN: demo.WECHAT_TOKEN, WECHAT_APPID: demo.WECHAT_APPID, WECHAT_APPSECRET: demo.WECHAT_APPSECRET, WECHAT_AES_KEY: demo.WECHAT_AES_KEY }
      : {}),
  };
}
