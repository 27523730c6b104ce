import { encode, Headers, Topics, type BankStatementLine, type OutgoingMessage } from '@oms/contracts';
import type { PlannedOrder, ScenarioPlan } from './scenario-plan';

/** A payment as the provider settled it (from the simulated provider's own trade book). */
export interface SettledTrade {
  outTradeNo: string;
  provider: 'WECHAT_PAY' | 'ALIPAY';
  transactionId: string;
  amount: number;
  paidAtMs: number;
  /** Refunds the provider made (the stock-out's compensation): debits on the statement. */
  refunds: Array<{ refundId: string; amount: number; refundedAtMs: number }>;
}

/** The planted bank-side anomalies. */
const AMOUNT_SHORTFALL = 100;
const LATE_CREDIT_MS = 5_000;
const COUNTERPARTY = { WECHAT_PAY: '财付通支付科技有限公司', ALIPAY: '支付宝（中国）网络技术有限公司' } as const;

function shanghaiText(epochMs: number): string {
  return `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/**
 * The merchant's bank statement for the day, as the bank feed delivers it: one credit per settled
 * payment carrying the provider's transaction id, at the provider's success time (whole seconds,
 * as banks write it) — except where the plan says otherwise: a missing line, 1 yuan short, five
 * seconds late.
 */
export function bankStatementLines(plan: ScenarioPlan, trades: ReadonlyMap<string, SettledTrade>, receivedAtMs: number): BankStatementLine[] {
  const lines: BankStatementLine[] = [];
  const line = (ref: string, trade: SettledTrade, amount: number, atMs: number, summary: string, remark: string): BankStatementLine => {
    const transactedAt = Math.floor(atMs / 1000) * 1000;
    return {
      bankTransactionRef: `CMB${plan.runId}${ref}`,
      bankCode: 'CMB',
      accountNumber: '************6021',
      amount,
      currency: 'CNY',
      balanceAfter: null,
      counterpartyName: COUNTERPARTY[trade.provider],
      counterpartyAccount: null,
      counterpartyBank: null,
      summary,
      remark,
      paymentTransactionId: trade.transactionId,
      bookingDate: shanghaiText(transactedAt).slice(0, 10),
      transactedAt,
      transactedAtText: shanghaiText(transactedAt),
      statementId: `CMB-${plan.businessDate}`,
      receivedAt: receivedAtMs,
      receivedAtText: shanghaiText(receivedAtMs),
    };
  };
  plan.orders.forEach((planned: PlannedOrder, index) => {
    const trade = planned.order.outTradeNo ? trades.get(planned.order.outTradeNo) : undefined;
    if (!trade) return;
    const serial = String(index).padStart(5, '0');
    if (!planned.tags.includes('bank-line-missing')) {
      const amount = trade.amount - (planned.tags.includes('bank-amount-differs') ? AMOUNT_SHORTFALL : 0);
      lines.push(line(serial, trade, amount, trade.paidAtMs + (planned.tags.includes('bank-time-gap') ? LATE_CREDIT_MS : 0), '网银跨行汇款', trade.transactionId));
    }
    trade.refunds.forEach((refund, k) => lines.push(line(`${serial}R${k}`, trade, -refund.amount, refund.refundedAtMs, '退款', refund.refundId)));
  });
  return lines;
}

/** The lines as the bank feed publishes them on `oms.ingress.bank-statements.v1`. */
export function bankFeedMessages(lines: readonly BankStatementLine[]): OutgoingMessage[] {
  return lines.map((line) => ({ topic: Topics.ingressBankStatements, key: line.bankTransactionRef, value: encode('BankStatementLine', line), headers: { [Headers.messageId]: `bank-${line.bankTransactionRef}` } }));
}
