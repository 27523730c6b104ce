import { businessDateFor, parseBankTime, type BankTimeResult } from '@oms/reconciliation-domain';
import { parseAmount } from '../amount/yuan-amount.parser';
import { cellValue, type RowOutcome } from '../import/statement-row';
import { readCsvAmount } from './csv-amount.reader';
import type { CsvColumnMapping, TimeMapping } from './csv-column-mapping';
import { widthOf, type LocatedHeader } from './csv-header.locator';

type Cell = (name: string) => string | null;

function readTime(cell: Cell, mapping: TimeMapping): BankTimeResult {
  if ('column' in mapping) return parseBankTime(cell(mapping.column) ?? '');
  const date = cell(mapping.dateColumn) ?? '';
  const time = cell(mapping.timeColumn) ?? '';
  // 20240618 + 103102 → 20240618103102; 2024-06-18 + 10:31:02 → "2024-06-18 10:31:02".
  const joined = /^\d+$/.test(date) && /^\d+$/.test(time) ? `${date}${time.padStart(6, '0')}` : `${date} ${time}`;
  return parseBankTime(joined);
}

function readBookingDate(text: string | null): { ok: true; date: string | null } | { ok: false; reason: string } {
  if (text === null) return { ok: true, date: null };
  const parsed = parseBankTime(text);
  return parsed.ok ? { ok: true, date: businessDateFor(parsed.time.epochMs) } : parsed;
}

/**
 * Reads one data record under the mapping. Every unreadable field is named in the reason — an
 * unparsable amount or date is an error on the row, never a zero (issue 7).
 */
export function mapCsvRow(record: readonly string[], header: LocatedHeader, mapping: CsvColumnMapping, rowNumber: number, currency: string): RowOutcome {
  const bad = (reason: string): RowOutcome => ({ kind: 'bad', row: { rowNumber, sourceLine: rowNumber, reason } });
  // A row with fields missing or extra has shifted columns: reading it would misplace the money.
  if (widthOf(record) > header.width || record.length < header.width) return bad(`row has ${widthOf(record)} fields, the header has ${header.width}`);
  const cell: Cell = (name) => cellValue(record[header.columns.get(name) ?? -1]);
  const optional = (name: string | undefined): string | null => (name === undefined ? null : cell(name));

  const time = readTime(cell, mapping.time);
  const amount = readCsvAmount(cell, mapping.amount);
  const balanceText = optional(mapping.balance);
  const balance = balanceText === null ? null : parseAmount(balanceText, mapping.amount.unit);
  const bookingDate = readBookingDate(optional(mapping.bookingDate));
  const problems = [
    amount.ok ? null : `amount: ${amount.reason}`,
    time.ok ? null : `time: ${time.reason}`,
    balance === null || balance.ok ? null : `balance: ${balance.reason}`,
    bookingDate.ok ? null : `booking date: ${bookingDate.reason}`,
  ].filter((problem): problem is string => problem !== null);
  if (problems.length > 0 || !amount.ok || !time.ok || !bookingDate.ok) return bad(problems.join('; '));

  return {
    kind: 'line',
    fields: {
      rowNumber,
      sourceLine: rowNumber,
      bankTransactionRef: optional(mapping.bankTransactionRef),
      amountFen: amount.fen,
      currency: optional(mapping.currency) ?? currency,
      bankTime: time.time,
      bookingDate: bookingDate.date,
      transactionId: optional(mapping.transactionId),
      outTradeNo: optional(mapping.outTradeNo),
      extraReferences: [],
      counterpartyName: optional(mapping.counterpartyName),
      counterpartyAccount: optional(mapping.counterpartyAccount),
      counterpartyBank: optional(mapping.counterpartyBank),
      summary: optional(mapping.summary),
      remark: optional(mapping.remark),
      balanceAfterFen: balance?.ok ? balance.fen : null,
    },
  };
}
