import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's signature: sha1 of the parts sorted as strings and joined. The URL check and
 * plaintext pushes sign [token, timestamp, nonce]; safe mode adds the Encrypt value.
 */
export function wechatSignature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/** Compares in constant time, so a forger learns nothing from how long a refusal took. */
function sameSignature(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The `signature` query parameter of the URL check (GET) and of plaintext message pushes. */
export function verifySignature(p: { token: string; timestamp?: string; nonce?: string; signature?: string }): boolean {
  if (!p.timestamp || !p.nonce) return false;
  return sameSignature(wechatSignature(p.token, p.timestamp, p.nonce), p.signature);
}

/** Safe mode's `msg_signature`, which also covers the ciphertext so it cannot be swapped. */
export function verifyMessageSignature(p: { token: string; timestamp?: string; nonce?: string; encrypted: string; msgSignature?: string }): boolean {
  if (!p.timestamp || !p.nonce) return false;
  return sameSignature(wechatSignature(p.token, p.timestamp, p.nonce, p.encrypted), p.msgSignature);
}
