import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
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

/** One limit: at most `points` requests per key in each window (a minute unless told). */
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
  return (name: string, perMinute: number, windowSeconds = 60): Bucket => {
    const limits = { keyPrefix: name, points: perMinute, duration: windowSeconds };
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

/** Wrong passwords are remembered this long for the delay: a quarter of an hour without one starts afresh. */
const FAILURE_MEMORY_SECONDS = 15 * 60;
/** Two typos cost nothing; from the third wrong password on, each attempt waits twice as long, up to 16 steps. */
const FREE_FAILURES = 2;
const MAX_SLOWDOWN_STEPS = 16;

/** How long a login attempt waits, given the username's recent wrong passwords: 0, 0, then 1, 2, 4, 8, 16 steps. */
export function loginDelayMs(failures: number, stepMs: number): number {
  if (failures < FREE_FAILURES) return 0;
  return stepMs * Math.min(2 ** (failures - FREE_FAILURES), MAX_SLOWDOWN_STEPS);
}

/**
 * Staff login, against password guessing without locking the owner out: the hard limits are per
 * address and per (username, address), so a guesser elsewhere cannot lock the account for its
 * owner, plus a higher per-username ceiling against guessing spread over many addresses. Every
 * wrong password also slows that username's next attempts (`loginDelayMs`, reported in
 * `Server-Timing: login-delay`), wherever they come from. A success clears the username's counts.
 */
function loginGuard(
  buckets: { perIp: Bucket; perUserAtIp: Bucket; perUser: Bucket; failures: Bucket },
  p: { ip: (c: Context) => string; slowdownMs: number },
): MiddlewareHandler {
  return async (c, next) => {
    const username = await loginUsername(c);
    const address = p.ip(c);
    if (!username) return takePoints(c, [[buckets.perIp, address]]).then(next);
    const user = shortHash(username);
    await takePoints(c, [
      [buckets.perIp, address],
      [buckets.perUserAtIp, `${user}@${address}`],
      [buckets.perUser, user],
    ]);
    const delay = loginDelayMs((await buckets.failures.limiter.get(user))?.consumedPoints ?? 0, p.slowdownMs);
    if (delay > 0) await sleep(delay);
    await next();
    c.header('server-timing', `login-delay;dur=${delay}`, { append: true });
    if (c.res.status === 401) await buckets.failures.limiter.penalty(user, 1);
    if (c.res.status === 200) {
      await Promise.all([buckets.failures, buckets.perUser].map((b) => b.limiter.delete(user)));
      await buckets.perUserAtIp.limiter.delete(`${user}@${address}`);
    }
  };
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
    /** Staff login: see `loginGuard`. */
    logins: loginGuard(
      {
        perIp: loginIp,
        perUserAtIp: bucket('logins per username and IP', config.loginPerUsernamePerMinute),
        perUser: bucket('logins per username', config.loginPerUsernameCeilingPerMinute),
        failures: bucket('failed logins per username', Number.MAX_SAFE_INTEGER, FAILURE_MEMORY_SECONDS),
      },
      { ip, slowdownMs: config.loginSlowdownMs },
    ),
    /** Open311 filings: per api key from one address. */
    open311Filings: limitBy(async (c) => [[open311Client, `${shortHash(await open311ApiKey(c))}@${ip(c)}`]]),
  };
}
