import { given } from '../testing/decider-spec';
import { ADDRESS, atMinute, cmd, CREATOR, LINES, ORDER_ID, TOTAL } from '../testing/order-fixtures';
import { historyTo } from '../testing/order-histories';

describe('PlaceOrder', () => {
  it('places the order with estimatedShipTime = acceptance + the warehouse average (PT24H)', () => {
    const state = given([]).when(cmd.placeOrder()).then([
      {
        type: 'OrderPlaced',
        data: {
          orderId: ORDER_ID, ...atMinute(0), channel: 'douyin', channelOrderId: 'DY-1001', customerId: 'cust-42',
          phone: '13800138000', address: ADDRESS, invoiceTitle: 'Li Lei', lines: LINES, totalAmount: TOTAL, currency: 'CNY',
          promotion: null, attribution: { source: 'douyin', medium: 'live', campaign: '2026q1' },
          estimatedShipAt: atMinute(24 * 60).occurredAt, estimatedShipTime: '2026-01-21T14:22:03.000+08:00', createdBy: CREATOR,
        },
      },
    ]);
    expect(state).toMatchObject({ status: 'pending_payment', createdBy: CREATOR, totalAmount: TOTAL, version: 1 });
  });

  it.each([
    ['P1DT2H', '2026-01-20T14:22:03.000+08:00', '2026-01-21T16:22:03.000+08:00'],
    ['PT24H', '2026-01-20T06:22:03.000Z', '2026-01-21T06:22:03.000Z'],
    ['PT30M', '2026-01-20T23:50:00.000-05:00', '2026-01-21T00:20:00.000-05:00'],
  ])('%s after %s → %s, in the offset of the acceptance time', (duration, acceptedAt, expected) => {
    const at = { occurredAt: Date.parse(acceptedAt), occurredAtText: acceptedAt };
    given([]).when(cmd.placeOrder({ ...at, averageShipDuration: duration })).then([
      expect.objectContaining({ data: expect.objectContaining({ estimatedShipTime: expected, estimatedShipAt: Date.parse(expected) }) }),
    ]);
  });

  it('a re-send of the same channel order adds nothing', () => {
    given(historyTo('pending_payment')).when(cmd.placeOrder({ commandId: 'resent' })).thenNothingHappened();
    given(historyTo('delivered')).when(cmd.placeOrder({ commandId: 'resent-later' })).thenNothingHappened();
  });

  it('another channel order under the same order id is refused', () => {
    given(historyTo('pending_payment'))
      .when(cmd.placeOrder({ channelOrderId: 'DY-2002' }))
      .thenRejected('ILLEGAL_TRANSITION', 'Cannot PlaceOrder when order is pending_payment');
  });

  it.each([
    ['a float total', { totalAmount: 114.8 }, /totalAmount must be a non-negative integer of minor units, got 114.8/],
    ['a float unit price', { lines: [{ ...LINES[0], unitPrice: 49.9 }] }, /lines\[0\].unitPrice must be a non-negative integer/],
    ['a zero quantity', { lines: [{ ...LINES[0], quantity: 0 }] }, /lines\[0\].quantity must be a positive integer/],
    ['no lines', { lines: [] }, /lines must hold at least one line/],
    ['a repeated line id', { lines: [LINES[0], { ...LINES[1], lineId: 'l1' }] }, /lines\[1\].lineId l1 is repeated/],
    ['a bad ship duration', { averageShipDuration: '24h' }, /averageShipDuration must be an ISO-8601 duration such as PT24H, got "24h"/],
    ['a local time without offset', { occurredAtText: '2026-01-20T14:22:03' }, /occurredAtText must be ISO-8601 with an offset/],
    ['text and epoch that disagree', { occurredAt: 0 }, /occurredAtText 2026-01-20T14:22:03.000\+08:00 is not the instant occurredAt 0/],
    ['no creator', { createdBy: { actorId: '', role: 'customer' } }, /createdBy.actorId is required/],
    ['a lower-case currency', { currency: 'cny' }, /currency must be a 3-letter code/],
    ['a float discount', { promotion: { promotionId: 'p', discountAmount: 0.5 } }, /promotion.discountAmount must be a non-negative integer/],
  ])('refuses %s as INVALID_COMMAND', (_case, overrides, message) => {
    given([]).when(cmd.placeOrder(overrides)).thenRejected('INVALID_COMMAND', message);
  });

  it('names every problem in one rejection', () => {
    given([]).when(cmd.placeOrder({ channel: '', totalAmount: -1 })).thenRejected('INVALID_COMMAND', /channel is required; totalAmount must be/);
  });
});
