import { businessDateFor, formatShanghaiIso, remarkReferences } from '@oms/reconciliation-domain';
import { lineIdOf } from '../identity/line-id';
import type { ParsedStatementLine } from '../model/statement-import';
import type { StatementRowFields } from './statement-row';

/** Facts about the whole file that every line's record carries. */
export interface StatementContext {
  bankCode: string;
  maskedAccountNumber: string;
  receivedAt: number;
  statementId: string;
}

function normalisedRow(fields: StatementRowFields): string {
  const parts = [
    fields.bankTime.epochMs, fields.bankTime.resolutionMs, fields.amountFen, fields.currency, fields.transactionId, fields.outTradeNo,
    fields.counterpartyAccount, fields.counterpartyName, fields.summary, fields.remark, fields.balanceAfterFen,
  ];
  return parts.map((part) => (part === null ? '' : String(part))).join('\u001f');
}

function referencesOf(fields: StatementRowFields): string[] {
  const all = [fields.transactionId, fields.outTradeNo, ...fields.extraReferences, ...remarkReferences(fields.remark)];
  return [...new Set(all.filter((reference): reference is string => reference !== null))];
}

function lineOf(fields: StatementRowFields, lineId: string, context: StatementContext): ParsedStatementLine {
  const { bankTime } = fields;
  return {
    lineId,
    rowNumber: fields.rowNumber,
    bankTime,
    outTradeNo: fields.outTradeNo,
    references: referencesOf(fields),
    record: {
      bankTransactionRef: fields.bankTransactionRef ?? lineId,
      bankCode: context.bankCode,
      accountNumber: context.maskedAccountNumber,
      amount: fields.amountFen,
      currency: fields.currency,
      balanceAfter: fields.balanceAfterFen,
      counterpartyName: fields.counterpartyName,
      counterpartyAccount: fields.counterpartyAccount,
      counterpartyBank: fields.counterpartyBank,
      summary: fields.summary,
      remark: fields.remark,
      paymentTransactionId: fields.transactionId ?? fields.extraReferences[0] ?? null,
      bookingDate: fields.bookingDate ?? businessDateFor(bankTime.epochMs),
      transactedAt: bankTime.epochMs,
      transactedAtText: formatShanghaiIso(bankTime.epochMs, bankTime.resolutionMs),
      statementId: context.statementId,
      receivedAt: context.receivedAt,
      receivedAtText: formatShanghaiIso(context.receivedAt),
    },
  };
}

/**
 * Turns normalised rows into statement lines with stable ids. Rows without a bank reference are
 * identified by content plus their occurrence among identical rows, counted in file order.
 */
export function buildStatementLines(rows: readonly StatementRowFields[], context: StatementContext): ParsedStatementLine[] {
  const seen = new Map<string, number>();
  return rows.map((fields) => {
    if (fields.bankTransactionRef !== null) {
      return lineOf(fields, lineIdOf({ kind: 'bank-ref', bankCode: context.bankCode, bankTransactionRef: fields.bankTransactionRef }), context);
    }
    const content = normalisedRow(fields);
    const occurrence = (seen.get(content) ?? 0) + 1;
    seen.set(content, occurrence);
    return lineOf(fields, lineIdOf({ kind: 'content', bankCode: context.bankCode, normalisedRow: content, occurrence }), context);
  });
}
