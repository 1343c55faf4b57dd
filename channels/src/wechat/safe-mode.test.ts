import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidInboundError } from '../types.ts';
import { verifyMessageSignature, verifySignature, wechatSignature } from './signature.ts';
import { WechatForbiddenError, aesKeyBytes, decryptMessage, encryptMessage, pkcs7Pad, pkcs7Unpad, readEncryptedEnvelope, sealReply } from './safe-mode.ts';
import { openWechatPush } from './request.ts';

/**
 * Tencent's own sample (WXBizMsgCrypt, 2014): a text message "abcdteT" sealed for AppID
 * wx2c2769f8efd9abc2, with its msg_signature. If this decrypts, we speak the real protocol.
 */
const tencentSample = {
  token: 'spamtest',
  aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wx2c2769f8efd9abc2',
  timestamp: '1409735669',
  nonce: '1320562132',
  msgSignature: '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
  encrypted:
    'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=',
};
const { token, aesKey, appId } = tencentSample;

describe('signatures', () => {
  it('are sha1 of the sorted parts, as in the URL check', () => {
    // `printf 13205621321409735669spamtest | sha1sum`: the sorted parts, hashed outside the code under test.
    expect(wechatSignature('spamtest', '1409735669', '1320562132')).toBe('16120ec1b8dbb870f510d87ce6bc2463eae6ca1a');
    expect(wechatSignature('1320562132', 'spamtest', '1409735669')).toBe('16120ec1b8dbb870f510d87ce6bc2463eae6ca1a');
    const signature = wechatSignature(token, '1409735669', '1320562132');
    expect(verifySignature({ token, timestamp: '1409735669', nonce: '1320562132', signature })).toBe(true);
    expect(verifySignature({ token, timestamp: '1409735669', nonce: '1320562132', signature: signature.toUpperCase() })).toBe(true);
  });

  it('refuse a wrong token, a changed timestamp, and missing parts', () => {
    const signature = wechatSignature(token, '1409735669', '1320562132');
    expect(verifySignature({ token: 'other', timestamp: '1409735669', nonce: '1320562132', signature })).toBe(false);
    expect(verifySignature({ token, timestamp: '1409735670', nonce: '1320562132', signature })).toBe(false);
    expect(verifySignature({ token, timestamp: '1409735669', nonce: '1320562132' })).toBe(false);
    expect(verifySignature({ token, nonce: '1320562132', signature })).toBe(false);
    expect(verifySignature({ token, timestamp: '1409735669', nonce: '1320562132', signature: 'x' })).toBe(false);
  });

  it("match Tencent's sample msg_signature over the ciphertext", () => {
    const { timestamp, nonce, encrypted, msgSignature } = tencentSample;
    expect(verifyMessageSignature({ token, timestamp, nonce, encrypted, msgSignature })).toBe(true);
    expect(verifyMessageSignature({ token, timestamp, nonce, encrypted: encrypted.replace('hyz', 'hyy'), msgSignature })).toBe(false);
  });
});

