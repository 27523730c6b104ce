import { toCommandRejected } from '../decision/command-rejected';
import { decide } from '../decision/decide';
import { rebuild } from '../aggregate/order.aggregate';
import { given } from '../testing/decider-spec';
import { ADDRESS, AGENT, cmd, CREATOR, STRANGER, SUPERVISOR, WAREHOUSE_MANAGER } from '../testing/order-fixtures';
import { historyTo, run } from '../testing/order-histories';

// Field rule: only the order's creator, a customer-service supervisor or a warehouse manager may
// change an order; every change is an audited event carrying the actor and role.

const changes = {
  ChangeAddress: (actor: typeof CREATOR) => cmd.changeAddress({ actor }),
  ChangeLines: (actor: typeof CREATOR) => cmd.changeLines({ actor }),
  CancelOrder: (actor: typeof CREATOR) => cmd.cancel({ actor }),
} as const;

describe('who may change an order', () => {
  const placed = historyTo('pending_payment');

  it.each(Object.keys(changes).flatMap((name) => [CREATOR, SUPERVISOR, WAREHOUSE_MANAGER].map((actor) => [name, actor.role, actor] as const)))(
    '%s by %s is accepted and the event names the actor',
    (name, _role, actor) => {
      const decision = decide(changes[name as keyof typeof changes](actor), rebuild(placed));
      expect(decision).toMatchObject({ outcome: 'accepted' });
      const events = decision.outcome === 'accepted' ? decision.events : [];
      const data = events[0].data as { actor?: unknown; closedBy?: unknown };
      expect(data.actor ?? data.closedBy).toEqual(actor);
    },
  );

  it.each(Object.keys(changes).flatMap((name) => [STRANGER, AGENT].map((actor) => [name, actor.actorId, actor] as const)))(
    '%s by %s is FORBIDDEN — distinct from an illegal transition',
    (name, actorId, actor) => {
      given(placed).when(changes[name as keyof typeof changes](actor)).thenRejected('FORBIDDEN', new RegExp(`^Forbidden: ${actorId} \\(role customer\\w*\\) may not ${name} when order is pending_payment; only its creator, customer_service_supervisor, warehouse_manager may change it$`));
    },
  );

  it('refund requests follow the same rule', () => {
    given(historyTo('paid')).when(cmd.requestRefund({ actor: STRANGER })).thenRejected('FORBIDDEN');
    given(historyTo('paid')).when(cmd.requestRefund({ actor: CREATOR })).then([expect.objectContaining({ type: 'RefundRequested' })]);
  });

  it('a stranger learns nothing about the state: FORBIDDEN is checked before the table', () => {
    given(historyTo('closed')).when(cmd.changeAddress({ actor: STRANGER })).thenRejected('FORBIDDEN');
    given(historyTo('closed')).when(cmd.changeAddress({ actor: SUPERVISOR })).thenRejected('ILLEGAL_TRANSITION', 'Cannot ChangeAddress when order is closed');
  });

  it('the creator is matched by id, not by role: another customer is not the creator', () => {
    expect(STRANGER.role).toBe(CREATOR.role);
    given(placed).when(cmd.cancel({ actor: STRANGER })).thenRejected('FORBIDDEN');
  });

  it('a refused change is recorded with its actor', () => {
    const command = cmd.changeAddress({ actor: STRANGER });
    const decision = decide(command, rebuild(placed));
    if (decision.outcome !== 'rejected') throw new Error('expected a rejection');
    expect(toCommandRejected(command, decision)).toEqual({
      type: 'CommandRejected',
      data: {
        orderId: command.data.orderId, occurredAt: command.data.occurredAt, occurredAtText: command.data.occurredAtText,
        command: 'ChangeAddress', commandId: 'cmd-ChangeAddress', state: 'pending_payment', code: 'FORBIDDEN', reason: decision.message, actor: STRANGER,
      },
    });
  });
});

describe('what a change may touch', () => {
  it('the address changes and is kept in the state', () => {
    const newAddress = { ...ADDRESS, detail: '9 Tianmushan Rd' };
    const state = given(historyTo('paid')).when(cmd.changeAddress({ address: newAddress, phone: '13700137000' })).then([
      expect.objectContaining({ type: 'OrderAddressChanged', data: expect.objectContaining({ actor: CREATOR, address: newAddress, phone: '13700137000' }) }),
    ]);
    expect(state).toMatchObject({ address: newAddress, phone: '13700137000', status: 'paid' });
  });

  it('lines change before payment, carrying the previous total', () => {
    const state = given(historyTo('pending_payment')).when(cmd.changeLines()).then([
      expect.objectContaining({ type: 'OrderLinesChanged', data: expect.objectContaining({ totalAmount: 9980, previousTotalAmount: 11480 }) }),
    ]);
    expect(state.totalAmount).toBe(9980);
  });

  it('lines cannot change once a payment fact was seen (CONFLICT), nor after payment (ILLEGAL_TRANSITION)', () => {
    given(run([cmd.notification()], historyTo('pending_payment')))
      .when(cmd.changeLines())
      .thenRejected('CONFLICT', /^Cannot ChangeLines when order is pending_payment: a payment was already seen/);
    given(historyTo('paid')).when(cmd.changeLines()).thenRejected('ILLEGAL_TRANSITION', 'Cannot ChangeLines when order is paid');
  });

  it('the address cannot change once anything shipped', () => {
    given(historyTo('shipped')).when(cmd.changeAddress()).thenRejected('ILLEGAL_TRANSITION', 'Cannot ChangeAddress when order is shipped');
  });

  it('a change with a float total is malformed', () => {
    given(historyTo('pending_payment')).when(cmd.changeLines({ totalAmount: 99.8 })).thenRejected('INVALID_COMMAND', /totalAmount must be a non-negative integer/);
  });
});
