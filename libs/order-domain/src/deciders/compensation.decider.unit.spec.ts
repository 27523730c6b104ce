import { rebuild } from '../aggregate/order.aggregate';
import { given } from '../testing/decider-spec';
import { atMinute, cmd, CREATOR, ORDER_ID, OUT_TRADE_NO, TOTAL, TX } from '../testing/order-fixtures';
import { historyTo, run } from '../testing/order-histories';

// Field rule: compensation, not cancellation — a reservation failing after payment starts a refund.

const type = (name: string) => expect.objectContaining({ type: name });

describe('inventory reservation failing after payment', () => {
  const failed = cmd.reservation({ outcome: 'FAILED', reason: 'SKU-TOY out of stock' });

  it('emits InventoryReservationFailed + RefundRequested of the amount paid → refunding', () => {
    const state = given(historyTo('paid')).when(failed).then([
      { type: 'InventoryReservationFailed', data: { orderId: ORDER_ID, ...atMinute(3), reservationId: 'res-1', reason: 'SKU-TOY out of stock' } },
      {
        type: 'RefundRequested',
        data: {
          orderId: ORDER_ID, ...atMinute(3), refundAmount: TOTAL, currency: 'CNY', reason: 'INVENTORY_RESERVATION_FAILED',
          detail: 'reservation res-1 failed: SKU-TOY out of stock', requestedBy: null, transactionId: TX, outTradeNo: OUT_TRADE_NO,
        },
      },
    ]);
    expect(state.status).toBe('refunding');
  });

  it('then the confirmed refund closes the order as REFUNDED', () => {
    const refunding = run([failed], historyTo('paid'));
    const state = given(refunding).when(cmd.completeRefund()).then([
      { type: 'RefundCompleted', data: { orderId: ORDER_ID, ...atMinute(40), refundId: 'refund-1', refundAmount: TOTAL, currency: 'CNY' } },
      {
        type: 'OrderClosed',
        data: { orderId: ORDER_ID, ...atMinute(40), reason: 'REFUNDED', detail: 'refund refund-1 completed (INVENTORY_RESERVATION_FAILED)', closedBy: null },
      },
    ]);
    expect(state).toMatchObject({ status: 'closed', closeReason: 'REFUNDED' });
  });

  it('records an ERP invoice that arrives during or after the refund, without making the order ready to dispatch', () => {
    const refunding = run([failed], historyTo('paid'));
    const invoice = cmd.invoice();
    const invoiceConfirmed = [{ type: 'InvoiceConfirmed', data: { orderId: ORDER_ID, ...atMinute(4), invoiceNumber: 'INV-1', invoiceTitle: 'Li Lei' } }];
    expect(given(refunding).when(invoice).then(invoiceConfirmed)).toMatchObject({ status: 'refunding', invoice: { invoiceNumber: 'INV-1' } });
    const closed = run([cmd.completeRefund()], refunding);
    expect(given(closed).when(invoice).then(invoiceConfirmed)).toMatchObject({ status: 'closed', closeReason: 'REFUNDED' });
  });

  it('never closes while the money is out: a failed refund or another amount raises a review item', () => {
    const refunding = run([failed], historyTo('paid'));
    const afterFailure = given(refunding).when(cmd.completeRefund({ outcome: 'FAILED', detail: 'account frozen' })).then([
      expect.objectContaining({ data: expect.objectContaining({ cause: 'REFUND_FAILED', detail: 'refund refund-1 failed: account frozen' }) }),
    ]);
    expect(afterFailure.status).toBe('refunding');
    given(refunding).when(cmd.completeRefund({ amount: TOTAL - 100 })).then([
      expect.objectContaining({ data: expect.objectContaining({ cause: 'REFUND_AMOUNT_MISMATCH' }) }),
    ]);
  });

  it('a refund answer repeated after closing adds nothing', () => {
    const closed = run([failed, cmd.completeRefund()], historyTo('paid'));
    given(closed).when(cmd.completeRefund({ commandId: 'again' })).thenNothingHappened();
  });

  it('a reservation result for a refunding order is refused and recorded, not applied', () => {
    const refunding = run([failed], historyTo('paid'));
    given(refunding).when(cmd.reservation({ reservationId: 'res-2' })).thenRejected('ILLEGAL_TRANSITION', 'Cannot ReserveInventoryResult when order is refunding');
  });

  it('a failure needs a reason', () => {
    given(historyTo('paid')).when(cmd.reservation({ outcome: 'FAILED', reason: null })).thenRejected('INVALID_COMMAND', /reason is required/);
  });
});

describe('cancelling', () => {
  it('an unpaid order closes as CANCELLED, with who cancelled it', () => {
    given(historyTo('pending_payment')).when(cmd.cancel()).then([
      { type: 'OrderClosed', data: { orderId: ORDER_ID, ...atMinute(10), reason: 'CANCELLED', detail: 'changed my mind', closedBy: CREATOR } },
    ]);
  });

  it('once a notification was accepted (money may have moved) becomes a refund', () => {
    const state = given(run([cmd.notification()], historyTo('pending_payment'))).when(cmd.cancel()).then([
      expect.objectContaining({ type: 'RefundRequested', data: expect.objectContaining({ reason: 'CANCELLED_AFTER_PAYMENT', refundAmount: TOTAL, requestedBy: CREATOR }) }),
    ]);
    expect(state.status).toBe('refunding');
  });

  it.each(['paid', 'inventory_reserved', 'ready_to_dispatch', 'dispatch_planned'] as const)('in %s is a refund, never a bare close', (status) => {
    const state = given(historyTo(status)).when(cmd.cancel()).then([type('RefundRequested')]);
    expect(state.status).toBe('refunding');
    expect(rebuild(run([cmd.completeRefund()], run([cmd.cancel()], historyTo(status)))).closeReason).toBe('REFUNDED');
  });

  it('after anything shipped is refused', () => {
    given(historyTo('partially_shipped')).when(cmd.cancel()).thenRejected('ILLEGAL_TRANSITION', 'Cannot CancelOrder when order is partially_shipped');
  });
});
