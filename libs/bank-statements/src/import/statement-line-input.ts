import type { BankStatementLine } from '@oms/contracts';
import { bankLineFromRecord, type BankLine } from '@oms/reconciliation-domain';
import { lineIdOf } from '../identity/line-id';
import type { ParsedStatementLine } from '../model/statement-import';
import { toBankLine } from './to-bank-line';

/**
 * A bank line as a consumer keeps it: the contract record from `oms.ingress.bank-statements.v1`,
 * or the parsed line of an imported file — which keeps the bank's time at the precision the file
 * wrote it (the record has no precision field).
 */
export type StatementLineInput = { source: 'topic'; record: BankStatementLine } | { source: 'file'; line: ParsedStatementLine };

/**
 * The id of a line from the topic: the one a file import gives a line with this bank reference
 * (or the reference itself when it already is such an id), so a line seen both ways is one line.
 */
export function lineIdOfRecord(record: BankStatementLine): string {
  return record.bankTransactionRef.startsWith('bsl-') ? record.bankTransactionRef : lineIdOf({ kind: 'bank-ref', bankCode: record.bankCode, bankTransactionRef: record.bankTransactionRef });
}

/** A kept line as a matching input, under the id it is stored by. */
export function bankLineOfInput(input: StatementLineInput, lineId: string): BankLine {
  const line = input.source === 'topic' ? bankLineFromRecord(input.record) : toBankLine(input.line);
  // The factories return a fresh object: set the id in place rather than copy a million lines.
  line.lineId = lineId;
  return line;
}
