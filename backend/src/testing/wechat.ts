import { randomBytes } from 'node:crypto';
import { wechatSignature } from '@hotline/channels/wechat';
import type { FakeProvider } from './fake-provider.ts';

export const WECHAT = {
  token: 'hotlineToken2026',
  appId: 'wx2c2769f8efd9abc2',
  appSecret: 'app-secret-for-tests',
  aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  account: 'gh_10f6c3c3ac5a',
};

/**
 * Hotline configuration for the official account, its API pointed at a fake provider. Compatible
 * mode (兼容模式) lets the specs that talk to the hotline over WeChat post plaintext pushes although
 * the account has its EncodingAESKey.
 */
export const wechatEnv = (fake: FakeProvider) => ({
  WECHAT_TOKEN: WECHAT.token,
  WECHAT_APPID: WECHAT.appId,
  WECHAT_APPSECRET: WECHAT.appSecret,
  WECHAT_AES_KEY: WECHAT.aesKey,
  WECHAT_COMPATIBLE_MODE: '1',
  WECHAT_API_BASE: fake.url,
});

let sequence = 0;
/** A fresh openid per test keeps each test's conversation and appeal its own. */
export const newOpenId = () => `oQH${randomBytes(12).toString('base64url')}`;
export const newMsgId = () => `2391${Date.now()}${String(++sequence).padStart(4, '0')}`;

/** A push shaped as WeChat documents it (接收普通消息). */
export function messageXml(openId: string, body: string, msgId = newMsgId()): string {
  return `<xml>
  <ToUserName><![CDATA[${WECHAT.account}]]></ToUserName>
  <FromUserName><![CDATA[${openId}]]></FromUserName>
  <CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime>
  ${body}
  <MsgId>${msgId}</MsgId>
</xml>`;
}

export const textXml = (openId: string, content: string, msgId?: string) =>
  messageXml(openId, `<MsgType><![CDATA[text]]></MsgType>\n  <Content><![CDATA[${content}]]></Content>`, msgId);

export function eventXml(openId: string, event: string, eventKey?: string): string {
  return `<xml><ToUserName><![CDATA[${WECHAT.account}]]></ToUserName><FromUserName><![CDATA[${openId}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${event}]]></Event>${eventKey ? `<EventKey><![CDATA[${eventKey}]]></EventKey>` : ''}</xml>`;
}

/** The query WeChat signs every push with: signature = sha1 of the sorted token, timestamp (now) and a fresh nonce. */
export function signedQuery(extra: Record<string, string> = {}, token = WECHAT.token) {
  return signedQueryAt(String(Math.floor(Date.now() / 1000)), extra, token);
}

/** The same, signed with the given timestamp (seconds since 1970, as WeChat sends it) and nonce. */
export function signedQueryAt(timestamp: string, extra: Record<string, string> = {}, token = WECHAT.token, nonce = randomBytes(5).toString('hex')) {
  return new URLSearchParams({ signature: wechatSignature(token, timestamp, nonce), timestamp, nonce, ...extra });
}

/** The reply's Content: passive replies are flat XML with CDATA. */
export const contentOf = (xml: string) => /<Content><!\[CDATA\[([\s\S]*?)\]\]><\/Content>/.exec(xml)?.[1];

/** The fake's answers to the access-token and customer-service APIs (sends answer ok). */
export const fakeWechatApi = [
  (r: { url: string }) => (r.url.startsWith('/cgi-bin/token?') ? { json: { access_token: 'ACCESS-TEST', expires_in: 7200 } } : undefined),
  (r: { url: string }) => (r.url.startsWith('/cgi-bin/message/custom/send?') ? { json: { errcode: 0, errmsg: 'ok' } } : undefined),
];

/** Customer-service messages the hotline sent to this openid, oldest first. */
export const wechatSendsTo = (fake: FakeProvider, openId: string) =>
  fake.requests
    .filter((r) => r.url.startsWith('/cgi-bin/message/custom/send?') && (r.json as { touser: string }).touser === openId)
    .map((r) => (r.json as { text: { content: string } }).text.content);
