import { generateKeyPairSync } from 'node:crypto';
import {
  buildWechatpayAuthorization,
  decryptWechatpayResource,
  encryptWechatpayResource,
  parseWechatpayAuthorization,
  ResourceDecryptionError,
  signWechatpayMessage,
  verifyWechatpayAuthorization,
  verifyWechatpaySignature,
  wechatpaySignatureMessage,
} from '../index';

const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const apiV3Key = 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6';
const body = '{"id":"EV-1","event_type":"TRANSACTION.SUCCESS"}';

describe('WeChat Pay v3 notification signature', () => {
  it('signs timestamp, nonce and body, each followed by a line feed', () => {
    expect(wechatpaySignatureMessage('1718677865', 'NONCE1', body)).toBe(`1718677865\nNONCE1\n${body}\n`);
  });

  it('verifies with the platform key and refuses any change or another key', () => {
    const signature = signWechatpayMessage('1718677865', 'NONCE1', body, platform.privateKey);
    expect(verifyWechatpaySignature('1718677865', 'NONCE1', body, signature, platform.publicKey)).toBe(true);
    expect(verifyWechatpaySignature('1718677866', 'NONCE1', body, signature, platform.publicKey)).toBe(false);
    expect(verifyWechatpaySignature('1718677865', 'NONCE2', body, signature, platform.publicKey)).toBe(false);
    expect(verifyWechatpaySignature('1718677865', 'NONCE1', body.slice(0, -1), signature, platform.publicKey)).toBe(false);
    expect(verifyWechatpaySignature('1718677865', 'NONCE1', body, signature, other.publicKey)).toBe(false);
  });

  it('refuses non-canonical base64 of a valid signature (padding dropped, unused bits set)', () => {
    const signature = signWechatpayMessage('1718677865', 'NONCE1', body, platform.privateKey);
    expect(signature.endsWith('==')).toBe(true); // 256 bytes: one byte in the last group
    const last = signature.at(-3)!;
    const sameBytes = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').find((c) => c !== last && Buffer.from(`${signature.slice(0, -3)}${c}==`, 'base64').equals(Buffer.from(signature, 'base64')))!;
    expect(verifyWechatpaySignature('1718677865', 'NONCE1', body, `${signature.slice(0, -3)}${sameBytes}==`, platform.publicKey)).toBe(false);
    expect(verifyWechatpaySignature('1718677865', 'NONCE1', body, signature.slice(0, -1), platform.publicKey)).toBe(false);
  });

  it('reports garbage signatures as unverified instead of throwing', () => {
    for (const garbage of ['', 'not base64!', 'WECHATPAY/SIGNTEST/abc', 'AAAA']) {
      expect(verifyWechatpaySignature('1', 'n', body, garbage, platform.publicKey)).toBe(false);
    }
  });
});

describe('AEAD_AES_256_GCM resource', () => {
  const plaintext = JSON.stringify({ out_trade_no: '20240618103000017001', trade_state: 'SUCCESS' });

  it('round-trips with the API v3 key', () => {
    const resource = encryptWechatpayResource(plaintext, apiV3Key, { nonce: 'fdasflkja484' });
    expect(resource).toMatchObject({ algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction', nonce: 'fdasflkja484' });
    expect(decryptWechatpayResource(resource, apiV3Key)).toBe(plaintext);
  });

  it('refuses a wrong key, altered ciphertext, nonce or associated data', () => {
    const resource = encryptWechatpayResource(plaintext, apiV3Key);
    const flipped = Buffer.from(resource.ciphertext, 'base64');
    flipped[0] ^= 1;
    const cases = [
      () => decryptWechatpayResource(resource, 'x'.repeat(32)),
      () => decryptWechatpayResource({ ...resource, ciphertext: flipped.toString('base64') }, apiV3Key),
      () => decryptWechatpayResource({ ...resource, nonce: 'AAAAAAAAAAAA' }, apiV3Key),
      () => decryptWechatpayResource({ ...resource, associated_data: 'refund' }, apiV3Key),
      () => decryptWechatpayResource({ ...resource, ciphertext: 'c2hvcnQ=' }, apiV3Key),
    ];
    for (const attempt of cases) expect(attempt).toThrow(ResourceDecryptionError);
  });

  it('refuses an API v3 key that is not 32 bytes', () => {
    expect(() => encryptWechatpayResource(plaintext, 'short')).toThrow(RangeError);
  });
});

describe('merchant Authorization header', () => {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const request = { method: 'GET', pathWithQuery: '/v3/pay/transactions/out-trade-no/T1?mchid=1900000109', body: '' };

  it('is parsed back and verified with the merchant public key', () => {
    const header = buildWechatpayAuthorization(request, { mchid: '1900000109', serialNo: 'ABC123', privateKey: merchant.privateKey }, { timestamp: '1718677865', nonce: 'N1' });
    expect(header).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1900000109",nonce_str="N1",signature="[^"]+",timestamp="1718677865",serial_no="ABC123"$/);
    const parsed = parseWechatpayAuthorization(header)!;
    expect(parsed).toMatchObject({ mchid: '1900000109', serialNo: 'ABC123', nonceStr: 'N1', timestamp: '1718677865' });
    expect(verifyWechatpayAuthorization(parsed, request, merchant.publicKey)).toBe(true);
    expect(verifyWechatpayAuthorization(parsed, { ...request, pathWithQuery: '/v3/pay/transactions/out-trade-no/T2?mchid=1900000109' }, merchant.publicKey)).toBe(false);
  });

  it('is null for other schemes or missing fields', () => {
    expect(parseWechatpayAuthorization(undefined)).toBeNull();
    expect(parseWechatpayAuthorization('Bearer x')).toBeNull();
    expect(parseWechatpayAuthorization('WECHATPAY2-SHA256-RSA2048 mchid="1"')).toBeNull();
  });
});