describe('safe mode (安全模式)', () => {
  it("decrypts Tencent's sample to the XML it sealed", () => {
    const xml = decryptMessage({ aesKey, appId, encrypted: tencentSample.encrypted });
    expect(xml).toContain('<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>');
    expect(xml).toContain('<Content><![CDATA[abcdteT]]></Content>');
    expect(xml).toContain('<MsgId>6054768590064713728</MsgId>');
  });

  it('round-trips Chinese text through encrypt and decrypt, with fresh randomness each time', () => {
    const xml = '<xml><Content><![CDATA[您的诉求已收到，案件流水号 20261122000123。]]></Content></xml>';
    const a = encryptMessage({ aesKey, appId, xml });
    const b = encryptMessage({ aesKey, appId, xml });
    expect(a).not.toBe(b);
    expect(decryptMessage({ aesKey, appId, encrypted: a })).toBe(xml);
    expect(decryptMessage({ aesKey, appId, encrypted: b })).toBe(xml);
  });

  it('lays the plaintext out as random(16) + length(4, big-endian) + XML + AppID, padded to 32 bytes', () => {
    const xml = '<xml>中</xml>';
    const random = Buffer.alloc(16, 7);
    const encrypted = encryptMessage({ aesKey, appId, xml, random });
    const key = aesKeyBytes(aesKey);
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
    const xmlBytes = Buffer.byteLength(xml);
    expect(plain.length % 32).toBe(0);
    expect(plain.subarray(0, 16)).toEqual(random);
    expect(plain.readUInt32BE(16)).toBe(xmlBytes);
    expect(plain.subarray(20, 20 + xmlBytes).toString()).toBe(xml);
    expect(plain.subarray(20 + xmlBytes, 20 + xmlBytes + appId.length).toString()).toBe(appId);
  });

  it('adds a whole 32-byte block of padding when the plaintext is already a multiple of 32', () => {
    // 16 + 4 + XML + 18-byte AppID = 64 bytes exactly.
    const xml = `<xml>${'a'.repeat(26 - 11)}</xml>`;
    expect(16 + 4 + xml.length + appId.length).toBe(64);
    const encrypted = encryptMessage({ aesKey, appId, xml });
    expect(Buffer.from(encrypted, 'base64').length).toBe(96);
    expect(decryptMessage({ aesKey, appId, encrypted })).toBe(xml);
  });

  it.each([0, 1, 31, 32, 33, 63, 64])('pads %i bytes to the next multiple of 32 and back', (n) => {
    const data = Buffer.alloc(n, 0x61);
    const padded = pkcs7Pad(data);
    const pad = 32 - (n % 32);
    expect(padded.length).toBe(n + pad);
    expect(padded.at(-1)).toBe(pad);
    expect(pkcs7Unpad(padded)).toEqual(data);
  });

  it.each([
    ['a zero pad byte', Buffer.from([...Buffer.alloc(31, 1), 0])],
    ['a pad byte over 32', Buffer.alloc(64, 33)],
    ['pad bytes that disagree', Buffer.from([...Buffer.alloc(30, 9), 1, 2])],
  ])('refuses %s', (_name, data) => {
    expect(() => pkcs7Unpad(data)).toThrow(InvalidInboundError);
  });

  it('refuses a message sealed for another AppID with a forbidden error', () => {
    const encrypted = encryptMessage({ aesKey, appId: 'wx0000000000000000', xml: '<xml/>' });
    expect(() => decryptMessage({ aesKey, appId, encrypted })).toThrow(WechatForbiddenError);
    expect(() => decryptMessage({ aesKey, appId, encrypted })).toThrow(expect.objectContaining({ reason: 'app_id_mismatch' }));
  });

  it('refuses ciphertext that is not whole blocks, or sealed with another key, as invalid', () => {
    expect(() => decryptMessage({ aesKey, appId, encrypted: 'aGVsbG8=' })).toThrow(InvalidInboundError);
    const otherKey = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq';
    const sealed = encryptMessage({ aesKey: otherKey, appId, xml: '<xml><a>1</a></xml>' });
    expect(() => decryptMessage({ aesKey, appId, encrypted: sealed })).toThrow();
  });

  it('seals a passive reply that verifies and opens with the account credentials', () => {
    const xml = '<xml><Content><![CDATA[收到]]></Content></xml>';
    const reply = sealReply({ token, aesKey, appId, xml, timestamp: '1700000000', nonce: 'n0nce' });
    expect(reply).toMatch(
      /^<xml><Encrypt><!\[CDATA\[[A-Za-z0-9+/=]+\]\]><\/Encrypt><MsgSignature><!\[CDATA\[[0-9a-f]{40}\]\]><\/MsgSignature><TimeStamp>1700000000<\/TimeStamp><Nonce><!\[CDATA\[n0nce\]\]><\/Nonce><\/xml>$/,
    );
    const encrypted = readEncryptedEnvelope(reply);
    const msgSignature = /<MsgSignature><!\[CDATA\[(\w+)\]\]>/.exec(reply)![1];
    expect(verifyMessageSignature({ token, timestamp: '1700000000', nonce: 'n0nce', encrypted, msgSignature })).toBe(true);
    expect(decryptMessage({ aesKey, appId, encrypted })).toBe(xml);
  });
});

