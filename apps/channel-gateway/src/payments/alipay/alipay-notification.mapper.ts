import type { PaymentNotification } from '@oms/contracts';
import { beijingIsoText } from '../../common/beijing-time';
import type { CheckedAlipayNotification } from './alipay-notification.validator';

/**
 * The canonical PaymentNotification of a verified Alipay notification. Alipay's local times
 * (Beijing, no offset) get `+08:00` made explicit; `total_amount` is fen; `buyer_id` (or the newer
 * `buyer_open_id`) is the payer.
 */
export function toAlipayPaymentNotification(
  params: Record<string, string>,
  checked: CheckedAlipayNotification,
  context: { rawBody: string; receivedAtMs: number; currency: string },
): PaymentNotification {
  return {
    provider: 'ALIPAY',
    notificationId: checked.notifyId,
    eventType: params['notify_type'] ?? 'trade_status_sync',
    outTradeNo: checked.outTradeNo,
    transactionId: checked.transactionId,
    tradeState: params['trade_status'],
    merchantId: params['seller_id'],
    appId: params['app_id'],
    payerId: params['buyer_id'] || params['buyer_open_id'] || null,
    amount: checked.total,
    payerAmount: checked.payerTotal,
    currency: context.currency,
    successAt: checked.paidAt?.epochMs ?? null,
    successAtText: checked.paidAt?.isoText ?? null,
    notifiedAt: checked.notifiedAt.epochMs,
    notifiedAtText: checked.notifiedAt.isoText,
    receivedAt: context.receivedAtMs,
    receivedAtText: beijingIsoText(context.receivedAtMs),
    signatureVerified: true,
    verificationFailure: null,
    // Public-key mode has no certificate; certificate mode sends alipay_cert_sn.
    signingCertificateSerial: params['alipay_cert_sn'] || null,
    httpStatusAnswered: 200,
    rawBody: context.rawBody,
    decryptedResource: null,
  };
}
