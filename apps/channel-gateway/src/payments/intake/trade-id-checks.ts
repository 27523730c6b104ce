import { paymentIdProblems } from '@oms/order-domain';
import { failed, passed, type Checked } from './notification-refusal';

/**
 * Both ids must be present and well-formed (the source article: "transaction_id and out_trade_no
 * double check; empty or malformed → intercepted and logged"). The formats are the order
 * domain's data file, so the gateway and order-service apply the same rule.
 */
export function checkTradeIds(provider: 'WECHAT_PAY' | 'ALIPAY', transactionId: unknown, outTradeNo: unknown): Checked<{ transactionId: string; outTradeNo: string }> {
  if (typeof transactionId !== 'string' || transactionId === '') return failed('INVALID_IDS', 'transaction id missing');
  if (typeof outTradeNo !== 'string' || outTradeNo === '') return failed('INVALID_IDS', 'out_trade_no missing');
  const problems = paymentIdProblems(provider, transactionId.slice(0, 80), outTradeNo.slice(0, 80));
  if (problems.length > 0) return failed('INVALID_IDS', problems.join('; '));
  return passed({ transactionId, outTradeNo });
}
