import fc from 'fast-check';
import { ADDRESS, MINUTE, T0, line, order } from '../testing/dispatch-fixtures';
import { scoreOrderPair } from './order-pair.scoring';
import { DEFAULT_RELATED_ORDERS_POLICY, loadRelatedOrdersPolicy } from './related-orders-policy';
import { groupRelatedOrders } from './related-orders.grouping';

const POLICY = DEFAULT_RELATED_ORDERS_POLICY;
const LINES = [line('l1', 'SKU-1')];
const DETAIL = '文三路一二三号华星科技大厦东侧十八层甲乙丙丁';
const TITLE = '杭州某某眼镜科技发展贸易服务中心甲乙丙丁戊己';

/** `text` cut to `length`, and a copy whose last `edits` characters are replaced. */
function textPair(text: string, length: number, edits: number): [string, string] {
  const original = text.slice(0, length);
  return [original, original.slice(0, length - edits) + '壹贰叁肆'.slice(0, edits)];
}

describe('related orders: address and invoice title MORE than 85% similar', () => {
  // The comparable address is 浙江杭州西湖 (6 characters) + the detail.
  it.each([
    ['3 edits in 21 → 85.7% → related', 15, 21, true],
    ['3 edits in 20 → exactly 85% → NOT related', 14, 20, false],
    ['3 edits in 19 → 84.2% → not related', 13, 19, false],
  ])('address: %s', (_case, detailLength, maxLength, related) => {
    const [a, b] = textPair(DETAIL, detailLength, 3);
    const score = scoreOrderPair(
      order('o-1', 0, LINES, { shippingAddress: { ...ADDRESS, detail: a } }),
      order('o-2', 5, LINES, { shippingAddress: { ...ADDRESS, detail: b } }),
      POLICY,
    );
    expect(score.address).toMatchObject({ distance: 3, maxLength, passes: related });
    expect(score.related).toBe(related);
  });

  it.each([
    ['3 edits in 21 → related', 21, true],
    ['3 edits in 20 → exactly 85% → NOT related', 20, false],
  ])('invoice title: %s', (_case, length, related) => {
    const [a, b] = textPair(TITLE, length, 3);
    const score = scoreOrderPair(order('o-1', 0, LINES, { invoiceTitle: a }), order('o-2', 5, LINES, { invoiceTitle: b }), POLICY);
    expect(score.invoiceTitle).toMatchObject({ compared: true, distance: 3, maxLength: length, passes: related });
    expect(score.related).toBe(related);
    if (!related) expect(score.reasons).toEqual(['invoice title similarity 17/20 is not more than 85%']);
  });

  it('each signal must clear the bar: identical address and title do not make up for another phone', () => {
    const score = scoreOrderPair(order('o-1', 0, LINES), order('o-2', 5, LINES, { recipientPhone: '13900139000' }), POLICY);
    expect(score).toMatchObject({ related: false, address: { score: 1 }, invoiceTitle: { score: 1 }, phone: { outcome: 'DIFFERENT', score: 0 } });
  });
});

describe('related orders: the 1-hour window', () => {
  it.each([
    ['59 minutes', 59 * MINUTE, true],
    ['exactly 60 minutes (inclusive)', 60 * MINUTE, true],
    ['60 minutes and 1 ms', 60 * MINUTE + 1, false],
    ['61 minutes', 61 * MINUTE, false],
  ])('orders %s apart', (_case, gap, related) => {
    const later = { ...order('o-2', 0, LINES), placedAt: T0 + gap };
    const score = scoreOrderPair(order('o-1', 0, LINES), later, POLICY);
    expect(score).toMatchObject({ millisecondsApart: gap, withinWindow: related, related });
    expect(groupRelatedOrders('o-2', [order('o-1', 0, LINES), later]).groupOrderIds).toEqual(related ? ['o-1', 'o-2'] : ['o-2']);
  });
});

describe('related orders: masked and privacy phones', () => {
  it.each([
    ['masked vs unmasked, same visible digits', '138****8000', true],
    ['masked vs unmasked, another suffix', '138****8001', false],
    ['privacy number vs the real number', '13800138000-1234', false],
  ])('%s', (_case, phone, related) => {
    const score = scoreOrderPair(order('o-1', 0, LINES), order('o-2', 5, LINES, { recipientPhone: phone }), POLICY);
    expect(score.related).toBe(related);
  });
});

describe('groupRelatedOrders', () => {
  it('complete linkage: a chain whose ends are 100 minutes apart is not one group', () => {
    const orders = [order('A', 0, LINES), order('B', 50, LINES), order('C', 100, LINES)];
    expect(groupRelatedOrders('B', orders).groupOrderIds).toEqual(['A', 'B']);
    expect(groupRelatedOrders('C', orders).groupOrderIds).toEqual(['B', 'C']);
    expect(groupRelatedOrders('B', orders).pairs.map((pair) => [pair.orderIds.join('~'), pair.related])).toEqual([
      ['A~B', true], ['A~C', false], ['B~C', true],
    ]);
  });

  it('another customer\'s order is never related, and its address and phone are not compared', () => {
    const grouping = groupRelatedOrders('o-1', [order('o-1', 0, LINES), order('o-2', 1, LINES, { customerId: 'cust-7' })]);
    expect(grouping.groupOrderIds).toEqual(['o-1']);
    expect(grouping.pairs[0]).toMatchObject({ sameCustomer: false, address: null, phone: null, invoiceTitle: null, reasons: ['different customers'] });
  });

  it('is independent of the input order, and every member is related to every other', () => {
    const minute = fc.integer({ min: 0, max: 150 });
    const orders = fc.array(minute, { minLength: 1, maxLength: 6 }).map((minutes) => minutes.map((m, i) => order(`o-${i}`, m, LINES)));
    fc.assert(fc.property(orders.chain((os) => fc.tuple(fc.constant(os), fc.shuffledSubarray(os, { minLength: os.length, maxLength: os.length }), fc.nat(os.length - 1))), ([os, shuffled, anchor]) => {
      const grouping = groupRelatedOrders(os[anchor].orderId, os);
      expect(groupRelatedOrders(os[anchor].orderId, shuffled)).toEqual(grouping);
      const placed = grouping.groupOrderIds.map((id) => os.find((o) => o.orderId === id)!.placedAt);
      expect(Math.max(...placed) - Math.min(...placed)).toBeLessThanOrEqual(60 * MINUTE);
      expect(grouping.pairs).toHaveLength((os.length * (os.length - 1)) / 2);
    }), { numRuns: 200 });
  });

  it('the policy is data: a malformed policy fails at load, naming the field', () => {
    expect(() => loadRelatedOrdersPolicy({ ...POLICY, similarityThresholdPercent: 185 })).toThrow(/similarityThresholdPercent/);
    expect(() => loadRelatedOrdersPolicy({ ...POLICY, invoiceTitleWhenBothAbsent: 'MAYBE' })).toThrow(/invoiceTitleWhenBothAbsent/);
    expect(loadRelatedOrdersPolicy({ ...POLICY, windowMinutes: 30 }).windowMinutes).toBe(30);
  });
});
