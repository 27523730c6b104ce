import type { IncomingHttpHeaders } from 'node:http';
import { parseIsoDateTime } from '@oms/order-domain';
import { WechatpayHeaders } from '@oms/payment-protocols';
import type { WechatpayMerchantConfig } from '../../config/gateway-config';
import { failed, passed, type Checked } from '../intake/notification-refusal';
import type { VerifiedNotification } from '../intake/verified-notification';
import { decryptWechatpayNotification } from './wechatpay-notification.parser';
import { toWechatpayPaymentNotification } from './wechatpay-notification.mapper';
import { verifyWechatpaySignedRequest } from './wechatpay-signature.verifier';
import { checkWechatpayTransaction } from './wechatpay-transaction.validator';

/** A v3 notification request as received. */
export interface WechatpayNotificationRequest {
  headers: IncomingHttpHeaders;
  /** The raw body, decoded as UTF-8 (the signature covers these exact characters). */
  body: string;
  receivedAtMs: number;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? undefined : value;
};

/**
 * Every pure check of a WeChat Pay v3 payment notification, in the order the protocol requires:
 * signature first over the raw body (never parse before verifying), then decryption, then the
 * content rules. Returns the record to publish or the first refusal.
 */
export function verifyWechatpayNotification(
  request: WechatpayNotificationRequest,
  merchant: Pick<WechatpayMerchantConfig, 'mchid' | 'appid' | 'apiV3Key' | 'platformKeys'>,
  currency: string,
): Checked<VerifiedNotification> {
  const signature = verifyWechatpaySignedRequest(
    {
      timestamp: header(request.headers, WechatpayHeaders.timestamp),
      nonce: header(request.headers, WechatpayHeaders.nonce),
      signature: header(request.headers, WechatpayHeaders.signature),
      serial: header(request.headers, WechatpayHeaders.serial),
      signatureType: header(request.headers, WechatpayHeaders.signatureType),
      body: request.body,
    },
    merchant.platformKeys,
    request.receivedAtMs,
  );
  if (!signature.ok) return signature;
  const decrypted = decryptWechatpayNotification(request.body, merchant.apiV3Key);
  if (!decrypted.ok) return decrypted;
  const checked = checkWechatpayTransaction(decrypted.value.transaction, merchant, currency);
  if (!checked.ok) return checked;
  const notifiedAt = parseIsoDateTime(decrypted.value.envelope.create_time);
  if (!notifiedAt) return failed('INVALID_TIME', 'create_time is not ISO-8601 with an offset');
  const record = toWechatpayPaymentNotification({
    decrypted: decrypted.value,
    checked: checked.value,
    notifiedAt,
    serial: signature.value.serial,
    rawBody: request.body,
    receivedAtMs: request.receivedAtMs,
  });
  return passed({ record, nonce: { value: signature.value.nonce, signedAtMs: signature.value.signedAtMs }, outcome: checked.value.outcome });
}
