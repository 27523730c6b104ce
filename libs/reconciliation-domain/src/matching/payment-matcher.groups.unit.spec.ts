import { bankLine, outcomeIds, payment, refund, testConfig } from '../testing/reconciliation-builders';
import { placements } from '../testing/result-placements';
import { reconcile } from './payment-matcher';

const T = '2024-06-18T10:31:02.000+08:00';
const T_BANK = '2024-06-18T10:31:02.300+08:00';
const LATER = testConfig({ now: Date.parse('2024-06-21T09:00:00+08:00') });

describe('one payment settled in several bank lines (SPLIT)', () => {
  it('given 300.00 paid and 100.00 + 200.00 on the bank, then one clean SPLIT group', () => {
    const result = reconcile([payment('1', 30_000, T)], [bankLine('B1', 10_000, ['TX-1'], T_BANK), bankLine('B2', 20_000, ['TX-1'], T_BANK)], testConfig());
    expect(outcomeIds(result)).toEqual({ matches: ['pay:OTN-1=B1+B2'], reviewItems: [], pending: [] });
    expect(result.matches[0]).toMatchObject({ shape: 'SPLIT', orderAmount: 30_000, bankAmount: 30_000, clean: true });
  });

  it('when the parts sum to one fen less, AMOUNT_MISMATCH with the payment and every part', () => {
    const result = reconcile([payment('1', 30_000, T)], [bankLine('B1', 10_000, ['TX-1'], T_BANK), bankLine('B2', 19_999, ['TX-1'], T_BANK)], testConfig());
    expect(result.reviewItems).toHaveLength(1);
    expect(result.reviewItems[0]).toMatchObject({ cause: 'AMOUNT_MISMATCH', amountDifference: -1 });
    expect(result.reviewItems[0].bankLines.map((line) => line.lineId)).toEqual(['B1', 'B2']);
  });

  it('checks the 500 ms rule for every part', () => {
    const lines = [bankLine('B1', 10_000, ['TX-1'], T_BANK), bankLine('B2', 20_000, ['TX-1'], '2024-06-18T10:31:02.501+08:00')];
    expect(reconcile([payment('1', 30_000, T)], lines, testConfig()).reviewItems.map((item) => item.cause)).toEqual(['TIME_GAP']);
  });
});

describe('several payments in one bank line (MERGED, e.g. a merged cart)', () => {
  it('given two payments of one merged cart and one line naming the cart, then one clean MERGED group', () => {
    const flows = [payment('1', 10_000, T, { combinedRef: 'CART-9' }), payment('2', 20_000, T, { combinedRef: 'CART-9' })];
    const result = reconcile(flows, [bankLine('B1', 30_000, ['CART-9'], T_BANK)], testConfig());
    expect(outcomeIds(result)).toEqual({ matches: ['pay:OTN-1+pay:OTN-2=B1'], reviewItems: [], pending: [] });
    expect(result.matches[0]).toMatchObject({ shape: 'MERGED', orderAmount: 30_000, bankAmount: 30_000, clean: true });
  });

  it('given a line whose remark lists both transaction ids, then the same MERGED group', () => {
    const result = reconcile([payment('1', 10_000, T), payment('2', 20_000, T)], [bankLine('B1', 30_000, ['TX-1', 'TX-2'], T_BANK)], testConfig());
    expect(result.matches.map((group) => [group.shape, group.clean])).toEqual([['MERGED', true]]);
  });

  it('when the line is one fen over the cart, AMOUNT_MISMATCH with every payment attached', () => {
    const result = reconcile([payment('1', 10_000, T), payment('2', 20_000, T)], [bankLine('B1', 30_001, ['TX-1', 'TX-2'], T_BANK)], testConfig());
    expect(result.reviewItems.map((item) => [item.cause, item.amountDifference, item.flows.length, item.bankLines.length])).toEqual([['AMOUNT_MISMATCH', 1, 2, 1]]);
  });
});

