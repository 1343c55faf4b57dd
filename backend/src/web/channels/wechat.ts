import { createHash, randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { createRoute, z } from '@hono/zod-openapi';
import { WechatForbiddenError, buildTextReply, isSafeMode, openWechatPush, parseInbound, sealReply, verifySignature } from '@hotline/channels/wechat';
import type { Config } from '../../platform/config/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { claimNonce, isNonceClaimed } from '../../platform/nonces/index.ts';
import { type AppEnv, createRouter, errorResponses } from '../http/index.ts';
import { ServiceError, errorBodySchema } from '../../platform/errors/index.ts';
import { actorOf } from '../http/index.ts';
import { answerWechatPush } from './wechat-answers.ts';

type WechatConfig = NonNullable<Config['wechat']>;

const tags = ['channels'];
const xmlHeaders = { 'content-type': 'text/xml; charset=utf-8' };

const signedQuery = {
  signature: z.string().optional(),
  timestamp: z.string().optional(),
  nonce: z.string().optional(),
};

const unavailable = { 503: { description: 'WeChat is not configured', content: { 'application/json': { schema: errorBodySchema } } } };

const verifyUrlRoute = createRoute({
  method: 'get',
  path: '/channels/wechat',
  tags,
  summary: 'WeChat server URL check (服务器配置): echoes echostr when the signature is valid',
  middleware: [requireWechat()],
  request: { query: z.object({ ...signedQuery, echostr: z.string().optional() }) },
  responses: {
    200: { description: 'The echostr, as WeChat expects', content: { 'text/plain': { schema: z.string() } } },
    ...errorResponses(403),
    ...unavailable,
  },
});

const pushRoute = createRoute({
  method: 'post',
  path: '/channels/wechat',
  tags,
  summary:
    'A message or event pushed by WeChat (safe mode with encrypt_type=aes; plaintext only without WECHAT_AES_KEY or in compatible mode), signed within WECHAT_MAX_CLOCK_SKEW_SECONDS and never before with its timestamp and nonce; answered with a passive reply',
  // Bodies over 1 MB are refused for every /channels/* webhook in app.ts.
  middleware: [requireWechat()],
  request: {
    query: z.object({ ...signedQuery, openid: z.string().optional(), encrypt_type: z.string().optional(), msg_signature: z.string().optional() }),
    body: { required: true, content: { 'text/xml': { schema: z.string() } } },
  },
  responses: {
    200: {
      description: 'A passive text reply (encrypted in safe mode), or "success" when there is nothing to say',
      content: { 'text/xml': { schema: z.string() }, 'text/plain': { schema: z.string() } },
    },
    ...errorResponses(400, 403, 413, 415),
    ...unavailable,
  },
});

/** Without WECHAT_TOKEN nothing can be verified, so nothing is accepted. */
function requireWechat(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.var.deps.config.wechat) throw new ServiceError('unavailable', 'WeChat is not configured');
    await next();
  };
}

/** WeChat sends text/xml; a body declared as anything else is not one of its pushes. */
function assertXmlBody(contentType: string | undefined): void {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type && type !== 'text/xml' && type !== 'application/xml') {
    throw new ServiceError('unsupported_media_type', 'A WeChat push is text/xml');
  }
}

/** Safe mode needs the key and AppID; without them we cannot read the push at all. */
function safeModeKeys(wechat: WechatConfig): { aesKey: string; appId: string } {
  if (!wechat.aesKey || !wechat.appId) {
    throw new ServiceError('unavailable', 'WeChat safe mode needs WECHAT_AES_KEY and WECHAT_APPID');
  }
  return { aesKey: wechat.aesKey, appId: wechat.appId };
}

const forbidden = (error: WechatForbiddenError) => new ServiceError('forbidden', error.message, { reason: error.reason });

