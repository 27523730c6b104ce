import { verifyAlipayParams } from '@oms/payment-protocols';
import type { AlipayMerchantConfig } from '../../config/gateway-config';
import { failed, passed, type Checked } from '../intake/notification-refusal';
import type { VerifiedNotification } from '../intake/verified-notification';
import { parseAlipayForm } from './alipay-form.parser';
import { toAlipayPaymentNotification } from './alipay-notification.mapper';
import { checkAlipayNotification } from './alipay-notification.validator';

/** An Alipay asynchronous notification as received. */
export interface AlipayNotificationRequest {
  /** The form body exactly as received. */
  body: string;
  receivedAtMs: number;
}

/**
 * Every pure check of an Alipay notification: RSA2 over the sorted decoded parameters without
 * `sign` and `sign_type` (RSA1 and others are refused), then the content rules.
 */
export function verifyAlipayNotification(
  request: AlipayNotificationRequest,
  merchant: Pick<AlipayMerchantConfig, 'appId' | 'sellerId' | 'alipayPublicKey'>,
  currency: string,
): Checked<VerifiedNotification> {
  const form = parseAlipayForm(request.body);
  if (!form.ok) return form;
  const params = form.value;
  if (params['sign_type'] !== 'RSA2') return failed('UNSUPPORTED_SIGNATURE_TYPE', `sign_type ${String(params['sign_type']).slice(0, 16)}, only RSA2 is accepted`);
  if (!verifyAlipayParams(params, merchant.alipayPublicKey)) return failed('BAD_SIGNATURE', 'sign does not verify over the sorted parameters');
  const checked = checkAlipayNotification(params, merchant);
  if (!checked.ok) return checked;
  const record = toAlipayPaymentNotification(params, checked.value, { rawBody: request.body, receivedAtMs: request.receivedAtMs, currency });
  return passed({ record, nonce: null, outcome: checked.value.outcome });
}
