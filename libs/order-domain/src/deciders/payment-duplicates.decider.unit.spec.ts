import { given } from '../testing/decider-spec';
import { atMinute, cmd, TX2 } from '../testing/order-fixtures';
import { historyTo, run } from '../testing/order-histories';

// Field rules: duplicate notifications produce exactly one payment; exceptions raise review items.

const placed = historyTo('pending_payment');
const review = (cause: string) => expect.objectContaining({ type: 'ReviewItemRaised', data: expect.objectContaining({ cause }) });

describe('duplicates produce exactly one payment', () => {
  const fiveTimes = <T>(command: T) => [command, command, command, command, command];

  it('the same notification five times: accepted once, then nothing', () => {
    const events = run(fiveTimes(cmd.notification()), placed).slice(placed.length);
    expect(events.map((event) => event.type)).toEqual(['PaymentNotificationAccepted']);
  });

  it('the same notification re-sent under new message ids after payment: nothing', () => {
    const paid = historyTo('paid');
    for (let attempt = 0; attempt < 5; attempt++) {
      given(paid).when(cmd.notification({ commandId: `redelivery-${attempt}` })).thenNothingHappened();
      given(paid).when(cmd.confirmation({ commandId: `requery-${attempt}` })).thenNothingHappened();
    }
  });

  it('a bad notification five times raises one review item', () => {
    const events = run(fiveTimes(cmd.notification({ signatureVerified: false })), placed).slice(placed.length);
    expect(events).toEqual([review('SIGNATURE_NOT_VERIFIED')]);
  });

  it('the full flow with every message delivered five times pays once', () => {
    const events = run([...fiveTimes(cmd.notification()), ...fiveTimes(cmd.confirmation())], placed);
    expect(events.filter((event) => event.type === 'OrderPaid')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'InventoryReservationRequested')).toHaveLength(1);
  });
});

describe('payments that do not belong', () => {
  it('a query answer for another transaction than the accepted notification → review, not paid', () => {
    const afterNotification = run([cmd.notification()], placed);
    given(afterNotification).when(cmd.confirmation({ transactionId: TX2 })).then([review('PAYMENT_TRANSACTION_MISMATCH')]);
    given(run([cmd.confirmation()], placed)).when(cmd.notification({ transactionId: TX2 })).then([review('PAYMENT_TRANSACTION_MISMATCH')]);
  });

  it('a second payment for a paid order → UNEXPECTED_PAYMENT, money is not lost', () => {
    given(historyTo('paid')).when(cmd.notification({ transactionId: TX2 })).then([review('UNEXPECTED_PAYMENT')]);
  });

  it('money for a cancelled order → UNEXPECTED_PAYMENT on the closed order', () => {
    const state = given(historyTo('closed')).when(cmd.confirmation({ transactionId: TX2 })).then([review('UNEXPECTED_PAYMENT')]);
    expect(state.status).toBe('closed');
  });

  it('the known transaction reaching an order cancelled into refunding adds nothing', () => {
    const refunding = run([cmd.notification(), cmd.cancel()], placed);
    given(refunding).when(cmd.confirmation()).thenNothingHappened();
  });

  it('a notification before the order exists is refused (the service retries later)', () => {
    given([]).when(cmd.notification()).thenRejected('ILLEGAL_TRANSITION', 'Cannot AcceptPaymentNotification when order is not_placed');
  });
});

describe('a payment that never gets its confirmation raises a review item on a timer', () => {
  const afterNotification = run([cmd.notification()], placed);

  it('before the configured time: nothing', () => {
    given(afterNotification).when(cmd.timeoutCheck({ ...atMinute(15), confirmationTimeout: 'PT15M' })).thenNothingHappened();
  });

  it('after it: PAYMENT_CONFIRMATION_OVERDUE, once', () => {
    const overdue = run([cmd.timeoutCheck({ ...atMinute(16) })], afterNotification);
    expect(overdue.slice(afterNotification.length)).toEqual([review('PAYMENT_CONFIRMATION_OVERDUE')]);
    given(overdue).when(cmd.timeoutCheck({ ...atMinute(60) })).thenNothingHappened();
  });

  it('a query answer without a notification: PAYMENT_NOTIFICATION_OVERDUE', () => {
    given(run([cmd.confirmation()], placed)).when(cmd.timeoutCheck({ ...atMinute(18) })).then([review('PAYMENT_NOTIFICATION_OVERDUE')]);
  });

  it('an order nobody paid yet is left alone', () => {
    given(placed).when(cmd.timeoutCheck({ ...atMinute(600) })).thenNothingHappened();
  });

  it('the timeout is configurable and must be an ISO-8601 duration', () => {
    given(afterNotification).when(cmd.timeoutCheck({ ...atMinute(16), confirmationTimeout: 'PT1H' })).thenNothingHappened();
    given(afterNotification).when(cmd.timeoutCheck({ confirmationTimeout: '15 minutes' })).thenRejected('INVALID_COMMAND', /confirmationTimeout must be an ISO-8601 duration/);
  });

  it('is refused once the order is paid', () => {
    given(historyTo('paid')).when(cmd.timeoutCheck()).thenRejected('ILLEGAL_TRANSITION', 'Cannot CheckPaymentConfirmationTimeout when order is paid');
  });
});
