import type { PaymentNotification } from '@oms/contracts';
import type { IsoDateTime } from '@oms/order-domain';
import { beijingIsoText } from '../../common/beijing-time';
import type { DecryptedWechatpayNotification } from './wechatpay-notification.parser';
import type { CheckedWechatpayTransaction } from './wechatpay-transaction.validator';

/** Everything the record is made of. */
export interface WechatpayRecordParts {
  decrypted: DecryptedWechatpayNotification;
  checked: CheckedWechatpayTransaction;
  notifiedAt: IsoDateTime;
  serial: string;
  rawBody: string;
  receivedAtMs: number;
}

/**
 * The canonical PaymentNotification of a verified v3 notification: ids and amounts from the
 * decrypted transaction, the provider's own time texts kept verbatim, the raw body and the
 * decrypted resource kept for audit.
 */
export function toWechatpayPaymentNotification(parts: WechatpayRecordParts): PaymentNotification {
  const { decrypted, checked } = parts;
  const { envelope, transaction } = decrypted;
  return {
    provider: 'WECHAT_PAY',
    notificationId: envelope.id,
    eventType: envelope.event_type,
    outTradeNo: checked.outTradeNo,
    transactionId: checked.transactionId,
    tradeState: transaction.trade_state,
    merchantId: transaction.mchid,
    appId: transaction.appid,
    payerId: typeof transaction.payer?.openid === 'string' ? transaction.payer.openid : null,
    amount: checked.total,
    payerAmount: checked.payerTotal,
    currency: checked.currency,
    successAt: checked.successAt?.epochMs ?? null,
    successAtText: checked.successAtText,
    notifiedAt: parts.notifiedAt.epochMs,
    notifiedAtText: envelope.create_time,
    receivedAt: parts.receivedAtMs,
    receivedAtText: beijingIsoText(parts.receivedAtMs),
    signatureVerified: true,
    verificationFailure: null,
    signingCertificateSerial: parts.serial,
    httpStatusAnswered: 200,
    rawBody: parts.rawBody,
    decryptedResource: decrypted.resourceText,
  };
}
