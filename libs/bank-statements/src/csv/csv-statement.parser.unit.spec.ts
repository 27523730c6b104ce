import { createHash } from 'node:crypto';
import { CMB_MAPPING, fixtureOptions, ICBC_MAPPING, readFixture, RECEIVED_AT } from '../testing/statement-fixtures';
import type { AcceptedImport, StatementImport } from '../model/statement-import';
import { parseCsvStatement } from './csv-statement.parser';

const accepted = (result: StatementImport): AcceptedImport => {
  if (!result.ok) throw new Error(`expected an accepted import, got ${JSON.stringify(result.badRows)}`);
  return result;
};
const shanghai = (iso: string) => Date.parse(`${iso}+08:00`);

describe('CSV statement: the ICBC-style GBK export (preamble, 借/贷 column, footer)', () => {
  const bytes = readFixture('icbc-statement-20240618.gbk.csv');
  const result = accepted(parseCsvStatement(bytes, { ...fixtureOptions, bankCode: 'ICBC', mapping: ICBC_MAPPING }));

  it('imports the five lines under the header, with file line numbers, and ignores the 合计 footer', () => {
    expect(result.lines.map((line) => line.rowNumber)).toEqual([6, 7, 8, 9, 10]);
    expect(result.ignoredRows).toEqual([{ rowNumber: 11, sourceLine: 11, reason: 'footer row (合计)' }]);
    expect(result.skippedRows).toEqual([]);
  });

  it('signs the amounts by 借/贷 and reads them to exact fen', () => {
    expect(result.lines.map((line) => line.record.amount)).toEqual([27_500, -3_400, 128_000, 88_800, -550]);
    expect(result.lines[0].record.balanceAfter).toBe(128_493_025);
  });

  it('reads naive bank times as Asia/Shanghai with second precision, keeping the text', () => {
    expect(result.lines[0].bankTime).toEqual({ epochMs: shanghai('2024-06-18T10:31:02'), resolutionMs: 1_000, text: '2024-06-18 10:31:02' });
    expect(result.lines[0].record).toMatchObject({ transactedAtText: '2024-06-18T10:31:02+08:00', bookingDate: '2024-06-18' });
  });

  it('decodes Chinese text and takes payment references from the remark', () => {
    expect(result.lines[0].record).toMatchObject({
      bankTransactionRef: 'ICBC2024061810310200001',
      bankCode: 'ICBC',
      accountNumber: '**** **** 6021',
      counterpartyName: '财付通支付科技有限公司',
      counterpartyBank: '招商银行深圳分行',
      summary: '财付通快捷支付',
      remark: '微信支付 4200002214202406181234567890',
      paymentTransactionId: null,
      statementId: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
      receivedAt: RECEIVED_AT,
      receivedAtText: '2024-06-19T02:00:13.000+08:00',
    });
    expect(result.lines[1].references).toEqual(['4200002214202406181234567890', '50300908092024061800012345']);
    expect(result.lines[3].record.remark).toBe('预付款,合同HT-0618');
  });

  it('returns the SHA-256 of the bytes and ids derived from the bank reference', () => {
    expect(result.fileFingerprint).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(result.lines[0].lineId).toMatch(/^bsl-[0-9a-f]{32}$/);
    expect(new Set(result.lines.map((line) => line.lineId)).size).toBe(5);
  });

  it('re-importing the same file gives the same ids; the same lines in another byte layout too', () => {
    const again = accepted(parseCsvStatement(bytes, { ...fixtureOptions, bankCode: 'ICBC', mapping: ICBC_MAPPING, receivedAt: RECEIVED_AT + 60_000 }));
    expect(again.lines.map((line) => line.lineId)).toEqual(result.lines.map((line) => line.lineId));
    const lfOnly = Buffer.from(bytes.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
    const relaid = accepted(parseCsvStatement(lfOnly, { ...fixtureOptions, bankCode: 'ICBC', mapping: ICBC_MAPPING }));
    expect(relaid.fileFingerprint).not.toBe(result.fileFingerprint);
    expect(relaid.lines.map((line) => line.lineId)).toEqual(result.lines.map((line) => line.lineId));
  });

  it('takes the encoding as an option too', () => {
    expect(accepted(parseCsvStatement(bytes, { ...fixtureOptions, bankCode: 'ICBC', mapping: ICBC_MAPPING, encoding: 'gbk' })).lines).toHaveLength(5);
  });

  it('finds the header by an explicit line number, and refuses a wrong one', () => {
    expect(parseCsvStatement(bytes, { ...fixtureOptions, bankCode: 'ICBC', mapping: ICBC_MAPPING, headerRowNumber: 5 }).ok).toBe(true);
    expect(parseCsvStatement(bytes, { ...fixtureOptions, bankCode: 'ICBC', mapping: ICBC_MAPPING, headerRowNumber: 4 })).toMatchObject({
      ok: false,
      badRows: [{ rowNumber: 0, reason: expect.stringMatching(/^no header row with the mapped columns; missing: 发生额, 借贷标志, 交易时间/) }],
    });
  });
});

describe('CSV statement: the CMB-style UTF-8 export with BOM (date + time columns, income / expense columns)', () => {
  const result = accepted(parseCsvStatement(readFixture('cmb-statement-20240618.utf8-bom.csv'), { ...fixtureOptions, bankCode: 'CMB', mapping: CMB_MAPPING }));

  it('strips the BOM, joins 交易日期 + 交易时间, and signs by column', () => {
    expect(result.lines.map((line) => [line.bankTime.text, line.bankTime.epochMs, line.record.amount])).toEqual([
      ['20240618103102', shanghai('2024-06-18T10:31:02'), 27_500],
      ['20240618104021', shanghai('2024-06-18T10:40:21'), -3_400],
      ['20240618111502', shanghai('2024-06-18T11:15:02'), 39_800],
      ['20240618090512', shanghai('2024-06-18T09:05:12'), 100_000],
    ]);
  });

  it('counts row numbers as file lines across a quoted cell that spans two lines', () => {
    expect(result.lines.map((line) => line.rowNumber)).toEqual([2, 3, 4, 6]);
    expect(result.lines[2].record.remark).toBe('合单支付\n子单 20240618111500023001 / 20240618111500023002');
  });

  it('carries the transaction id and out_trade_no columns as references', () => {
    expect(result.lines[0]).toMatchObject({
      outTradeNo: '20240618103000017001',
      references: ['4200002214202406181234567890', '20240618103000017001'],
      record: { paymentTransactionId: '4200002214202406181234567890' },
    });
    expect(result.lines[2].references).toEqual(['4200002214202406181234599999', '20240618111500023001', '20240618111500023002']);
  });
});
