import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../types.ts';
import { createWechatSender } from './sender.ts';

const reply: OutboundMessage = {
  channel: 'wechat',
  to: { kind: 'wechat_openid', value: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs' },
  text: '您好，已转交城管部门处理。',
  messageId: 'm-1',
  caseNumber: '20261122000123',
};

/** A scripted WeChat API: answers token and send calls in order, recording each call. */
function fakeApi(script: { token?: object[]; send?: object[] } = {}) {
  const calls: { path: string; query: URLSearchParams; body?: unknown }[] = [];
  let tokens = 0;
  let sends = 0;
  const nextToken = () => {
    tokens += 1;
    return script.token?.[tokens - 1] ?? { access_token: `TOKEN-${tokens}`, expires_in: 7200 };
  };
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push({ path: url.pathname, query: url.searchParams, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    // Yield so concurrent callers really overlap.
    await new Promise((r) => setTimeout(r, 5));
    const answer = url.pathname === '/cgi-bin/token' ? nextToken() : (script.send?.[sends++] ?? { errcode: 0, errmsg: 'ok' });
    return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    calls,
    tokenCalls: () => calls.filter((c) => c.path === '/cgi-bin/token'),
    sendCalls: () => calls.filter((c) => c.path === '/cgi-bin/message/custom/send'),
  };
}

const options = { appId: 'wx2c2769f8efd9abc2', appSecret: 'secret-1', apiBase: 'https://api.example.test/' };

describe('the WeChat customer-service sender', () => {
  it('gets a token with the account credentials, then sends a text to the openid', async () => {
    const api = fakeApi();
    await expect(createWechatSender({ ...options, fetch: api.fetch }).send(reply)).resolves.toEqual({});
    const [tokenCall, sendCall] = api.calls;
    expect(tokenCall!.path).toBe('/cgi-bin/token');
    expect(Object.fromEntries(tokenCall!.query)).toEqual({ grant_type: 'client_credential', appid: 'wx2c2769f8efd9abc2', secret: 'secret-1' });
    expect(sendCall!.query.get('access_token')).toBe('TOKEN-1');
    expect(sendCall!.body).toEqual({ touser: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs', msgtype: 'text', text: { content: '您好，已转交城管部门处理。' } });
  });

  it('reuses the token until shortly before it expires', async () => {
    const api = fakeApi();
    let now = 0;
    const sender = createWechatSender({ ...options, fetch: api.fetch, now: () => now });
    await sender.send(reply);
    now = (7200 - 301) * 1000;
    await sender.send(reply);
    expect(api.tokenCalls()).toHaveLength(1);
    now = (7200 - 299) * 1000;
    await sender.send(reply);
    expect(api.tokenCalls()).toHaveLength(2);
    expect(api.sendCalls().map((c) => c.query.get('access_token'))).toEqual(['TOKEN-1', 'TOKEN-1', 'TOKEN-2']);
  });

  it('lets concurrent sends share one token request', async () => {
    const api = fakeApi();
    const sender = createWechatSender({ ...options, fetch: api.fetch });
    await Promise.all([sender.send(reply), sender.send(reply), sender.send(reply)]);
    expect(api.tokenCalls()).toHaveLength(1);
    expect(api.sendCalls()).toHaveLength(3);
  });

  it.each([40001, 40014, 42001])('refreshes the token once when WeChat answers errcode %i, then sends', async (errcode) => {
    const api = fakeApi({ send: [{ errcode, errmsg: 'access_token expired' }] });
    await expect(createWechatSender({ ...options, fetch: api.fetch }).send(reply)).resolves.toEqual({});
    expect(api.tokenCalls()).toHaveLength(2);
    expect(api.sendCalls().map((c) => c.query.get('access_token'))).toEqual(['TOKEN-1', 'TOKEN-2']);
  });

  it('gives up after one refresh when the new token is refused too', async () => {
    const api = fakeApi({
      send: [
        { errcode: 40001, errmsg: 'invalid credential' },
        { errcode: 40001, errmsg: 'invalid credential' },
      ],
    });
    await expect(createWechatSender({ ...options, fetch: api.fetch }).send(reply)).rejects.toThrow(/errcode 40001/);
    expect(api.tokenCalls()).toHaveLength(2);
  });

  it('reports any other errcode with its message, and explains the 48-hour window', async () => {
    const api = fakeApi({ send: [{ errcode: 45015, errmsg: 'response out of time limit or subscription is canceled' }] });
    const failure = createWechatSender({ ...options, fetch: api.fetch }).send(reply);
    await expect(failure).rejects.toThrow('WeChat customer-service send failed: errcode 45015 (response out of time limit or subscription is canceled)');
    await expect(failure).rejects.toThrow(/48 hours/);
    expect(api.tokenCalls()).toHaveLength(1);
  });

  it('reports a refused token request (e.g. a wrong AppSecret)', async () => {
    const api = fakeApi({ token: [{ errcode: 40125, errmsg: 'invalid appsecret' }] });
    await expect(createWechatSender({ ...options, fetch: api.fetch }).send(reply)).rejects.toThrow(
      'WeChat access token request failed: errcode 40125 (invalid appsecret)',
    );
    expect(api.sendCalls()).toHaveLength(0);
  });

  it('refuses a recipient that is not a WeChat openid', async () => {
    const api = fakeApi();
    await expect(createWechatSender({ ...options, fetch: api.fetch }).send({ ...reply, to: { kind: 'phone', value: '13800138000' } })).rejects.toThrow(/phone/);
    expect(api.calls).toHaveLength(0);
  });
});