/**
 * Verifies (and in safe mode decrypts) the push: a plaintext push to a safe-mode account, a wrong
 * signature, a timestamp too far from our clock or a foreign AppID is a 403 naming the reason.
 */
function openPush(wechat: WechatConfig, query: z.infer<typeof pushRoute.request.query>, body: string): string {
  try {
    return openWechatPush({
      token: wechat.token,
      query,
      body,
      safeMode: isSafeMode(query) ? safeModeKeys(wechat) : undefined,
      acceptPlaintext: wechat.acceptPlaintext,
      maxClockSkewSeconds: wechat.maxClockSkewSeconds,
    });
  } catch (error) {
    if (error instanceof WechatForbiddenError) throw forbidden(error);
    throw error;
  }
}

/** Instances' clocks differ a little too: a nonce is kept this much past its push's window. */
const CLOCK_GRACE_SECONDS = 60;

/**
 * Records the push's timestamp and nonce, shared by every instance, and refuses them if any
 * instance has seen them before with another body: a captured URL cannot carry a second body while
 * its signature is fresh, and after that the freshness check refuses it. The same bytes again are
 * WeChat's own retry (it re-sends a push not answered within 5 s) and go through: filing is
 * idempotent on MsgId. Called once the push is verified and read, so a refused or unreadable push
 * does not use up its nonce.
 */
async function claimPush(db: DbOrTx, wechat: WechatConfig, query: { timestamp?: string; nonce?: string }, body: string): Promise<void> {
  const timestamp = Number(query.timestamp);
  const expiresAt = new Date((timestamp + wechat.maxClockSkewSeconds + CLOCK_GRACE_SECONDS) * 1000);
  const key = `${timestamp}:${query.nonce}`;
  const copy = { source: 'wechat-body', nonce: `${key}:${createHash('sha256').update(body).digest('base64url')}` };
  if (await claimNonce(db, { source: 'wechat', nonce: key, expiresAt })) {
    await claimNonce(db, { ...copy, expiresAt });
    return;
  }
  if (await isNonceClaimed(db, copy)) return;
  throw forbidden(new WechatForbiddenError('replayed', 'this WeChat timestamp and nonce came before with another body: a push is accepted once'));
}

/** In safe mode the reply is sealed like the push was, with a fresh timestamp and nonce. */
function replyBody(wechat: WechatConfig, safeMode: boolean, xml: string): string {
  if (!safeMode) return xml;
  const { aesKey, appId } = safeModeKeys(wechat);
  const timestamp = String(Math.floor(Date.now() / 1000));
  return sealReply({ token: wechat.token, aesKey, appId, xml, timestamp, nonce: randomBytes(8).toString('hex') });
}

/** The official account's server URL: `${PUBLIC_URL}/channels/wechat`. */
export function wechatWebhookRoutes() {
  return createRouter()
    .openapi(verifyUrlRoute, (c) => {
      const wechat = c.var.deps.config.wechat!;
      const { echostr, ...signed } = c.req.valid('query');
      if (!echostr || !verifySignature({ token: wechat.token, ...signed })) {
        throw new ServiceError('forbidden', 'the WeChat signature is missing or does not match');
      }
      return c.text(echostr, 200);
    })
    .openapi(pushRoute, async (c) => {
      const wechat = c.var.deps.config.wechat!;
      assertXmlBody(c.req.header('content-type'));
      const query = c.req.valid('query');
      const body = await c.req.text();
      const push = parseInbound(openPush(wechat, query, body));
      await claimPush(c.var.deps.db, wechat, query, body);
      const answer = await answerWechatPush({ ctx: actorOf(c), input: push });
      // "success" tells WeChat the push was handled and there is no reply, so it does not retry.
      if (answer === undefined) return c.text('success', 200);
      const xml = buildTextReply({ to: push.openId, from: push.accountId, content: answer, createTime: new Date() });
      return c.body(replyBody(wechat, isSafeMode(query), xml), 200, xmlHeaders);
    });
}
