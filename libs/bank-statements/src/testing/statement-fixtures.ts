import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import type { CsvColumnMapping } from '../csv/csv-column-mapping';

// The statement fixtures tell the same day as the contracts fixtures (2024-06-18, the tea order
// paid with WeChat Pay, transaction 4200002214202406181234567890, a ¥34.00 refund). The GBK file
// is committed as binary and is exactly `iconv.encode(ICBC_GBK_SOURCE, 'gbk')`: its UTF-8 source
// below is what a reviewer reads, and a test proves the two agree.

/** The fixtures folder. */
export const FIXTURES_DIR = join(__dirname, 'fixtures');

/** Bytes of a fixture file. */
export function readFixture(name: string): Buffer {
  return readFileSync(join(FIXTURES_DIR, name));
}

/** When the files were "received": 2024-06-19 02:00:13 Shanghai, as in the BankStatementLine fixture. */
export const RECEIVED_AT = Date.parse('2024-06-19T02:00:13+08:00');

/** The merchant's account at both banks. */
export const ACCOUNT_NUMBER = '6222 0210 0111 6021';

/** UTF-8 source of `icbc-statement-20240618.gbk.csv`: an ICBC-style 账户明细 export, CRLF, preamble and footer. */
export const ICBC_GBK_SOURCE = [
  '中国工商银行账户明细',
  '账号,6222021001116021',
  '户名,杭州青叶贸易有限公司',
  '起止日期,2024-06-18,2024-06-18',
  '交易时间,交易流水号,借贷标志,发生额,余额,对方户名,对方账号,对方开户行,摘要,附言',
  '2024-06-18 10:31:02,ICBC2024061810310200001,贷,275.00,"1,284,930.25",财付通支付科技有限公司,755915666010301,招商银行深圳分行,财付通快捷支付,微信支付 4200002214202406181234567890',
  '2024-06-18 10:40:21,ICBC2024061810402100002,借,34.00,"1,284,896.25",财付通支付科技有限公司,755915666010301,招商银行深圳分行,退款,微信退款 4200002214202406181234567890 50300908092024061800012345',
  '2024-06-18 11:02:19,ICBC2024061811021900003,贷,"1,280.00","1,286,176.25",支付宝（中国）网络技术有限公司,1001094719002666,中国工商银行杭州分行,支付宝转账,支付宝 2024061822001412345678901234',
  '2024-06-18 13:20:05,ICBC2024061813200500004,贷,888.00,"1,287,064.25",杭州茶语文化传播有限公司,33050161632700000123,建设银行杭州西湖支行,网银跨行汇款,"预付款,合同HT-0618"',
  '2024-06-18 16:45:00,ICBC2024061816450000005,借,5.50,"1,287,058.75",,,,手续费,跨行汇款手续费',
  '合计,,,收入 3 笔 2443.00 支出 2 笔 39.50,,,,,,',
  '',
].join('\r\n');

/** The GBK bytes of the ICBC export, built from its UTF-8 source. */
export function icbcGbkBytes(): Buffer {
  return iconv.encode(ICBC_GBK_SOURCE, 'gbk');
}

/** Column mapping of the ICBC-style export: one unsigned amount with a 借/贷 column. */
export const ICBC_MAPPING: CsvColumnMapping = {
  time: { column: '交易时间' },
  bankTransactionRef: '交易流水号',
  amount: { column: '发生额', unit: 'yuan', direction: { column: '借贷标志' } },
  balance: '余额',
  counterpartyName: '对方户名',
  counterpartyAccount: '对方账号',
  counterpartyBank: '对方开户行',
  summary: '摘要',
  remark: '附言',
};

/** Column mapping of the CMB-style UTF-8 export: date and time columns, income and expense columns, ids in columns. */
export const CMB_MAPPING: CsvColumnMapping = {
  time: { dateColumn: '交易日期', timeColumn: '交易时间' },
  bankTransactionRef: '流水号',
  amount: { creditColumn: '收入金额', debitColumn: '支出金额', unit: 'yuan' },
  balance: '余额',
  transactionId: '支付交易号',
  outTradeNo: '商户订单号',
  counterpartyName: '对方户名',
  summary: '交易类型',
  remark: '备注',
};

/** Column mapping of the small UTF-8 files (bad-row fixtures): signed yuan, no bank reference. */
export const SIMPLE_MAPPING: CsvColumnMapping = {
  time: { column: 'time' },
  amount: { column: 'amount', unit: 'yuan' },
  transactionId: 'transaction_id',
  outTradeNo: 'out_trade_no',
  counterpartyName: 'counterparty',
};

/** Common options of the fixtures. */
export const fixtureOptions = { accountNumber: ACCOUNT_NUMBER, receivedAt: RECEIVED_AT };
