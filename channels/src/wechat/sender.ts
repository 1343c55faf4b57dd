import type { ChannelSender, OutboundMessage } from '../types.ts';

export interface WechatSenderOptions {
  appId: string;
  appSecret: string;
  /** https://api.weixin.qq.com, or a fake provider in tests. */
  apiBase: string;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; tests move it to expire the token. */
  now?: () => number;
}

/** errcode / errmsg from the WeChat API, kept so the agent sees why a reply did not go out. */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    what: string,
  ) {
    const hint = errcodeHints[errcode];
    super(`WeChat ${what} failed: errcode ${errcode} (${errmsg})${hint ? ` — ${hint}` : ''}`);
    this.name = 'WechatApiError';
  }
}

const errcodeHints: Record<number, string> = {
  45015: 'the citizen has not written to the account in the last 48 hours, so customer-service messages are not allowed',
  43004: 'the citizen no longer follows the account',
  40003: 'the openid does not belong to this account',
};

/** Errcodes meaning the access token is invalid or expired: fetch a new one and try once more. */
const STALE_TOKEN_ERRCODES = new Set([40001, 40014, 42001]);
/** Refresh this long before WeChat's expires_in runs out, so a send never races the expiry. */
const EXPIRY_MARGIN_MS = 5 * 60_000;
const REQUEST_TIMEOUT_MS = 10_000;

interface ApiAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

interface AccessToken {
  value: string;
  refreshAt: number;
}

/**
 * Replies to WeChat citizens through the customer-service message API (客服消息), which
 * needs the account's access token: fetched once, shared by concurrent sends, reused until
 * shortly before it expires, and fetched again once if WeChat says it went stale.
 */
export function createWechatSender(options: WechatSenderOptions): ChannelSender {
  const tokens = accessTokenCache(options);
  const call = callApi(options);

  async function sendText(token: string, message: OutboundMessage): Promise<ApiAnswer> {
    return call(`/cgi-bin/message/custom/send?access_token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // WeChat reads raw UTF-8; the default JSON escaping of CJK as \u… is also accepted.
      body: JSON.stringify({ touser: message.to.value, msgtype: 'text', text: { content: message.text } }),
    });
  }

  return {
    async send(message) {
      if (message.to.kind !== 'wechat_openid') throw new Error(`WeChat cannot reach a ${message.to.kind} identity`);
      let token = await tokens.get();
      let answer = await sendText(token, message);
      if (answer.errcode && STALE_TOKEN_ERRCODES.has(answer.errcode)) {
        tokens.invalidate(token);
        token = await tokens.get();
        answer = await sendText(token, message);
      }
      if (answer.errcode) throw new WechatApiError(answer.errcode, answer.errmsg ?? '', 'customer-service send');
      // The API answers no message id for customer-service messages.
      return {};
    },
  };
}

function accessTokenCache(options: WechatSenderOptions) {
  const now = options.now ?? Date.now;
  const call = callApi(options);
  let current: AccessToken | undefined;
  let pending: Promise<AccessToken> | undefined;

  async function fetchToken(): Promise<AccessToken> {
    const query = new URLSearchParams({ grant_type: 'client_credential', appid: options.appId, secret: options.appSecret });
    const answer = await call(`/cgi-bin/token?${query}`, { method: 'GET' });
    if (answer.errcode || !answer.access_token)
      throw new WechatApiError(answer.errcode ?? -1, answer.errmsg ?? 'no access_token in the answer', 'access token request');
    const lifetimeMs = (answer.expires_in ?? 7200) * 1000;
    return { value: answer.access_token, refreshAt: now() + lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2) };
  }

  return {
    async get(): Promise<string> {
      if (current && now() < current.refreshAt) return current.value;
      pending ??= fetchToken()
        .then((token) => (current = token))
        .finally(() => (pending = undefined));
      return (await pending).value;
    },
    /** Forgets the token only if it is still the one that failed, so concurrent failures refresh once. */
    invalidate(token: string): void {
      if (current?.value === token) current = undefined;
    },
  };
}

function callApi(options: WechatSenderOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const base = options.apiBase.replace(/\/$/, '');
  return async (path: string, init: RequestInit): Promise<ApiAnswer> => {
    const res = await fetchImpl(`${base}${path}`, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`WeChat API ${path.split('?')[0]} answered HTTP ${res.status}`);
    return (await res.json()) as ApiAnswer;
  };
}
