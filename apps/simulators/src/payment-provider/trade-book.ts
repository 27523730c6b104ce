import { randomInt } from 'node:crypto';

/** One refund of a trade, under the merchant's refund number (out_refund_no / out_request_no). */
export interface SimulatedRefund {
  outRefundNo: string;
  /** The provider's refund id (WeChat Pay refund_id). */
  refundId: string;
  amount: number;
  refundedAtMs: number;
}

/** A payment as the simulated provider keeps it. */
export interface SimulatedTrade {
  provider: 'WECHAT_PAY' | 'ALIPAY';
  outTradeNo: string;
  transactionId: string;
  /** Provider vocabulary: WeChat Pay SUCCESS/REFUND/NOTPAY…, Alipay TRADE_SUCCESS/TRADE_CLOSED… */
  tradeState: string;
  amount: number;
  refunded: number;
  /** Every refund made, once per refund number. */
  refunds: SimulatedRefund[];
  payerId: string;
  createdAtMs: number;
  paidAtMs: number | null;
}

const digits = (count: number): string => Array.from({ length: count }, () => randomInt(10)).join('');

/** The simulated provider's ledger, in memory. */
export class TradeBook {
  private readonly trades = new Map<string, SimulatedTrade>();

  /** Records a successful payment (the buyer paid now). */
  pay(provider: SimulatedTrade['provider'], outTradeNo: string, amount: number, nowMs = Date.now()): SimulatedTrade {
    const trade: SimulatedTrade = {
      provider,
      outTradeNo,
      transactionId: provider === 'WECHAT_PAY' ? `4200${digits(24)}` : `${new Date(nowMs).getUTCFullYear()}${digits(24)}`,
      tradeState: provider === 'WECHAT_PAY' ? 'SUCCESS' : 'TRADE_SUCCESS',
      amount,
      refunded: 0,
      refunds: [],
      payerId: provider === 'WECHAT_PAY' ? `oSim${digits(12)}` : `2088${digits(12)}`,
      createdAtMs: nowMs - 2_000,
      paidAtMs: nowMs,
    };
    this.trades.set(this.key(provider, outTradeNo), trade);
    return trade;
  }

  find(provider: SimulatedTrade['provider'], outTradeNo: string): SimulatedTrade | undefined {
    return this.trades.get(this.key(provider, outTradeNo));
  }

  /** The trade with this provider transaction id (refunds may name the trade either way). */
  findByTransactionId(provider: SimulatedTrade['provider'], transactionId: string): SimulatedTrade | undefined {
    return [...this.trades.values()].find((trade) => trade.provider === provider && trade.transactionId === transactionId);
  }

  /**
   * Refunds part or all of a trade under the merchant's refund number, as the providers do:
   * the number is the idempotency key, so a repeated request returns the refund already made
   * (`repeated: true`) and moves no money. Null when a new refund exceeds what is left.
   */
  refund(trade: SimulatedTrade, outRefundNo: string, amount: number, nowMs = Date.now()): { refund: SimulatedRefund; repeated: boolean } | null {
    const earlier = trade.refunds.find((refund) => refund.outRefundNo === outRefundNo);
    if (earlier) return { refund: earlier, repeated: true };
    if (amount <= 0 || trade.refunded + amount > trade.amount) return null;
    const refund: SimulatedRefund = { outRefundNo, refundId: `5030${digits(24)}`, amount, refundedAtMs: nowMs };
    trade.refunds.push(refund);
    trade.refunded += amount;
    if (trade.provider === 'WECHAT_PAY') trade.tradeState = 'REFUND';
    else if (trade.refunded === trade.amount) trade.tradeState = 'TRADE_CLOSED';
    return { refund, repeated: false };
  }

  private key(provider: string, outTradeNo: string): string {
    return `${provider}:${outTradeNo}`;
  }
}
