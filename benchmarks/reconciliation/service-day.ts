import { lineIdOfRecord, type StatementLineInput } from '@oms/bank-statements';
import type { BankStatementLine, OrderPaid, RefundResult } from '@oms/contracts';
import { formatShanghaiIso, shanghaiDayStart, type RecordedFact } from '@oms/reconciliation-domain';

/** A bank line as reconciliation-service stores it (`statement_line`). */
export interface StoredLine {
  lineId: string;
  input: StatementLineInput;
}

/** A generated day as reconciliation-service stores it: facts of the order log and payments, and bank lines from the topic. */
export interface ServiceDay {
  businessDate: string;
  facts: RecordedFact[];
  lines: StoredLine[];
  /** Order-side flows the facts imply (payments + refunds). */
  flowCount: number;
  plantedUnderReview: number;
  plantedItems: Record<string, number>;
}

const BUSINESS_DATE = '2024-06-18';
const SPREAD_MS = 23 * 3_600_000;

/**
 * The benchmark's day as records, in arrival order. Every 1 000 payments: one each of
 * AMOUNT_MISMATCH, TIME_GAP, MISSING_BANK_LINE, MISSING_PAYMENT (6 entries under review), 10 split
 * settlements, 10 merged carts (one bank line naming both transaction ids), 10 stock-out refunds.
 */
export function serviceDay(payments: number): ServiceDay {
  const dayStart = shanghaiDayStart(BUSINESS_DATE);
  const facts: RecordedFact[] = [];
  const lines: StoredLine[] = [];
  const plantedItems = { MISSING_BANK_LINE: 0, MISSING_PAYMENT: 0, AMOUNT_MISMATCH: 0, CURRENCY_MISMATCH: 0, TIME_GAP: 0 };
  let plantedUnderReview = 0;
  let flowCount = 0;
  let seq = 0;

  // A second-precision text denotes its whole second: the epoch ms is the second's start.
  const truncate = (epochMs: number, resolutionMs: number): number => epochMs - (epochMs % resolutionMs);
  const paid = (id: string, amount: number, at: number, resolutionMs: number): string => {
    const paidAt = truncate(at, resolutionMs);
    const text = formatShanghaiIso(paidAt, resolutionMs);
    const transactionId = `42${id}`;
    const value: OrderPaid = {
      orderId: `ord_${id}`, occurredAt: paidAt + 3_000, occurredAtText: text, provider: 'WECHAT_PAY', transactionId, outTradeNo: id, amount, currency: 'CNY',
      paidAt, paidAtText: text, notificationId: `pn${id}`, confirmedAt: paidAt + 3_000, confirmedAtText: text,
    };
    facts.push({ factId: `f${seq}`, seq: seq++, recordName: 'OrderPaid', value });
    flowCount++;
    return transactionId;
  };
  const refunded = (id: string, amount: number, successAt: number): void => {
    const at = truncate(successAt, 1_000);
    const text = formatShanghaiIso(at, 1_000);
    const value: RefundResult = {
      provider: 'WECHAT_PAY', outTradeNo: id, outRefundNo: `RF${id}`, refundId: `50${id}`, transactionId: `42${id}`, status: 'SUCCESS', providerStatus: 'SUCCESS',
      refundAmount: amount, totalAmount: amount, currency: 'CNY', userReceivedAccount: null, successAt: at, successAtText: text, receivedAt: at, receivedAtText: text, rawBody: '{}',
    };
    facts.push({ factId: `f${seq}`, seq: seq++, recordName: 'RefundResult', value });
    flowCount++;
  };
  const bank = (ref: string, amount: number, at: number, transactionId: string | null, remark: string | null = null): void => {
    const text = formatShanghaiIso(at, 1);
    const record: BankStatementLine = {
      bankTransactionRef: `bsl-${ref}`, bankCode: 'CMB', accountNumber: '**** 6021', amount, currency: 'CNY', balanceAfter: null, counterpartyName: null, counterpartyAccount: null,
      counterpartyBank: null, summary: null, remark, paymentTransactionId: transactionId, bookingDate: BUSINESS_DATE, transactedAt: at, transactedAtText: text, statementId: null, receivedAt: at, receivedAtText: text,
    };
    lines.push({ lineId: lineIdOfRecord(record), input: { source: 'topic', record } });
  };

  for (let i = 0; i < payments; i++) {
    const id = `20240618${String(i).padStart(10, '0')}`;
    const at = dayStart + Math.floor((i * SPREAD_MS) / payments);
    const resolution = i % 2 === 0 ? 1_000 : 1;
    const amount = 100 + ((i * 7_919) % 500_000);
    const slot = i % 1_000;
    if (slot === 0) {
      bank(`B${id}`, amount - 1, at + 120, paid(id, amount, at, resolution));
      plantedItems.AMOUNT_MISMATCH++;
      plantedUnderReview += 2;
    } else if (slot === 1) {
      bank(`B${id}`, amount, at + 501, paid(id, amount, at, 1));
      plantedItems.TIME_GAP++;
      plantedUnderReview += 2;
    } else if (slot === 2) {
      paid(id, amount, at, resolution);
      plantedItems.MISSING_BANK_LINE++;
      plantedUnderReview += 1;
    } else if (slot === 3) {
      bank(`B${id}`, amount, at + 120, paid(id, amount, at, resolution));
      bank(`X${id}`, amount, at + 120, `UNKNOWN${id}`);
      plantedItems.MISSING_PAYMENT++;
      plantedUnderReview += 1;
    } else if (slot >= 10 && slot < 20) {
      const tx = paid(id, amount, at, resolution);
      bank(`B${id}a`, 50, at + 120, tx);
      bank(`B${id}b`, amount - 50, at + 120, tx);
    } else if (slot >= 20 && slot < 30) {
      const first = paid(id, amount, at, resolution);
      const second = paid(`${id}m`, 990, at, resolution);
      bank(`B${id}`, amount + 990, at + 120, first, `合并支付 ${first} ${second}`);
    } else if (slot >= 30 && slot < 40) {
      const tx = paid(id, amount, at, resolution);
      refunded(id, amount, at + 3_000);
      bank(`B${id}`, amount, at + 120, tx);
      bank(`B${id}r`, -amount, at + 3_100, tx);
    } else {
      bank(`B${id}`, amount, at + 120, paid(id, amount, at, resolution));
    }
  }
  return { businessDate: BUSINESS_DATE, facts, lines, flowCount, plantedUnderReview, plantedItems };
}
