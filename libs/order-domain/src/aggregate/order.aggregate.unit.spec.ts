import { decide } from '../decision/decide';
import { toCommandRejected } from '../decision/command-rejected';
import { cmd, CREATOR, TOTAL, TX } from '../testing/order-fixtures';
import { historyTo } from '../testing/order-histories';
import { evolve, rebuild } from './order.aggregate';
import { initialState } from './order-state';

describe('the order aggregate', () => {
  it('starts not placed', () => {
    expect(rebuild([])).toBe(initialState);
    expect(initialState).toMatchObject({ status: 'not_placed', version: 0, orderId: null });
  });

  it('holds what decisions need after a full life', () => {
    const events = historyTo('completed');
    const state = rebuild(events);
    expect(state).toMatchObject({
      status: 'completed',
      version: events.length,
      createdBy: CREATOR,
      totalAmount: TOTAL,
      notification: { transactionId: TX, signatureVerified: true, httpStatusAnswered: 200 },
      confirmation: { transactionId: TX, tradeState: 'SUCCESS' },
      payment: { transactionId: TX, amount: TOTAL },
      reservation: { reservationId: 'res-1', outcome: 'RESERVED' },
      invoice: { invoiceNumber: 'INV-1' },
      dispatchPlan: { dispatchPlanId: 'plan-1', version: 1 },
      shipmentStage: 'DELIVERED',
      estimatedShipTime: '2026-01-21T14:22:03.000+08:00',
      closeReason: null,
    });
  });

  it('never mutates the state it is given', () => {
    const events = historyTo('completed');
    const frozen = events.slice(0, -1).reduce((state, event) => Object.freeze(evolve(state, event)), initialState);
    expect(() => evolve(frozen, events[events.length - 1])).not.toThrow();
    expect(frozen.status).toBe('delivered');
  });

  it('a recorded rejection changes nothing but the version', () => {
    const events = historyTo('shipped');
    const before = rebuild(events);
    const command = cmd.complete();
    const decision = decide(command, before);
    if (decision.outcome !== 'rejected') throw new Error('expected a rejection');
    const after = evolve(before, toCommandRejected(command, decision));
    expect(after).toEqual({ ...before, version: before.version + 1 });
  });

  it('rebuilds from a given state when only the tail is replayed', () => {
    const events = historyTo('delivered');
    expect(rebuild(events.slice(5), rebuild(events.slice(0, 5)))).toEqual(rebuild(events));
  });
});
