import { randomInt } from 'node:crypto';

/** A payment as the simulated provider keeps it. */
export interface SimulatedTrade {
  provider: 'WECHAT_PAY' | 'ALIPAY';
  outTradeNo: string;
  transactionId: string;
  /** Provider vocabulary: WeChat Pay SUCCESS/REFUND/NOTPAY…, Alipay TRADE_SUCCESS/TRADE_CLOSED… */
  tradeState: string;
  amount: number;
  refunded: number;
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

  /** Refunds part or all of a trade; null when the amount exceeds what is left. */
  refund(trade: SimulatedTrade, amount: number): SimulatedTrade | null {
    if (amount <= 0 || trade.refunded + amount > trade.amount) return null;
    trade.refunded += amount;
    if (trade.provider === 'WECHAT_PAY') trade.tradeState = 'REFUND';
    else if (trade.refunded === trade.amount) trade.tradeState = 'TRADE_CLOSED';
    return trade;
  }

  private key(provider: string, outTradeNo: string): string {
    return `${provider}:${outTradeNo}`;
  }
}
