import type { BankLine } from '@oms/reconciliation-domain';
import type { ParsedStatementLine } from '../model/statement-import';

/**
 * An imported line as a matching input of `@oms/reconciliation-domain`, keeping the bank's time
 * as the file wrote it (text and precision), which the report shows as "when finance received the money".
 */
export function toBankLine(line: ParsedStatementLine): BankLine {
  return {
    lineId: line.lineId,
    bankTransactionRef: line.record.bankTransactionRef,
    amount: line.record.amount,
    currency: line.record.currency,
    references: line.references,
    time: line.bankTime,
    counterpartyName: line.record.counterpartyName,
    remark: line.record.remark ?? line.record.summary,
  };
}
