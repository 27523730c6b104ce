// The public face of @oms/payment-protocols: the wire protocols of the payment providers and
// sales channels the backbone talks to — signatures, encryption, amounts and times — shared by
// channel-gateway (which verifies) and the simulators (which sign). Pure node:crypto, no I/O.
export { constantTimeEqual } from './crypto/constant-time-equal';
export { signRsaSha256, verifyRsaSha256, type KeyInput } from './crypto/rsa-sha256';

export { WechatpayHeaders, WECHATPAY_SIGNATURE_TYPE } from './wechatpay/wechatpay-headers';
export { signWechatpayMessage, verifyWechatpaySignature, wechatpaySignatureMessage } from './wechatpay/wechatpay-signature';
export {
  decryptWechatpayResource,
  encryptWechatpayResource,
  ResourceDecryptionError,
  type WechatpayEncryptedResource,
} from './wechatpay/wechatpay-resource.cipher';
export {
  buildWechatpayAuthorization,
  parseWechatpayAuthorization,
  verifyWechatpayAuthorization,
  wechatpayRequestMessage,
  type WechatpayAuthorization,
} from './wechatpay/wechatpay-authorization';
export type { WechatpayErrorBody, WechatpayNotificationBody, WechatpayTransaction } from './wechatpay/wechatpay-types';
export {
  buildWechatpayNotification,
  wechatpayNonce,
  type SignedWechatpayNotification,
  type WechatpayPlatformSigner,
} from './wechatpay/wechatpay-notification.builder';

export { alipaySignContent, signAlipayParams, verifyAlipayParams, type AlipayParams } from './alipay/alipay-sign';
export { fenToYuanText, yuanTextToFen } from './alipay/alipay-amount';
export { formatAlipayTime, parseAlipayTime, type AlipayInstant } from './alipay/alipay-time';
export { buildAlipayNotificationBody } from './alipay/alipay-notification.builder';
export { buildSignedAlipayResponse, signedAlipayResponseText, verifyAlipayResponse } from './alipay/alipay-response';

export { isPaidOutcome, TRADE_OUTCOMES, tradeOutcomeOf, type TradeOutcome } from './trade-state/trade-outcome';
export { CallbackHeaders, callbackVerifiedSignature, isCallbackVerified } from './callback/callback-verified';

export { shopifyWebhookHmac, verifyShopifyWebhook } from './channel-webhooks/shopify-webhook-hmac';
export { douyinEventSign, verifyDouyinEventSign } from './channel-webhooks/douyin-event-sign';
export { pinduoduoPushSign, verifyPinduoduoPushSign } from './channel-webhooks/pinduoduo-push-sign';
export { miniprogramOrderSignature, verifyMiniprogramOrderSignature } from './channel-webhooks/miniprogram-order-signature';