describe('opening a push', () => {
  const { timestamp, nonce } = tencentSample;
  const plainQuery = { timestamp, nonce, signature: wechatSignature(token, timestamp, nonce) };
  const envelope = `<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[${tencentSample.encrypted}]]></Encrypt></xml>`;
  const safeQuery = { ...plainQuery, encrypt_type: 'aes', msg_signature: tencentSample.msgSignature };
  /** The sample's own moment, and WeChat's usual 5 minutes of clock difference. */
  const signedAt = Number(timestamp) * 1000;
  const clock = { now: signedAt, maxClockSkewSeconds: 300 };
  const plain = { token, query: plainQuery, body: '<xml/>', acceptPlaintext: true, ...clock };
  const safe = { token, query: safeQuery, body: envelope, safeMode: { aesKey, appId }, acceptPlaintext: false, ...clock };
  const reasonOf = (open: () => unknown) => {
    try {
      open();
    } catch (error) {
      if (error instanceof WechatForbiddenError) return error.reason;
      throw error;
    }
    return 'accepted';
  };

  it('passes a signed plaintext body through unchanged', () => {
    expect(openWechatPush(plain)).toBe('<xml/>');
  });

  it('refuses an unsigned or wrongly signed plaintext push as forbidden', () => {
    expect(reasonOf(() => openWechatPush({ ...plain, query: { timestamp, nonce } }))).toBe('bad_signature');
    expect(reasonOf(() => openWechatPush({ ...plain, token: 'other' }))).toBe('bad_signature');
  });

  it('verifies msg_signature and decrypts a safe-mode push', () => {
    expect(openWechatPush(safe)).toContain('abcdteT');
  });

  it('refuses a safe-mode push with a wrong or missing msg_signature', () => {
    expect(reasonOf(() => openWechatPush({ ...safe, query: { ...safeQuery, msg_signature: plainQuery.signature } }))).toBe('bad_signature');
    expect(reasonOf(() => openWechatPush({ ...safe, query: { ...safeQuery, msg_signature: undefined } }))).toBe('bad_signature');
  });

  it('refuses a safe-mode envelope without Encrypt as invalid', () => {
    expect(() => openWechatPush({ ...safe, body: '<xml><ToUserName>gh</ToUserName></xml>' })).toThrow(InvalidInboundError);
  });

  it('refuses a correctly signed push more than the allowed clock difference away, in either direction, in both modes', () => {
    for (const open of [plain, safe]) {
      expect(reasonOf(() => openWechatPush({ ...open, now: signedAt + 301_000 }))).toBe('bad_timestamp');
      expect(reasonOf(() => openWechatPush({ ...open, now: signedAt - 301_000 }))).toBe('bad_timestamp');
      expect(reasonOf(() => openWechatPush({ ...open, now: signedAt + 30 * 86_400_000 }))).toBe('bad_timestamp');
      expect(reasonOf(() => openWechatPush({ ...open, now: signedAt + 299_000 }))).toBe('accepted');
      expect(reasonOf(() => openWechatPush({ ...open, now: signedAt - 299_000 }))).toBe('accepted');
      expect(reasonOf(() => openWechatPush({ ...open, now: signedAt + 60_000, maxClockSkewSeconds: 30 }))).toBe('bad_timestamp');
    }
  });

  it('refuses timestamp=1 and timestamps that are not whole seconds, however they are signed', () => {
    for (const t of ['1', '0', '-1409735669', '1409735669.5', '1.409735669e9', ' 1409735669', '']) {
      const query = { timestamp: t, nonce, signature: wechatSignature(token, t, nonce) };
      expect(
        reasonOf(() => openWechatPush({ ...plain, query })),
        JSON.stringify(t),
      ).toBe(t ? 'bad_timestamp' : 'bad_signature');
    }
  });

  it('refuses a plaintext push when only safe mode is accepted: a safe-mode URL stripped of encrypt_type and msg_signature', () => {
    const stripped = { timestamp, nonce, signature: plainQuery.signature };
    expect(reasonOf(() => openWechatPush({ ...safe, query: stripped, body: '<xml><FromUserName>someone-else</FromUserName></xml>' }))).toBe(
      'plaintext_refused',
    );
    expect(openWechatPush({ ...safe, acceptPlaintext: true, query: stripped, body: '<xml/>' })).toBe('<xml/>');
  });
});
