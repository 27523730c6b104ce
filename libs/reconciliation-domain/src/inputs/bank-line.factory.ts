import type { BankStatementLine } from '@oms/contracts';
import type { BankLine } from '../model/bank-line';
import { recordedTime } from './recorded-time';

// Provider ids are long runs of letters, digits, '_' or '-' (WeChat Pay transaction ids have 28
// digits, Alipay trade numbers 28, refund ids 26+); 12 characters keeps dates and amounts out.
const REFERENCE_TOKEN = /[A-Za-z0-9_-]{12,64}/g;

/**
 * The payment references a bank remark (附言/用途) names, in order of appearance, without repeats.
 * Banks often put the provider's transaction id there — several for a merged cart.
 *
 * @example
 * remarkReferences('微信支付 4200002214202406181234567890'); // ['4200002214202406181234567890']
 */
export function remarkReferences(remark: string | null): string[] {
  if (!remark) return [];
  return [...new Set(remark.match(REFERENCE_TOKEN) ?? [])];
}

/**
 * A `BankStatementLine` record (from `oms.ingress.bank-statements.v1`) as a matching input.
 * References: the parsed `paymentTransactionId`, then whatever the remark names, then `extra`.
 */
export function bankLineFromRecord(record: BankStatementLine, extraReferences: readonly string[] = []): BankLine {
  const references = new Set<string>();
  if (record.paymentTransactionId) references.add(record.paymentTransactionId);
  for (const reference of [...remarkReferences(record.remark), ...extraReferences]) references.add(reference);
  return {
    lineId: record.bankTransactionRef,
    bankTransactionRef: record.bankTransactionRef,
    amount: record.amount,
    currency: record.currency,
    references: [...references],
    time: recordedTime(record.transactedAt, record.transactedAtText, 'BankStatementLine.transactedAt'),
    counterpartyName: record.counterpartyName,
    remark: record.remark ?? record.summary,
  };
}
