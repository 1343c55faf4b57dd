import { WechatForbiddenError, decryptMessage, readEncryptedEnvelope } from './safe-mode.ts';
import { verifyMessageSignature, verifySignature } from './signature.ts';

/** The query string WeChat puts on every push to the server URL. */
export interface WechatPushQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  /** `aes` in safe mode (安全模式); absent in plaintext mode (明文模式). */
  encrypt_type?: string;
  msg_signature?: string;
}

export const isSafeMode = (query: WechatPushQuery) => query.encrypt_type === 'aes';

/**
 * Checks that a push comes from WeChat for this account and returns the message XML:
 * the body itself in plaintext mode, the decrypted Encrypt field in safe mode.
 * Throws `WechatForbiddenError` (answer 403) or `InvalidInboundError` (answer 400).
 */
export function openWechatPush(p: {
  token: string;
  query: WechatPushQuery;
  body: string;
  /** Required when the push is in safe mode. */
  safeMode?: { aesKey: string; appId: string };
}): string {
  const { token, query, body } = p;
  if (!isSafeMode(query)) {
    if (!verifySignature({ token, timestamp: query.timestamp, nonce: query.nonce, signature: query.signature })) {
      throw new WechatForbiddenError('bad_signature', 'the WeChat signature is missing or does not match');
    }
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
  return decryptMessage({ ...p.safeMode, encrypted });
}
