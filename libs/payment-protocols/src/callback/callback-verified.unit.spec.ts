import { callbackVerifiedSignature, isCallbackVerified, shopifyWebhookHmac, verifyShopifyWebhook } from '../index';

const secret = 'merchant-secret-for-tests-0123456789abcdef';

describe('X-Callback-Verified', () => {
  it('is hex HMAC-SHA256 over outTradeNo + epoch-ms timestamp (vector from `openssl dgst -sha256 -hmac`)', () => {
    expect(callbackVerifiedSignature('20240618103000017001', '1718677865127', secret)).toBe('f4201b0b53bd9d61b7736f82913b612fbf270aa38c383c476ca878a898040dff');
  });

  it('verifies the right value only', () => {
    const value = callbackVerifiedSignature('T1', '1718677865127', secret);
    expect(isCallbackVerified('T1', '1718677865127', value, secret)).toBe(true);
    expect(isCallbackVerified('T1', '1718677865128', value, secret)).toBe(false);
    expect(isCallbackVerified('T1', '1718677865127', value.slice(1), secret)).toBe(false);
    expect(isCallbackVerified('T1', '1718677865127', value, `${secret}x`)).toBe(false);
  });
});

describe('Shopify webhook HMAC', () => {
  it('is base64 HMAC-SHA256 of the raw body (vector from openssl)', () => {
    expect(shopifyWebhookHmac('{"id":1}', 'shpss_secret')).toBe('xocA3LkeJ/RvNrkxep1EUtFHuj7rIoIqZYaLU26LyPQ=');
    expect(verifyShopifyWebhook('{"id":1}', 'xocA3LkeJ/RvNrkxep1EUtFHuj7rIoIqZYaLU26LyPQ=', 'shpss_secret')).toBe(true);
    expect(verifyShopifyWebhook('{"id":2}', 'xocA3LkeJ/RvNrkxep1EUtFHuj7rIoIqZYaLU26LyPQ=', 'shpss_secret')).toBe(false);
    expect(verifyShopifyWebhook('{"id":1}', undefined, 'shpss_secret')).toBe(false);
  });
});
