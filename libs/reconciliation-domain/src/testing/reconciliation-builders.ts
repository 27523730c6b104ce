import type { BankLine } from '../model/bank-line';
import type { ExpectedFlow } from '../model/expected-flow';
import { reconciliationConfig, type ReconciliationConfig } from '../model/reconciliation-config';
import { requireBankTime } from '../time/bank-time.parser';

// Short builders for matching tests. Times are texts, so every test states its precision:
// '2024-06-18 10:31:02' is second precision, '2024-06-18T10:31:02.412+08:00' millisecond.

/** The default "now" of the tests: the day after the sample payments, 09:00 Shanghai. */
export const NOW = Date.parse('2024-06-19T09:00:00+08:00');

/** A config at {@link NOW} with the defaults (500 ms, 24 h), overridable. */
export function testConfig(overrides: Partial<ReconciliationConfig> = {}): ReconciliationConfig {
  return { ...reconciliationConfig(NOW), ...overrides };
}

/** A payment of `amount` fen with transaction id `TX-<id>` and out_trade_no `OTN-<id>`. */
export function payment(id: string, amount: number, timeText: string, overrides: Partial<ExpectedFlow> = {}): ExpectedFlow {
  return {
    flowId: `pay:OTN-${id}`,
    kind: 'PAYMENT',
    orderId: `ord-${id}`,
    provider: 'WECHAT_PAY',
    outTradeNo: `OTN-${id}`,
    transactionId: `TX-${id}`,
    outRefundNo: null,
    refundId: null,
    combinedRef: null,
    amount,
    currency: 'CNY',
    time: requireBankTime(timeText),
    rawResponse: `{"transaction_id":"TX-${id}","trade_state":"SUCCESS"}`,
    ...overrides,
  };
}

/** A refund `refundNo` of `amount` fen (given positive, stored negative) of payment `paymentId`. */
export function refund(refundNo: string, paymentId: string, amount: number, timeText: string, overrides: Partial<ExpectedFlow> = {}): ExpectedFlow {
  return {
    ...payment(paymentId, -amount, timeText),
    flowId: `refund:${refundNo}`,
    kind: 'REFUND',
    outRefundNo: refundNo,
    refundId: `RID-${refundNo}`,
    rawResponse: `{"out_refund_no":"${refundNo}","refund_status":"SUCCESS"}`,
    ...overrides,
  };
}

/** A bank line `ref` of `amount` signed fen naming `references`. */
export function bankLine(ref: string, amount: number, references: string[], timeText: string, overrides: Partial<BankLine> = {}): BankLine {
  return {
    lineId: ref,
    bankTransactionRef: ref,
    amount,
    currency: 'CNY',
    references,
    time: requireBankTime(timeText),
    counterpartyName: '财付通支付科技有限公司',
    remark: `微信支付 ${references.join(' ')}`,
    ...overrides,
  };
}

/**
 * The ids of a result, compact for assertions: matches as matchId, items as reviewItemId, each
 * list sorted alphabetically (results come in time order; the property tests cover that order).
 */
export function outcomeIds(result: { matches: { matchId: string }[]; reviewItems: { reviewItemId: string }[]; pending: { flowId: string }[] }) {
  return {
    matches: result.matches.map((group) => group.matchId).sort(),
    reviewItems: result.reviewItems.map((item) => item.reviewItemId).sort(),
    pending: result.pending.map((flow) => flow.flowId).sort(),
  };
}
