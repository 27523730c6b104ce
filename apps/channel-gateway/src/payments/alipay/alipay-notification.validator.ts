import { parseAlipayTime, isPaidOutcome, tradeOutcomeOf, yuanTextToFen, type AlipayInstant, type TradeOutcome } from '@oms/payment-protocols';
import type { AlipayMerchantConfig } from '../../config/gateway-config';
import { failed, passed, type Checked } from '../intake/notification-refusal';
import { checkTradeIds } from '../intake/trade-id-checks';

/** The facts of a checked Alipay notification, typed. */
export interface CheckedAlipayNotification {
  notifyId: string;
  transactionId: string;
  outTradeNo: string;
  outcome: TradeOutcome;
  total: number;
  payerTotal: number | null;
  notifiedAt: AlipayInstant;
  paidAt: AlipayInstant | null;
}

function optionalFen(text: string | undefined): number | null | undefined {
  if (text === undefined || text === '') return null;
  return yuanTextToFen(text) ?? undefined;
}

/**
 * Content rules of an Alipay trade notification (after the RSA2 check): `app_id` and `seller_id`
 * are ours, both trade ids well-formed, `trade_status` one of WAIT_BUYER_PAY, TRADE_CLOSED,
 * TRADE_SUCCESS, TRADE_FINISHED, `total_amount` exact yuan text (→ fen), times readable.
 */
export function checkAlipayNotification(params: Record<string, string>, merchant: Pick<AlipayMerchantConfig, 'appId' | 'sellerId'>): Checked<CheckedAlipayNotification> {
  if (!params['notify_id']) return failed('MALFORMED_BODY', 'notify_id missing');
  if (params['app_id'] !== merchant.appId) return failed('WRONG_APP', `app_id ${String(params['app_id']).slice(0, 32)} is not ours`);
  if (params['seller_id'] !== merchant.sellerId) return failed('WRONG_MERCHANT', `seller_id ${String(params['seller_id']).slice(0, 32)} is not ours`);
  const ids = checkTradeIds('ALIPAY', params['trade_no'], params['out_trade_no']);
  if (!ids.ok) return ids;
  const outcome = tradeOutcomeOf('ALIPAY', params['trade_status'] ?? '');
  if (!outcome) return failed('UNKNOWN_TRADE_STATE', `trade_status ${String(params['trade_status']).slice(0, 32)}`);
  const total = yuanTextToFen(params['total_amount'] ?? '');
  if (total === null || total <= 0) return failed('INVALID_AMOUNT', `total_amount ${String(params['total_amount']).slice(0, 20)} is not a positive yuan amount with at most two decimals`);
  const payerTotal = optionalFen(params['buyer_pay_amount']);
  if (payerTotal === undefined || (payerTotal !== null && payerTotal > total)) return failed('INVALID_AMOUNT', 'buyer_pay_amount is not an amount up to total_amount');
  const notifiedAt = parseAlipayTime(params['notify_time'] ?? '');
  if (!notifiedAt) return failed('INVALID_TIME', 'notify_time is not yyyy-MM-dd HH:mm:ss');
  const paidAt = params['gmt_payment'] ? parseAlipayTime(params['gmt_payment']) : null;
  if (isPaidOutcome(outcome) && !paidAt) return failed('INVALID_TIME', 'gmt_payment is missing or not yyyy-MM-dd HH:mm:ss for a paid trade');
  return passed({ notifyId: params['notify_id'], ...ids.value, outcome, total, payerTotal, notifiedAt, paidAt });
}
