import { rebuild } from '../aggregate/order.aggregate';
import { given } from '../testing/decider-spec';
import { cmd } from '../testing/order-fixtures';
import { historyTo } from '../testing/order-histories';
import { decide } from './decide';
import { isRejection } from './decision';
import { OrderRejectionError } from './order-rejection';

describe('decide', () => {
  it('refuses a command for another order', () => {
    given(historyTo('pending_payment')).when(cmd.cancel({ orderId: 'order-2' })).thenRejected('INVALID_COMMAND', /orderId order-2 is not this order \(order-1\)/);
  });

  it('names command and state in an illegal transition, as the HTTP layer shows it', () => {
    const decision = decide(cmd.notification(), rebuild([]));
    expect(isRejection(decision)).toBe(true);
    expect(decision).toMatchObject({ code: 'ILLEGAL_TRANSITION', command: 'AcceptPaymentNotification', commandId: 'cmd-AcceptPaymentNotification', state: 'not_placed' });
  });

  it('refuses commands missing their ids', () => {
    given([]).when(cmd.placeOrder({ commandId: '' })).thenRejected('INVALID_COMMAND', /commandId is required/);
  });

  it('a rejection can be thrown for callers that prefer errors', () => {
    const decision = decide(cmd.complete(), rebuild(historyTo('closed')));
    if (!isRejection(decision)) throw new Error('expected a rejection');
    const error = new OrderRejectionError(decision);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('Cannot CompleteOrder when order is closed');
    expect(error.rejection.code).toBe('ILLEGAL_TRANSITION');
  });

  it('is pure: the same command on the same state decides the same, and the state is untouched', () => {
    const state = Object.freeze(rebuild(historyTo('paid')));
    const command = cmd.reservation({ outcome: 'FAILED', reason: 'none left' });
    expect(decide(command, state)).toEqual(decide(command, state));
    expect(state.status).toBe('paid');
  });
});
