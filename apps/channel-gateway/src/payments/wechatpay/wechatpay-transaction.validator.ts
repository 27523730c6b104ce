import { parseIsoDateTime, type IsoDateTime } from '@oms/order-domain';
import { isPaidOutcome, tradeOutcomeOf, type TradeOutcome, type WechatpayTransaction } from '@oms/payment-protocols';
import type { WechatpayMerchantConfig } from '../../config/gateway-config';
import { checkNotificationAmounts } from '../intake/amount-checks';
import { failed, passed, type Checked } from '../intake/notification-refusal';
import { checkTradeIds } from '../intake/trade-id-checks';

/** The facts of a checked transaction, typed. */
export interface CheckedWechatpayTransaction {
  transactionId: string;
  outTradeNo: string;
  outcome: TradeOutcome;
  total: number;
  payerTotal: number | null;
  currency: string;
  successAt: IsoDateTime | null;
  successAtText: string | null;
}

/**
 * Checks a decrypted transaction against the merchant: both ids, our mchid and appid, a trade
 * state WeChat Pay defines, the amounts and currency, and a success time with offset for a paid
 * trade.
 */
export function checkWechatpayTransaction(
  transaction: WechatpayTransaction,
  merchant: Pick<WechatpayMerchantConfig, 'mchid' | 'appid'>,
  currency: string,
): Checked<CheckedWechatpayTransaction> {
  const ids = checkTradeIds('WECHAT_PAY', transaction.transaction_id, transaction.out_trade_no);
  if (!ids.ok) return ids;
  if (transaction.mchid !== merchant.mchid) return failed('WRONG_MERCHANT', `mchid ${String(transaction.mchid).slice(0, 32)} is not ours`);
  if (transaction.appid !== merchant.appid) return failed('WRONG_APP', `appid ${String(transaction.appid).slice(0, 32)} is not ours`);
  const outcome = typeof transaction.trade_state === 'string' ? tradeOutcomeOf('WECHAT_PAY', transaction.trade_state) : undefined;
  if (!outcome) return failed('UNKNOWN_TRADE_STATE', `trade_state ${String(transaction.trade_state).slice(0, 32)}`);
  const amounts = checkNotificationAmounts(transaction.amount?.total, transaction.amount?.payer_total);
  if (!amounts.ok) return amounts;
  if (transaction.amount?.currency !== currency) return failed('WRONG_CURRENCY', `currency ${String(transaction.amount?.currency).slice(0, 8)}, expected ${currency}`);
  const successText = typeof transaction.success_time === 'string' ? transaction.success_time : null;
  const successAt = successText === null ? null : parseIsoDateTime(successText);
  if (isPaidOutcome(outcome) && !successAt) return failed('INVALID_TIME', 'success_time is missing or not ISO-8601 with an offset');
  return passed({ ...ids.value, outcome, total: amounts.value.total, payerTotal: amounts.value.payerTotal, currency, successAt, successAtText: successAt ? successText : null });
}
