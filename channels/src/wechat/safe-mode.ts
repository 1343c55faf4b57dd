import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { InvalidInboundError } from '../types.ts';
import { wechatSignature } from './signature.ts';
import { cdata, readWechatXml, requiredField } from './xml.ts';

/** WeChat pads to 32 bytes although AES blocks are 16, so node's own padding cannot be used. */
export const PKCS7_BLOCK = 32;

/**
 * Why WeChat's request was not accepted as coming from WeChat for this account (answered 403):
 * a signature that does not match, a timestamp too far from our clock, a plaintext push to an
 * account that accepts safe mode only, a timestamp and nonce used before (decided by the caller,
 * who remembers them), or a message sealed for another AppID.
 */
export type WechatForbiddenReason = 'bad_signature' | 'bad_timestamp' | 'plaintext_refused' | 'replayed' | 'app_id_mismatch';

export class WechatForbiddenError extends Error {
  constructor(
    readonly reason: WechatForbiddenReason,
    message: string,
  ) {
    super(message);
    this.name = 'WechatForbiddenError';
  }
}

/** The 43-character EncodingAESKey is base64 without its trailing "=": 32 key bytes. */
export function aesKeyBytes(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (encodingAesKey.length !== 43 || key.length !== 32) throw new Error('EncodingAESKey must be 43 base64 characters');
  return key;
}

export function pkcs7Pad(data: Buffer, block = PKCS7_BLOCK): Buffer {
  const n = block - (data.length % block);
  return Buffer.concat([data, Buffer.alloc(n, n)]);
}

export function pkcs7Unpad(data: Buffer, block = PKCS7_BLOCK): Buffer {
  const n = data.at(-1) ?? 0;
  if (n < 1 || n > block || n > data.length || !data.subarray(data.length - n).every((b) => b === n)) {
    throw new InvalidInboundError('invalid', 'the encrypted message has invalid padding');
  }
  return data.subarray(0, data.length - n);
}

function cipherFor(aesKey: string) {
  const key = aesKeyBytes(aesKey);
  // WeChat uses the first 16 key bytes as the IV: fixed by the protocol, not our choice.
  return { key, iv: key.subarray(0, 16) };
}

/**
 * Safe mode's sealing: AES-256-CBC over 16 random bytes, the XML's byte length (4 bytes,
 * big-endian), the XML, then the AppID; base64.
 */
export function encryptMessage(p: { aesKey: string; appId: string; xml: string; random?: Buffer }): string {
  const { key, iv } = cipherFor(p.aesKey);
  const xml = Buffer.from(p.xml, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(xml.length);
  const plain = pkcs7Pad(Buffer.concat([p.random ?? randomBytes(16), length, xml, Buffer.from(p.appId, 'utf8')]));
  const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

/**
 * Opens a safe-mode ciphertext and returns the XML inside. The trailing AppID must be ours:
 * a message sealed for another account is refused even if it decrypts.
 */
export function decryptMessage(p: { aesKey: string; appId: string; encrypted: string }): string {
  const { key, iv } = cipherFor(p.aesKey);
  const sealed = Buffer.from(p.encrypted, 'base64');
  // AES itself only needs whole 16-byte blocks; the 32-byte padding is checked after decrypting.
  if (sealed.length === 0 || sealed.length % 16 !== 0) throw new InvalidInboundError('invalid', 'the encrypted message has an invalid length');
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  const plain = pkcs7Unpad(Buffer.concat([decipher.update(sealed), decipher.final()]));
  if (plain.length < 20) throw new InvalidInboundError('invalid', 'the encrypted message is too short');
  const xmlLength = plain.readUInt32BE(16);
  if (20 + xmlLength > plain.length) throw new InvalidInboundError('invalid', 'the encrypted message has an invalid length field');
  const appId = plain.subarray(20 + xmlLength).toString('utf8');
  if (appId !== p.appId) throw new WechatForbiddenError('app_id_mismatch', 'the message was encrypted for another AppID');
  return plain.subarray(20, 20 + xmlLength).toString('utf8');
}

/** The ciphertext of a safe-mode push: `<xml><ToUserName/><Encrypt/></xml>`. */
export function readEncryptedEnvelope(xml: string): string {
  return requiredField(readWechatXml(xml), 'Encrypt');
}

/** A passive reply in safe mode: the reply XML sealed, signed with msg_signature. */
export function sealReply(p: { token: string; aesKey: string; appId: string; xml: string; timestamp: string; nonce: string }): string {
  const encrypted = encryptMessage({ aesKey: p.aesKey, appId: p.appId, xml: p.xml });
  const signature = wechatSignature(p.token, p.timestamp, p.nonce, encrypted);
  return `<xml><Encrypt>${cdata(encrypted)}</Encrypt><MsgSignature>${cdata(signature)}</MsgSignature><TimeStamp>${p.timestamp}</TimeStamp><Nonce>${cdata(p.nonce)}</Nonce></xml>`;
}
