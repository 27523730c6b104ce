/**
 * What a provider's trade state means for the money, in one vocabulary for both providers:
 *
 * - `PAID`: the money arrived (WeChat Pay SUCCESS; Alipay TRADE_SUCCESS, still refundable).
 * - `PAID_FINAL`: the money arrived and the trade can no longer be refunded (Alipay TRADE_FINISHED).
 * - `PENDING`: created, not paid yet (NOTPAY, USERPAYING, WAIT_BUYER_PAY).
 * - `CLOSED`: closed unpaid or fully refunded (CLOSED, REVOKED, TRADE_CLOSED).
 * - `REFUNDING`: paid, a refund is under way (WeChat Pay REFUND).
 * - `FAILED`: the payment failed (PAYERROR).
 */
export type TradeOutcome = 'PAID' | 'PAID_FINAL' | 'PENDING' | 'CLOSED' | 'REFUNDING' | 'FAILED';

/** Provider trade states and their meaning (Alipay trade_status, WeChat Pay trade_state). Data, not a switch. */
export const TRADE_OUTCOMES: Readonly<Record<'WECHAT_PAY' | 'ALIPAY', Readonly<Record<string, TradeOutcome>>>> = {
  WECHAT_PAY: {
    SUCCESS: 'PAID',
    REFUND: 'REFUNDING',
    NOTPAY: 'PENDING',
    USERPAYING: 'PENDING',
    CLOSED: 'CLOSED',
    REVOKED: 'CLOSED',
    PAYERROR: 'FAILED',
  },
  ALIPAY: {
    WAIT_BUYER_PAY: 'PENDING',
    TRADE_CLOSED: 'CLOSED',
    TRADE_SUCCESS: 'PAID',
    TRADE_FINISHED: 'PAID_FINAL',
  },
};

/** The meaning of a provider's trade state; undefined for a state the provider does not define. */
export function tradeOutcomeOf(provider: 'WECHAT_PAY' | 'ALIPAY', tradeState: string): TradeOutcome | undefined {
  return Object.prototype.hasOwnProperty.call(TRADE_OUTCOMES[provider], tradeState) ? TRADE_OUTCOMES[provider][tradeState] : undefined;
}

/** True for states that prove the money arrived. */
export function isPaidOutcome(outcome: TradeOutcome | undefined): boolean {
  return outcome === 'PAID' || outcome === 'PAID_FINAL';
}
