import { WechatForbiddenError, decryptMessage, readEncryptedEnvelope } from './safe-mode.ts';
import { verifyMessageSignature, verifySignature } from './signature.ts';

/** The query string WeChat puts on every push to the server URL. */
export interface WechatPushQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  /** `aes` in safe mode (安全模式) and compatible mode (兼容模式); absent in plaintext mode (明文模式). */
  encrypt_type?: string;
  msg_signature?: string;
}

export const isSafeMode = (query: WechatPushQuery) => query.encrypt_type === 'aes';

/** WeChat's timestamps are whole seconds since 1970, in decimal. */
const WHOLE_SECONDS = /^[1-9]\d{0,11}$/;

/**
 * Refuses a signed timestamp more than `maxClockSkewSeconds` away from `now` (milliseconds), in
 * either direction: a signature is only as good as the moment it was made, so an old (or
 * post-dated) push cannot be replayed once its window has passed. Within the window, the caller
 * must remember the timestamp and nonce and refuse a second use.
 */
export function assertFreshTimestamp(timestamp: string | undefined, p: { now: number; maxClockSkewSeconds: number }): void {
  if (!timestamp || !WHOLE_SECONDS.test(timestamp)) {
    throw new WechatForbiddenError('bad_timestamp', 'the WeChat timestamp is not a number of seconds');
  }
  const offSeconds = Number(timestamp) - p.now / 1000;
  if (Math.abs(offSeconds) > p.maxClockSkewSeconds) {
    const when = offSeconds < 0 ? 'old' : 'ahead of our clock';
    throw new WechatForbiddenError(
      'bad_timestamp',
      `the WeChat timestamp is ${Math.round(Math.abs(offSeconds))} s ${when}, over the ${p.maxClockSkewSeconds} s allowed`,
    );
  }
}

/**
 * Checks that a push comes from WeChat for this account and now, and returns the message XML: the
 * body itself in plaintext mode, the decrypted Encrypt field in safe mode. It does not remember
 * nonces: the caller refuses a timestamp and nonce it has seen before (within the same window).
 * Throws `WechatForbiddenError` (answer 403) or `InvalidInboundError` (answer 400).
 */
export function openWechatPush(p: {
  token: string;
  query: WechatPushQuery;
  body: string;
  /** Required when the push is in safe mode. */
  safeMode?: { aesKey: string; appId: string };
  /**
   * Whether a plaintext push is accepted. Its signature covers only the timestamp and nonce, not the
   * body, so an account that has an EncodingAESKey accepts safe mode only (false) unless it is
   * switching modes (compatible mode, 兼容模式).
   */
  acceptPlaintext: boolean;
  /** How far WeChat's timestamp may be from `now`, in seconds. */
  maxClockSkewSeconds: number;
  /** Milliseconds since 1970; `Date.now()` unless given. */
  now?: number;
}): string {
  const { token, query, body } = p;
  const clock = { now: p.now ?? Date.now(), maxClockSkewSeconds: p.maxClockSkewSeconds };
  if (!isSafeMode(query)) {
    // A safe-mode URL stripped of encrypt_type and msg_signature still carries a valid plain signature.
    if (!p.acceptPlaintext) throw new WechatForbiddenError('plaintext_refused', 'this account accepts safe-mode (encrypted) pushes only');
    if (!verifySignature({ token, timestamp: query.timestamp, nonce: query.nonce, signature: query.signature })) {
      throw new WechatForbiddenError('bad_signature', 'the WeChat signature is missing or does not match');
    }
    assertFreshTimestamp(query.timestamp, clock);
    return body;
  }
  if (!p.safeMode) throw new Error('a safe-mode push needs the EncodingAESKey and AppID');
  // The signature covers the ciphertext, so a body we cannot even read is refused as unsigned.
  if (!query.msg_signature || !query.timestamp || !query.nonce) {
    throw new WechatForbiddenError('bad_signature', 'the WeChat msg_signature is missing');
  }
  const encrypted = readEncryptedEnvelope(body);
  if (!verifyMessageSignature({ token, timestamp: query.timestamp, nonce: query.nonce, encrypted, msgSignature: query.msg_signature })) {
    throw new WechatForbiddenError('bad_signature', 'the WeChat msg_signature does not match');
  }
  assertFreshTimestamp(query.timestamp, clock);
  return decryptMessage({ ...p.safeMode, encrypted });
}
