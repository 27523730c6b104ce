import { bankLine, NOW, outcomeIds, payment, testConfig } from '../testing/reconciliation-builders';
import { reconcile } from './payment-matcher';

// One payment, one bank line: the rules at their boundaries. Payment times are the provider's
// second-precision success_time unless a test says otherwise; bank times carry milliseconds.
const PAID_MS = '2024-06-18T10:31:02.000+08:00';

describe('reconcile, one payment against one bank line', () => {
  it('given a line naming the transaction id with the same amount within 500 ms, then one clean match', () => {
    const result = reconcile([payment('1', 27_500, '2024-06-18 10:31:02')], [bankLine('B1', 27_500, ['TX-1'], '2024-06-18T10:31:02.412+08:00')], testConfig());
    expect(outcomeIds(result)).toEqual({ matches: ['pay:OTN-1=B1'], reviewItems: [], pending: [] });
    expect(result.matches[0]).toMatchObject({ shape: 'ONE_TO_ONE', clean: true, orderAmount: 27_500, bankAmount: 27_500, timeGap: { minMs: 0, maxMs: 587 } });
  });

  it('matches by out_trade_no when the bank names only that', () => {
    const result = reconcile([payment('1', 27_500, PAID_MS)], [bankLine('B1', 27_500, ['OTN-1'], PAID_MS)], testConfig());
    expect(result.matches.map((group) => group.clean)).toEqual([true]);
  });

  it('does not match by amount and time alone: no shared reference, two findings', () => {
    const afterWindow = testConfig({ now: Date.parse('2024-06-20T09:00:00+08:00') });
    const result = reconcile([payment('1', 27_500, PAID_MS)], [bankLine('B1', 27_500, ['TX-OTHER'], PAID_MS)], afterWindow);
    expect(outcomeIds(result)).toEqual({ matches: [], reviewItems: ['MISSING_BANK_LINE:pay:OTN-1=', 'MISSING_PAYMENT:=B1'], pending: [] });
  });

  describe('two timelines, milliseconds on both sides', () => {
    it.each([
      ['bank 500 ms after paidAt passes', '2024-06-18T10:31:02.500+08:00', []],
      ['bank 501 ms after paidAt is a TIME_GAP', '2024-06-18T10:31:02.501+08:00', ['TIME_GAP:pay:OTN-1=B1']],
      ['bank 500 ms before paidAt passes', '2024-06-18T10:31:01.500+08:00', []],
      ['bank 501 ms before paidAt is a TIME_GAP', '2024-06-18T10:31:01.499+08:00', ['TIME_GAP:pay:OTN-1=B1']],
    ])('%s', (_case, bankTime, items) => {
      const result = reconcile([payment('1', 27_500, PAID_MS)], [bankLine('B1', 27_500, ['TX-1'], bankTime)], testConfig());
      expect(outcomeIds(result).reviewItems).toEqual(items);
      expect(result.matches).toHaveLength(1);
    });

    it('a TIME_GAP item carries both sides and the gap', () => {
      const line = bankLine('B1', 27_500, ['TX-1'], '2024-06-18T10:31:02.501+08:00');
      const flow = payment('1', 27_500, PAID_MS);
      const [item] = reconcile([flow], [line], testConfig()).reviewItems;
      expect(item).toMatchObject({ cause: 'TIME_GAP', flows: [flow], bankLines: [line], timeGap: { minMs: 501, maxMs: 501 } });
    });

    it('the tolerance is configurable', () => {
      const lines = [bankLine('B1', 27_500, ['TX-1'], '2024-06-18T10:31:03.000+08:00')];
      expect(reconcile([payment('1', 27_500, PAID_MS)], lines, testConfig({ maxTimeGapMs: 1_000 })).reviewItems).toEqual([]);
      expect(reconcile([payment('1', 27_500, PAID_MS)], lines, testConfig({ maxTimeGapMs: 999 })).reviewItems).toHaveLength(1);
    });
  });

  describe('two timelines, the provider time with seconds only (precision policy)', () => {
    it.each([
      ['bank 10:31:03.499 — at least 500 ms after 10:31:02.999 — passes', '2024-06-18T10:31:03.499+08:00', 0],
      ['bank 10:31:03.500 — at least 501 ms after — is a TIME_GAP', '2024-06-18T10:31:03.500+08:00', 1],
      ['bank second-precision 10:31:03 passes (the gap may be 1 ms)', '20240618103103', 0],
      ['bank second-precision 10:31:04 is a TIME_GAP (at least 1 001 ms)', '20240618103104', 1],
    ])('%s', (_case, bankTime, itemCount) => {
      const result = reconcile([payment('1', 27_500, '2024-06-18 10:31:02')], [bankLine('B1', 27_500, ['TX-1'], bankTime)], testConfig());
      expect(result.reviewItems).toHaveLength(itemCount);
    });
  });

  describe('amounts are exact to the fen', () => {
    it.each([
      ['one fen short', 27_499, -1],
      ['one fen over', 27_501, 1],
    ])('bank %s → AMOUNT_MISMATCH with both sides and the difference', (_case, bankAmount, difference) => {
      const flow = payment('1', 27_500, PAID_MS);
      const line = bankLine('B1', bankAmount, ['TX-1'], PAID_MS);
      const result = reconcile([flow], [line], testConfig());
      expect(result.reviewItems).toEqual([expect.objectContaining({ cause: 'AMOUNT_MISMATCH', flows: [flow], bankLines: [line], amountDifference: difference })]);
      expect(result.matches[0].clean).toBe(false);
    });

    it('both an amount and a time finding are raised when both hold', () => {
      const result = reconcile([payment('1', 27_500, PAID_MS)], [bankLine('B1', 27_499, ['TX-1'], '2024-06-18T10:31:04+08:00')], testConfig());
      expect(result.reviewItems.map((item) => item.cause).sort()).toEqual(['AMOUNT_MISMATCH', 'TIME_GAP']);
    });

    it('a different currency is a CURRENCY_MISMATCH, not an amount comparison', () => {
      const result = reconcile([payment('1', 27_500, PAID_MS)], [bankLine('B1', 27_500, ['TX-1'], PAID_MS, { currency: 'HKD' })], testConfig());
      expect(result.reviewItems.map((item) => [item.cause, item.detail])).toEqual([['CURRENCY_MISMATCH', 'currencies differ: CNY, HKD']]);
    });
  });

  describe('settlement window for a payment the bank has not shown', () => {
    const window = 24 * 3_600_000;
    const paidAt = Date.parse(PAID_MS);

    it('just inside the window: pending, not an anomaly', () => {
      const result = reconcile([payment('1', 27_500, PAID_MS)], [], testConfig({ now: paidAt + window }));
      expect(outcomeIds(result)).toEqual({ matches: [], reviewItems: [], pending: ['pay:OTN-1'] });
    });

    it('one ms past the window: MISSING_BANK_LINE with the payment attached', () => {
      const flow = payment('1', 27_500, PAID_MS);
      const result = reconcile([flow], [], testConfig({ now: paidAt + window + 1 }));
      expect(result.reviewItems).toEqual([expect.objectContaining({ cause: 'MISSING_BANK_LINE', flows: [flow], bankLines: [] })]);
      expect(result.pending).toEqual([]);
    });

    it('a second-precision paidAt: the window counts from the end of its second', () => {
      const flows = [payment('1', 27_500, '2024-06-18 10:31:02')];
      expect(reconcile(flows, [], testConfig({ now: paidAt + 999 + window })).pending).toHaveLength(1);
      expect(reconcile(flows, [], testConfig({ now: paidAt + 999 + window + 1 })).reviewItems).toHaveLength(1);
    });

    it('the window is configurable', () => {
      const result = reconcile([payment('1', 27_500, PAID_MS)], [], testConfig({ now: paidAt + 3_600_001, settlementWindowMs: 3_600_000 }));
      expect(result.reviewItems.map((item) => item.cause)).toEqual(['MISSING_BANK_LINE']);
    });
  });

  it('a bank line no payment explains is MISSING_PAYMENT at once, with the line attached', () => {
    const line = bankLine('B9', 10_000, ['TX-UNKNOWN'], PAID_MS);
    const result = reconcile([], [line], testConfig({ now: NOW }));
    expect(result.reviewItems).toEqual([expect.objectContaining({ cause: 'MISSING_PAYMENT', flows: [], bankLines: [line] })]);
  });

  it('refuses a flow or a line given twice, which could otherwise be matched twice', () => {
    const flow = payment('1', 27_500, PAID_MS);
    const line = bankLine('B1', 27_500, ['TX-1'], PAID_MS);
    expect(() => reconcile([flow, flow], [line], testConfig())).toThrow(/Duplicate flow id "pay:OTN-1"/);
    expect(() => reconcile([flow], [line, line], testConfig())).toThrow(/Duplicate bank line id "B1"/);
  });
});
