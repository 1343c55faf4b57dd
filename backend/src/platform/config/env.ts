import { z } from 'zod';
import { citizenLanguages } from '../texts/index.ts';
import { SERVICE_HOURS_PATTERN } from './service-hours.ts';

/**
 * The one place configuration is read. Every variable is documented in `.env.example`;
 * a bad value stops the server at start with a message naming the variable.
 */
export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')),
    PUBLIC_URL: z.url().optional(),
    DEMO_PASSWORD: optional(z.string().min(8, 'must be at least 8 characters')),
    HOTLINE_TIMEZONE: z.string().default('Asia/Shanghai'),
    HOTLINE_LANGUAGE: z.enum(citizenLanguages).default('zh-CN'),
    SERVICE_HOURS: z.string().regex(SERVICE_HOURS_PATTERN, 'must be HH:MM-HH:MM, e.g. 08:30-17:30').default('00:00-24:00'),
    DEDUP_ATTACH_THRESHOLD: z.coerce.number().min(0).max(1).default(0.8),
    DEDUP_SUGGEST_THRESHOLD: z.coerce.number().min(0).max(1).default(0.3),
    AGENT_CAPACITY_CHATS: z.coerce.number().int().min(1).max(50).default(4),
    AGENT_CAPACITY_CALLS: z.coerce.number().int().min(0).max(10).default(1),
    ROUTING_MODE: z.enum(['auto', 'manual']).default('auto'),
    SERVICE_LEVEL_TARGET_SECONDS: z.coerce.number().int().min(1).default(120),
    WARN_WAITING_COUNT: z.coerce.number().int().min(1).default(20),
    WARN_LONGEST_WAIT_SECONDS: z.coerce.number().int().min(1).default(300),
    SLA_FIRST_RESPONSE_SECONDS: z.coerce.number().int().min(1).default(1800),
    TWILIO_ACCOUNT_SID: optional(z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hex digits')),
    TWILIO_AUTH_TOKEN: optional(z.string().min(8)),
    TWILIO_PHONE_NUMBER: optional(z.string().regex(/^\+[1-9]\d{4,14}$/, 'must be an E.164 number such as +8657112345')),
    TWILIO_API_BASE: z.url().default('https://api.twilio.com'),
    WECHAT_TOKEN: optional(z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'must be 3–32 letters or digits')),
    WECHAT_APPID: optional(z.string().min(1)),
    WECHAT_APPSECRET: optional(z.string().min(1)),
    WECHAT_AES_KEY: optional(z.string().regex(/^[A-Za-z0-9+/]{43}$/, 'must be the 43-character EncodingAESKey')),
    WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
    WECHAT_COMPATIBLE_MODE: z.enum(['0', '1']).default('0'),
    WECHAT_MAX_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
    OPEN311_API_KEYS: optional(
      z.string().regex(/^\s*[A-Za-z0-9_-]{16,}\s*(,\s*[A-Za-z0-9_-]{16,}\s*)*$/, 'must be comma-separated keys of 16 or more letters, digits, - or _'),
    ),
    LINKAGE_WEBHOOK_URL: optional(z.url().regex(/^https?:\/\//, 'must be an http:// or https:// URL')),
    LINKAGE_WEBHOOK_SECRET: optional(z.string().min(16, 'must be at least 16 characters')),
    DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
    DELIVERY_BACKOFF_MS: z.coerce.number().int().min(1).default(30_000),
    DELIVERY_BACKOFF_MAX_MS: z.coerce
      .number()
      .int()
      .min(1)
      .default(6 * 3600_000),
    EVENT_WARNINGS_EVERY_MS: z.coerce.number().int().min(100).default(30_000),
    SOCKET_SESSION_CHECK_MS: z.coerce.number().int().min(100).default(30_000),
    TRUST_PROXY: z.enum(['0', '1']).default('0'),
    RATE_LIMIT_PUBLIC_PER_MINUTE: perMinute(60),
    RATE_LIMIT_CONTACT_PER_MINUTE: perMinute(10),
    RATE_LIMIT_LOOKUP_PER_MINUTE: perMinute(30),
    RATE_LIMIT_LOGIN_PER_MINUTE: perMinute(20),
    RATE_LIMIT_LOGIN_USERNAME_PER_MINUTE: perMinute(5),
    RATE_LIMIT_LOGIN_USERNAME_CEILING_PER_MINUTE: perMinute(60),
    LOGIN_SLOWDOWN_MS: z.coerce.number().int().min(0).max(10_000).default(500),
    RATE_LIMIT_OPEN311_PER_MINUTE: perMinute(120),
  })
  .refine((env) => env.DEDUP_SUGGEST_THRESHOLD <= env.DEDUP_ATTACH_THRESHOLD, {
    message: 'must not be above DEDUP_ATTACH_THRESHOLD',
    path: ['DEDUP_SUGGEST_THRESHOLD'],
  })
  .refine((env) => env.WECHAT_COMPATIBLE_MODE === '0' || env.WECHAT_AES_KEY, {
    message: 'compatible mode is safe mode that also accepts plaintext pushes: set WECHAT_AES_KEY too',
    path: ['WECHAT_COMPATIBLE_MODE'],
  })
  .refine((env) => !env.LINKAGE_WEBHOOK_URL === !env.LINKAGE_WEBHOOK_SECRET, {
    message: 'goes with LINKAGE_WEBHOOK_URL: set both or neither',
    path: ['LINKAGE_WEBHOOK_SECRET'],
  })
  .transform((env) => ({
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    publicUrl: stripSlash(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`),
    demoPassword: env.DEMO_PASSWORD,
    timezone: env.HOTLINE_TIMEZONE,
    /** What citizens are told in: every channel's replies and every notice (the catalogue in `platform/texts`). */
    language: env.HOTLINE_LANGUAGE,
    serviceHours: env.SERVICE_HOURS,
    duplicates: { attachThreshold: env.DEDUP_ATTACH_THRESHOLD, suggestThreshold: env.DEDUP_SUGGEST_THRESHOLD },
    routing: { mode: env.ROUTING_MODE, capacity: { chats: env.AGENT_CAPACITY_CHATS, calls: env.AGENT_CAPACITY_CALLS } },
    wall: {
      serviceLevelTargetSeconds: env.SERVICE_LEVEL_TARGET_SECONDS,
      warnWaitingCount: env.WARN_WAITING_COUNT,
      warnLongestWaitSeconds: env.WARN_LONGEST_WAIT_SECONDS,
      slaFirstResponseSeconds: env.SLA_FIRST_RESPONSE_SECONDS,
    },
    twilio:
      env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
        ? {
            accountSid: env.TWILIO_ACCOUNT_SID,
            authToken: env.TWILIO_AUTH_TOKEN,
            phoneNumber: env.TWILIO_PHONE_NUMBER,
            apiBase: stripSlash(env.TWILIO_API_BASE),
          }
        : undefined,
    wechat: env.WECHAT_TOKEN
      ? {
          token: env.WECHAT_TOKEN,
          appId: env.WECHAT_APPID,
          appSecret: env.WECHAT_APPSECRET,
          aesKey: env.WECHAT_AES_KEY,
          /**
           * With an EncodingAESKey only safe-mode pushes are accepted (a plaintext push's signature
           * does not cover its body); compatible mode (兼容模式) accepts plaintext ones too.
           */
          acceptPlaintext: !env.WECHAT_AES_KEY || env.WECHAT_COMPATIBLE_MODE === '1',
          /** How far a push's signed timestamp may be from our clock; its nonce is remembered that long. */
          maxClockSkewSeconds: env.WECHAT_MAX_CLOCK_SKEW_SECONDS,
          apiBase: stripSlash(env.WECHAT_API_BASE),
        }
      : undefined,
    open311: { apiKeys: env.OPEN311_API_KEYS?.split(',').map((key) => key.trim()) ?? [] },
    linkageWebhook: env.LINKAGE_WEBHOOK_URL && env.LINKAGE_WEBHOOK_SECRET ? { url: env.LINKAGE_WEBHOOK_URL, secret: env.LINKAGE_WEBHOOK_SECRET } : undefined,
    /** The outbox's one retry policy, for messages to citizens and notices to the linkage platform alike. */
    delivery: { maxAttempts: env.DELIVERY_MAX_ATTEMPTS, backoffBaseMs: env.DELIVERY_BACKOFF_MS, backoffMaxMs: env.DELIVERY_BACKOFF_MAX_MS },
    /** How often time-limit warnings are looked for: a warning is at most this late. */
    eventWarningsEveryMs: env.EVENT_WARNINGS_EVERY_MS,
    /** How often open staff sockets are checked against their sessions: one whose session expired is dropped at most this late. */
    socketSessionCheckMs: env.SOCKET_SESSION_CHECK_MS,
    rateLimits: {
      trustProxy: env.TRUST_PROXY === '1',
      publicPerMinute: env.RATE_LIMIT_PUBLIC_PER_MINUTE,
      contactPerMinute: env.RATE_LIMIT_CONTACT_PER_MINUTE,
      lookupPerMinute: env.RATE_LIMIT_LOOKUP_PER_MINUTE,
      loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MINUTE,
      /** Per username from one address: a guesser is stopped there, the account's owner elsewhere is not. */
      loginPerUsernamePerMinute: env.RATE_LIMIT_LOGIN_USERNAME_PER_MINUTE,
      /** Per username from every address together, against guessing spread over many. */
      loginPerUsernameCeilingPerMinute: env.RATE_LIMIT_LOGIN_USERNAME_CEILING_PER_MINUTE,
      /** The first step of the delay a username's repeated wrong passwords add to its every login attempt. */
      loginSlowdownMs: env.LOGIN_SLOWDOWN_MS,
      open311PerMinute: env.RATE_LIMIT_OPEN311_PER_MINUTE,
    },
  }));

/** A rate limit: requests per key per minute, per instance. */
function perMinute(fallback: number) {
  return z.coerce.number().int().min(1).default(fallback);
}

/** An unset variable and an empty one mean the same: not configured. */
function optional<T extends z.ZodType<string>>(schema: T) {
  return schema.optional().or(z.literal('').transform(() => undefined));
}

const stripSlash = (url: string) => url.replace(/\/$/, '');

export type Config = z.output<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  assertTimezone(parsed.data.timezone);
  return parsed.data;
}

function assertTimezone(timezone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new Error(`Invalid configuration:\n  HOTLINE_TIMEZONE: unknown time zone "${timezone}"`);
  }
}
