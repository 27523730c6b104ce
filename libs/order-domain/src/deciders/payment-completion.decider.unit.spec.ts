import { rebuild } from '../aggregate/order.aggregate';
import { given } from '../testing/decider-spec';
import { atMinute, cmd, ORDER_ID, OUT_TRADE_NO, TOTAL, TX } from '../testing/order-fixtures';
import { historyTo, run } from '../testing/order-histories';

// Field rule: payment complete = 200 ∧ signature ∧ balance (DESIGN.md; source article, step 5).

const placed = historyTo('pending_payment');
const review = (cause: string) => expect.objectContaining({ type: 'ReviewItemRaised', data: expect.objectContaining({ cause }) });
const type = (name: string) => expect.objectContaining({ type: name });

describe('payment completes only when all three conditions hold', () => {
  it('notification (200 + signature) then transaction query → OrderPaid and a reservation request', () => {
    const afterNotification = run([cmd.notification()], placed);
    given(placed).when(cmd.notification()).then([type('PaymentNotificationAccepted')]);
    const state = given(afterNotification).when(cmd.confirmation()).then([
      type('PaymentConfirmed'),
      {
        type: 'OrderPaid',
        data: {
          orderId: ORDER_ID, ...atMinute(2), provider: 'WECHAT_PAY', transactionId: TX, outTradeNo: OUT_TRADE_NO,
          amount: TOTAL, currency: 'CNY', paidAt: atMinute(1).occurredAt, paidAtText: atMinute(1).occurredAtText,
        },
      },
      type('InventoryReservationRequested'),
    ]);
    expect(state.status).toBe('paid');
  });

  it('the transaction query first, then the notification → the same payment', () => {
    const afterQuery = run([cmd.confirmation()], placed);
    expect(rebuild(afterQuery).status).toBe('pending_payment');
    given(afterQuery).when(cmd.notification()).then([type('PaymentNotificationAccepted'), type('OrderPaid'), type('InventoryReservationRequested')]);
  });

  it('without the transaction query, a perfect notification leaves the order pending_payment', () => {
    expect(given(placed).when(cmd.notification()).then([type('PaymentNotificationAccepted')]).status).toBe('pending_payment');
  });

  it('without a verified signature: review item, never paid — even with the query confirmed', () => {
    const afterQuery = run([cmd.confirmation()], placed);
    const state = given(afterQuery).when(cmd.notification({ signatureVerified: false })).then([review('SIGNATURE_NOT_VERIFIED')]);
    expect(state.status).toBe('pending_payment');
    expect(state.notification).toBeNull();
  });

  it('without the HTTP 200 answer: review item, never paid', () => {
    const afterQuery = run([cmd.confirmation()], placed);
    const state = given(afterQuery).when(cmd.notification({ httpStatusAnswered: 500 })).then([review('CALLBACK_NOT_ANSWERED_200')]);
    expect(state.status).toBe('pending_payment');
  });

  it('a query that does not confirm the money (NOTPAY): review item, never paid', () => {
    const afterNotification = run([cmd.notification()], placed);
    const state = given(afterNotification).when(cmd.confirmation({ tradeState: 'NOTPAY' })).then([review('PAYMENT_NOT_CONFIRMED')]);
    expect(state.status).toBe('pending_payment');
  });

  it('the provider retrying with 200 after a 500 is accepted: the earlier review does not block it', () => {
    const afterFailure = run([cmd.notification({ httpStatusAnswered: 500 })], placed);
    given(afterFailure).when(cmd.notification()).then([type('PaymentNotificationAccepted')]);
  });

  it('lists every failed check in one review item, the first as its cause', () => {
    const decision = given(placed).when(cmd.notification({ transactionId: '', signatureVerified: false, httpStatusAnswered: 503, amount: 1 })).decision;
    expect(decision).toMatchObject({ events: [{ data: { cause: 'MALFORMED_PAYMENT_IDS' } }] });
    const detail = (decision as { events: { data: { detail: string } }[] }).events[0].data.detail;
    expect(detail).toMatch(/transactionId "" is not a well-formed WECHAT_PAY transaction id/);
    expect(detail).toMatch(/amount 1 CNY differs from the order total 11480 CNY/);
    expect(detail).toMatch(/signature was not verified/);
    expect(detail).toMatch(/answered HTTP 503/);
  });
});

describe('both ids present and well-formed, or the notification is not accepted', () => {
  it.each([
    ['empty transaction id', { transactionId: '' }],
    ['transaction id of 27 digits', { transactionId: '4'.repeat(27) }],
    ['transaction id of 33 digits', { transactionId: '4'.repeat(33) }],
    ['transaction id with letters', { transactionId: '42000012342026012012345678ab' }],
    ['empty out_trade_no', { outTradeNo: '' }],
    ['out_trade_no of 5 characters', { outTradeNo: 'OMS01' }],
    ['out_trade_no of 33 characters', { outTradeNo: 'O'.repeat(33) }],
    ['out_trade_no with a space', { outTradeNo: 'OMS 2026 0001' }],
    ['out_trade_no with #', { outTradeNo: 'OMS#20260001' }],
    ['an Alipay-shaped out_trade_no with a dash', { provider: 'ALIPAY' as const, transactionId: '2026012022001412345678901234', outTradeNo: 'OMS-1' }],
  ])('%s → MALFORMED_PAYMENT_IDS', (_case, overrides) => {
    const state = given(placed).when(cmd.notification(overrides)).then([review('MALFORMED_PAYMENT_IDS')]);
    expect(state.status).toBe('pending_payment');
    given(placed).when(cmd.confirmation(overrides)).then([review('MALFORMED_PAYMENT_IDS')]);
  });

  it.each([
    ['32-digit transaction id', { transactionId: '4'.repeat(32) }],
    ['out_trade_no using _ - | *', { outTradeNo: 'A_b-C|d*01' }],
    ['Alipay ids', { provider: 'ALIPAY' as const, transactionId: '2026012022001412345678901234', outTradeNo: 'OMS_20260120_0001' }],
  ])('%s is well-formed', (_case, overrides) => {
    given(placed).when(cmd.notification(overrides)).then([type('PaymentNotificationAccepted')]);
  });
});

describe('the amount must be the order total, in integer minor units', () => {
  it('one fen more → PAYMENT_AMOUNT_MISMATCH', () => {
    given(placed).when(cmd.notification({ amount: TOTAL + 1 })).then([review('PAYMENT_AMOUNT_MISMATCH')]);
    given(placed).when(cmd.confirmation({ amount: TOTAL - 1 })).then([review('PAYMENT_AMOUNT_MISMATCH')]);
  });

  it('another currency → PAYMENT_AMOUNT_MISMATCH', () => {
    given(placed).when(cmd.notification({ currency: 'USD' })).then([review('PAYMENT_AMOUNT_MISMATCH')]);
  });

  it('a float amount is refused as a malformed command, never rounded', () => {
    given(placed).when(cmd.notification({ amount: 114.8 })).thenRejected('INVALID_COMMAND', /amount must be a non-negative integer of minor units, got 114.8/);
    given(placed).when(cmd.confirmation({ amount: -1 })).thenRejected('INVALID_COMMAND', /amount must be a non-negative integer/);
  });
});
