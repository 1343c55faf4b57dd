import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type pg from 'pg';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { getTableName } from 'drizzle-orm';
import type { Config } from '../../platform/config/index.ts';
import { CITIZEN_COOKIE } from './citizen-session.ts';
import { ServiceError } from '../../platform/errors/index.ts';
import { rateLimits } from './schema.ts';

/** The key for requests without a socket (in-process `app.request` in tests): they all share one bucket. */
const UNKNOWN_CLIENT = 'unknown';

/**
 * The client's address: the socket's peer, or — only when `TRUST_PROXY=1`, i.e. the server sits
 * behind a reverse proxy that sets it — the first X-Forwarded-For hop. Trusting the header without
 * a proxy would let anyone pick a fresh address per request and walk past every per-IP limit; for
 * the same reason the proxy must replace the header, not append to what the client sent (nginx:
 * `proxy_set_header X-Forwarded-For $remote_addr;`).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const first = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (first) return first;
  }
  if (!c.env?.incoming && !c.env?.server) return UNKNOWN_CLIENT;
  return getConnInfo(c).remote.address ?? UNKNOWN_CLIENT;
}

/** One limit: at most `perMinute` requests per key in each one-minute window. */
interface Bucket {
  limiter: RateLimiterAbstract;
  name: string;
}

/**
 * On PostgreSQL the counters live in `rate_limits`, shared by every instance, so N instances behind
 * a balancer still give a client one budget; while the database is unreachable each instance counts
 * in memory (the routes answer 503 then anyway). PGlite is a single instance: memory.
 */
function bucketMaker(pool?: pg.Pool) {
  return (name: string, perMinute: number): Bucket => {
    const limits = { keyPrefix: name, points: perMinute, duration: 60 };
    const limiter = pool
      ? new RateLimiterPostgres({
          ...limits,
          storeClient: pool,
          storeType: 'pool',
          tableName: getTableName(rateLimits),
          tableCreated: true,
          insuranceLimiter: new RateLimiterMemory(limits),
        })
      : new RateLimiterMemory(limits);
    return { name, limiter };
  };
}

/** Long keys (api keys, usernames someone made up) are stored as short hashes so the memory per key stays small. */
const shortHash = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

/** The keys one request is counted under, per bucket; a request is refused if any bucket is exhausted. */
type KeysOf = (c: Context) => Promise<[Bucket, string][]> | [Bucket, string][];

/**
 * Takes one point from each of the request's buckets; when one is empty the request is refused with
 * 429 and `Retry-After` (whole seconds until that bucket has a point again), before the route parses
 * anything into the domain or writes.
 */
async function takePoints(c: Context, entries: [Bucket, string][]): Promise<void> {
  for (const [{ limiter, name }, key] of entries) {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      c.header('retry-after', String(seconds));
      throw new ServiceError('rate_limited', `Too many requests (${name}); retry in ${seconds} s`, { retryAfterSeconds: seconds });
    }
  }
}

function limitBy(keysOf: KeysOf): MiddlewareHandler {
  return async (c, next) => {
    await takePoints(c, await keysOf(c));
    await next();
  };
}

/** The username a login attempt names, read from the (already size-limited) JSON body; hono caches it for the validator. */
async function loginUsername(c: Context): Promise<string | undefined> {
  const body = await c.req.json<unknown>().catch(() => undefined);
  const username = body && typeof body === 'object' ? (body as Record<string, unknown>).username : undefined;
  return typeof username === 'string' ? username.trim().toLowerCase() : undefined;
}

/** Open311's api_key travels among the form fields (or JSON, or the query); hono caches the parsed body for the validator. */
async function open311ApiKey(c: Context): Promise<string> {
  const json = /^application\/json/i.test(c.req.header('content-type') ?? '');
  const body: unknown = json ? await c.req.json<unknown>().catch(() => undefined) : await c.req.parseBody().catch(() => undefined);
  const fromBody = body && typeof body === 'object' ? (body as Record<string, unknown>).api_key : undefined;
  const key = typeof fromBody === 'string' ? fromBody : c.req.query('api_key');
  return key?.trim() || 'none';
}

/**
 * The rate limits of the public surface, counted across instances on PostgreSQL (see `bucketMaker`).
 * Provider webhooks (Twilio, WeChat) are deliberately absent: they are signed, and a refused one
 * would be a lost message.
 */
export function createRateLimits(config: Config['rateLimits'], pool?: pg.Pool) {
  const bucket = bucketMaker(pool);
  const publicIp = bucket('public writes per IP', config.publicPerMinute);
  const publicContact = bucket('public writes per contact', config.contactPerMinute);
  const lookupIp = bucket('case lookups per IP', config.lookupPerMinute);
  const loginIp = bucket('logins per IP', config.loginPerMinute);
  const loginUser = bucket('logins per username', config.loginPerUsernamePerMinute);
  const open311Client = bucket('Open311 requests per api key and IP', config.open311PerMinute);
  const ip = (c: Context) => clientAddress(c, config.trustProxy);

  return {
    /** Citizen submissions and chat lines: per IP, and per citizen (their session cookie) when they have one. */
    publicWrites: limitBy((c) => {
      const citizen = getCookie(c, CITIZEN_COOKIE);
      return citizen
        ? [
            [publicIp, ip(c)],
            [publicContact, shortHash(citizen)],
          ]
        : [[publicIp, ip(c)]];
    }),
    /** Case lookups by number: per IP, against enumerating case numbers. */
    caseLookups: limitBy((c) => [[lookupIp, ip(c)]]),
    /** Staff login: per IP and per username, against password guessing; a success clears the username's count, so a user who mistyped a few times is not locked out afterwards. */
    logins: (async (c, next) => {
      const username = await loginUsername(c);
      await takePoints(
        c,
        username
          ? [
              [loginIp, ip(c)],
              [loginUser, shortHash(username)],
            ]
          : [[loginIp, ip(c)]],
      );
      await next();
      if (username && c.res.status === 200) await loginUser.limiter.delete(shortHash(username));
    }) satisfies MiddlewareHandler,
    /** Open311 filings: per api key from one address. */
    open311Filings: limitBy(async (c) => [[open311Client, `${shortHash(await open311ApiKey(c))}@${ip(c)}`]]),
  };
}
