/**
 * HTTP headers of WeChat Pay API v3 notifications and signed responses
 * (https://pay.weixin.qq.com/doc/v3/merchant/4013053249, "签名验证"). Lower-case, as node:http
 * hands them over.
 */
export const WechatpayHeaders = {
  /** Unix seconds at which the platform signed. */
  timestamp: 'wechatpay-timestamp',
  /** Random string, unique per signed message. */
  nonce: 'wechatpay-nonce',
  /** Base64 SHA256withRSA signature over `timestamp\nnonce\nbody\n`. */
  signature: 'wechatpay-signature',
  /** Serial of the platform certificate (or `PUB_KEY_ID_…` public key id) that signed. */
  serial: 'wechatpay-serial',
  /** `WECHATPAY2-SHA256-RSA2048`; absent on older senders. */
  signatureType: 'wechatpay-signature-type',
  /** Request id for WeChat Pay support. */
  requestId: 'request-id',
} as const;

/** The only signature scheme API v3 defines. */
export const WECHATPAY_SIGNATURE_TYPE = 'WECHATPAY2-SHA256-RSA2048';
