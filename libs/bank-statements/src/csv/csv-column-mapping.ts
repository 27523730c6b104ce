import type { AmountUnit } from '../amount/yuan-amount.parser';
import type { DirectionWords } from '../amount/direction-vocabulary';

/**
 * Where the money is: one signed column; one unsigned column plus a direction column (借/贷,
 * 收入/支出); or a credit column and a debit column (收入金额 / 支出金额), one filled per row.
 */
export type AmountMapping =
  | { column: string; unit: AmountUnit; direction?: { column: string; words?: DirectionWords } }
  | { creditColumn: string; debitColumn: string; unit: AmountUnit };

/** Where the bank's time is: one column, or a date column and a time column (交易日期 + 交易时间). */
export type TimeMapping = { column: string } | { dateColumn: string; timeColumn: string };

/**
 * Which header names hold what. Names are matched exactly after trimming (Chinese headers as the
 * bank writes them). Only `amount` and `time` are required; a file without a bank reference
 * column gets content-derived ids.
 *
 * @example
 * const icbc: CsvColumnMapping = {
 *   bankTransactionRef: '交易流水号', transactionId: '商户订单号', time: { column: '交易时间' },
 *   amount: { column: '发生额', unit: 'yuan', direction: { column: '借贷标志' } },
 *   counterpartyName: '对方户名', remark: '摘要',
 * };
 */
export interface CsvColumnMapping {
  /** The money (发生额, 收入/支出…). */
  amount: AmountMapping;
  /** The bank's time (交易时间), read as Asia/Shanghai when it has no offset. */
  time: TimeMapping;
  /** The bank's reference of the line (交易流水号); the line id is derived from it when present. */
  bankTransactionRef?: string;
  /** The payment provider's transaction id, when the bank puts it in a column of its own. */
  transactionId?: string;
  /** The merchant trade number (商户订单号), when present. */
  outTradeNo?: string;
  /** The booking date (记账日期), when it differs from the time's date. */
  bookingDate?: string;
  /** The currency (币种); the options' currency (default CNY) when absent. */
  currency?: string;
  /** The balance after the line (余额), in the amount's unit. */
  balance?: string;
  /** 对方户名. */
  counterpartyName?: string;
  /** 对方账号. */
  counterpartyAccount?: string;
  /** 对方开户行. */
  counterpartyBank?: string;
  /** 摘要 / 交易类型. */
  summary?: string;
  /** 附言 / 用途 / 备注: provider ids found here become matching references. */
  remark?: string;
}

/** Every header name the mapping refers to, in a fixed order. */
export function mappedColumns(mapping: CsvColumnMapping): string[] {
  const amount = 'creditColumn' in mapping.amount ? [mapping.amount.creditColumn, mapping.amount.debitColumn] : [mapping.amount.column, mapping.amount.direction?.column];
  const time = 'column' in mapping.time ? [mapping.time.column] : [mapping.time.dateColumn, mapping.time.timeColumn];
  const rest = [
    mapping.bankTransactionRef, mapping.transactionId, mapping.outTradeNo, mapping.bookingDate, mapping.currency, mapping.balance,
    mapping.counterpartyName, mapping.counterpartyAccount, mapping.counterpartyBank, mapping.summary, mapping.remark,
  ];
  return [...amount, ...time, ...rest].filter((name): name is string => name !== undefined);
}