describe('several to several, and exact pairs first', () => {
  it('two payments and two lines of equal amounts pair one to one', () => {
    const flows = [payment('1', 10_000, T, { combinedRef: 'C' }), payment('2', 20_000, T, { combinedRef: 'C' })];
    const lines = [bankLine('B1', 20_000, ['C'], T_BANK), bankLine('B2', 10_000, ['C'], T_BANK)];
    expect(outcomeIds(reconcile(flows, lines, testConfig())).matches).toEqual(['pay:OTN-1=B2', 'pay:OTN-2=B1']);
  });

  it('what is left after exact pairs settles as one GROUP', () => {
    const flows = [payment('1', 10_000, T, { combinedRef: 'C' }), payment('2', 25_000, T, { combinedRef: 'C' }), payment('3', 5_000, T, { combinedRef: 'C' })];
    const lines = [bankLine('B1', 20_000, ['C'], T_BANK), bankLine('B2', 10_000, ['C'], T_BANK), bankLine('B3', 10_000, ['C'], T_BANK)];
    const result = reconcile(flows, lines, testConfig());
    expect(result.matches.map((group) => [group.matchId, group.shape, group.clean]).sort()).toEqual([
      ['pay:OTN-1=B2', 'ONE_TO_ONE', true],
      ['pay:OTN-2+pay:OTN-3=B1+B3', 'GROUP', true],
    ]);
  });

  it('a second line for an already settled payment is MISSING_PAYMENT: a payment is matched at most once', () => {
    const lines = [bankLine('B1', 27_500, ['TX-1'], T_BANK), bankLine('B2', 27_500, ['TX-1'], '2024-06-18T10:31:02.400+08:00')];
    const result = reconcile([payment('1', 27_500, T)], lines, testConfig());
    expect(outcomeIds(result)).toEqual({ matches: ['pay:OTN-1=B1'], reviewItems: ['MISSING_PAYMENT:=B2'], pending: [] });
  });
});

describe('refunds are negative flows', () => {
  const paid = payment('1', 27_500, T);
  const bankIn = bankLine('B1', 27_500, ['TX-1'], T_BANK);

  it('a refund matches the debit line naming the payment; the payment keeps its credit line', () => {
    const back = refund('R1', '1', 3_400, '2024-06-18T10:40:21.000+08:00');
    const bankOut = bankLine('B2', -3_400, ['TX-1'], '2024-06-18T10:40:21.200+08:00');
    const result = reconcile([paid, back], [bankIn, bankOut], testConfig());
    expect(outcomeIds(result)).toEqual({ matches: ['pay:OTN-1=B1', 'refund:R1=B2'], reviewItems: [], pending: [] });
    expect(result.matches.find((group) => group.flows[0].kind === 'REFUND')).toMatchObject({ orderAmount: -3_400, bankAmount: -3_400, clean: true });
  });

  it('two partial refunds of one payment each find their own debit line', () => {
    const flows = [paid, refund('R1', '1', 1_000, '2024-06-18T10:40:00.000+08:00'), refund('R2', '1', 2_000, '2024-06-18T11:00:00.000+08:00')];
    const lines = [bankIn, bankLine('B3', -2_000, ['TX-1'], '2024-06-18T11:00:00.100+08:00'), bankLine('B2', -1_000, ['TX-1'], '2024-06-18T10:40:00.100+08:00')];
    expect(outcomeIds(reconcile(flows, lines, testConfig())).matches).toEqual(['pay:OTN-1=B1', 'refund:R1=B2', 'refund:R2=B3']);
  });

  it('a refund never takes the credit line of its payment, even with the same reference and size', () => {
    const back = refund('R1', '1', 27_500, '2024-06-18T10:31:05.000+08:00');
    const result = reconcile([back], [bankIn], LATER);
    expect(outcomeIds(result)).toEqual({ matches: [], reviewItems: ['MISSING_BANK_LINE:refund:R1=', 'MISSING_PAYMENT:=B1'], pending: [] });
  });

  it('a debit line with no refund on the order side is MISSING_PAYMENT', () => {
    const result = reconcile([paid], [bankIn, bankLine('B2', -27_500, ['TX-1'], T_BANK)], testConfig());
    expect(outcomeIds(result).reviewItems).toEqual(['MISSING_PAYMENT:=B2']);
  });
});

describe('every flow and every line ends in exactly one place', () => {
  it('across matches, review items and pending', () => {
    const flows = [payment('1', 100, T), payment('2', 200, T), payment('3', 300, T), refund('R1', '1', 100, T)];
    const lines = [bankLine('B1', 100, ['TX-1'], T_BANK), bankLine('B2', 199, ['TX-2'], T_BANK), bankLine('B3', -100, ['TX-1'], T_BANK), bankLine('B4', 50, [], T_BANK)];
    const result = reconcile(flows, lines, LATER);
    const { flows: flowPlaces, lines: linePlaces } = placements(result);
    expect([...flowPlaces.keys()].sort()).toEqual(flows.map((flow) => flow.flowId).sort());
    expect([...linePlaces.keys()].sort()).toEqual(lines.map((line) => line.lineId).sort());
    expect([...flowPlaces.values(), ...linePlaces.values()].every((places) => places.length === 1)).toBe(true);
  });
});
