import { DAY_RESOLUTION } from '@oms/reconciliation-domain';
import { readFixture, RECEIVED_AT } from '../testing/statement-fixtures';
import type { AcceptedImport, StatementImport } from '../model/statement-import';
import { parseCamt053Statement } from './camt053.parser';

const options = { bankCode: 'CMB', receivedAt: RECEIVED_AT };
const accepted = (result: StatementImport): AcceptedImport => {
  if (!result.ok) throw new Error(`expected an accepted import, got ${JSON.stringify(result.badRows)}`);
  return result;
};
const camt = readFixture('camt053-statement-20240618.xml').toString('utf8');
const variant = (from: string, to: string) => Buffer.from(camt.replace(from, to), 'utf8');

describe('camt.053: BkToCstmrStmt/Stmt/Ntry', () => {
  const result = accepted(parseCamt053Statement(Buffer.from(camt, 'utf8'), options));

  it('imports the booked entries and ignores the pending one, by entry ordinal and XML line', () => {
    expect(result.lines.map((line) => line.rowNumber)).toEqual([1, 2, 3, 4]);
    expect(result.ignoredRows).toEqual([{ rowNumber: 5, sourceLine: 115, reason: 'entry status PDNG, not booked' }]);
  });

  it('signs Amt by CdtDbtInd, in exact fen, currency from Amt/@Ccy', () => {
    expect(result.lines.map((line) => [line.record.amount, line.record.currency])).toEqual([
      [27_500, 'CNY'], [-3_400, 'CNY'], [39_800, 'CNY'], [128_000, 'CNY'],
    ]);
  });

  it('takes BookgDt/DtTm with its offset and milliseconds; BookgDt/Dt alone is day precision', () => {
    expect(result.lines[0].bankTime).toEqual({ epochMs: Date.parse('2024-06-18T10:31:02.412+08:00'), resolutionMs: 1, text: '2024-06-18T10:31:02.412+08:00' });
    expect(result.lines[3].bankTime).toEqual({ epochMs: Date.parse('2024-06-18T00:00:00+08:00'), resolutionMs: DAY_RESOLUTION, text: '2024-06-18' });
    expect(result.lines[3].record.bookingDate).toBe('2024-06-18');
  });

  it('reads references from TxDtls/Refs (NOTPROVIDED skipped) and RmtInf, AcctSvcrRef as the bank ref', () => {
    expect(result.lines[0]).toMatchObject({
      references: ['4200002214202406181234567890', '20240618103000017001'],
      record: {
        bankTransactionRef: 'CMB2024061810310241200087',
        paymentTransactionId: '4200002214202406181234567890',
        remark: '微信支付 4200002214202406181234567890',
        summary: '财付通快捷支付',
        counterpartyName: '财付通支付科技有限公司',
        counterpartyAccount: '755915666010301',
        counterpartyBank: '招商银行深圳分行',
        accountNumber: '**** **** 6021',
      },
    });
    expect(result.lines[3].references).toEqual(['2024061822001412345678901234']);
  });

  it('a batch entry with several TxDtls is one line naming every transaction (a merged cart)', () => {
    expect(result.lines[2].references).toEqual(['4200002214202406181234511111', '4200002214202406181234522222']);
    expect(result.lines[2].record.remark).toBe('合单支付 子单1 合单支付 子单2');
  });

  it('the counterparty of money out is the creditor', () => {
    expect(result.lines[1].record.counterpartyName).toBe('财付通支付科技有限公司');
  });

  it('a booked entry without NtryDtls is still a line: bank ref from AcctSvcrRef, no payment references', () => {
    const booked = accepted(parseCamt053Statement(variant('<Sts><Cd>PDNG</Cd></Sts>', '<Sts><Cd>BOOK</Cd></Sts>'), options));
    expect(booked.lines[4]).toMatchObject({ rowNumber: 5, references: [], record: { bankTransactionRef: 'CMB2024061823580041200141', amount: 5_000, remark: null, counterpartyName: null } });
  });

  it('re-importing gives the same ids', () => {
    const again = accepted(parseCamt053Statement(Buffer.from(camt, 'utf8'), { ...options, receivedAt: 0 }));
    expect(again.lines.map((line) => line.lineId)).toEqual(result.lines.map((line) => line.lineId));
  });
});

describe('camt.053 bad files', () => {
  it('a truncated download is refused as a whole, with the line where the XML breaks', () => {
    const result = parseCamt053Statement(readFixture('truncated-camt053.xml'), options);
    expect(result).toMatchObject({ ok: false, badRows: [{ rowNumber: 0, reason: expect.stringMatching(/^malformed XML: /) }] });
    expect(!result.ok && result.badRows[0].sourceLine).toBeGreaterThan(0);
  });

  it('another XML document is not a statement', () => {
    expect(parseCamt053Statement(Buffer.from('<Document><CstmrCdtTrfInitn/></Document>'), options)).toMatchObject({
      ok: false,
      badRows: [{ rowNumber: 0, reason: 'not a camt.053 document: no Document/BkToCstmrStmt' }],
    });
  });

  it('a bad amount names the entry and its line, and refuses the file; skipBadRows keeps the rest', () => {
    const bytes = variant('<Amt Ccy="CNY">34.00</Amt>', '<Amt Ccy="CNY">34.005</Amt>');
    expect(parseCamt053Statement(bytes, options)).toMatchObject({
      ok: false,
      badRows: [{ rowNumber: 2, sourceLine: 55, reason: 'amount: "34.005" has more than 2 decimal places' }],
    });
    const skipped = accepted(parseCamt053Statement(bytes, { ...options, skipBadRows: true }));
    expect(skipped.lines.map((line) => line.rowNumber)).toEqual([1, 3, 4]);
  });

  it.each([
    ['<Amt Ccy="CNY">275.00</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>', '<Amt Ccy="CNY">-275.00</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>', /amount: "-275.00" is not an ISO 20022 decimal/],
    ['<CdtDbtInd>DBIT</CdtDbtInd>', '<CdtDbtInd>OUT</CdtDbtInd>', /CdtDbtInd "OUT" is neither CRDT nor DBIT/],
    ['<DtTm>2024-06-18T10:31:02.412+08:00</DtTm>', '<DtTm>2024-06-31T10:31:02+08:00</DtTm>', /booking date: impossible time/],
  ])('refuses %s → %s', (from, to, reason) => {
    const result = parseCamt053Statement(variant(from, to), options);
    expect(!result.ok && result.badRows[0].reason).toMatch(reason);
  });
});
