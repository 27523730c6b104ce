import { rebuild } from '../aggregate/order.aggregate';
import { ORDER_COMMAND_TYPES } from '../commands/order-command';
import { decide } from '../decision/decide';
import { LIFECYCLE_STATUSES, NOT_PLACED, ORDER_STATUSES } from '../model/order-status';
import { SHIPMENT_STAGES } from '../model/order-values';
import { cmd, PLAN_ID } from '../testing/order-fixtures';
import { historyTo } from '../testing/order-histories';
import { freshCommand, scenarioFor } from '../testing/transition-scenarios';
import { orderStateMachine } from './order-state-machine';
import { ORDER_TRANSITIONS } from './order-transitions';

// Every case below is generated from the table itself: editing the data file changes the tests.

describe('the transition table, row by row', () => {
  it.each(ORDER_TRANSITIONS.map((row) => [row.from, row.command, row.to, row] as const))(
    '%s --%s--> %s is accepted and lands there',
    (_from, _command, to, row) => {
      const { given, when } = scenarioFor(row);
      expect(rebuild(given).status).toBe(row.from);
      const decision = decide(when, rebuild(given));
      expect(decision.outcome).toBe('accepted');
      const events = decision.outcome === 'accepted' ? decision.events : [];
      expect(events.length).toBeGreaterThan(0);
      expect(rebuild(events, rebuild(given)).status).toBe(to);
    },
  );
});

describe('every state × command pair without a row is rejected', () => {
  const illegal = LIFECYCLE_STATUSES.flatMap((status) =>
    ORDER_COMMAND_TYPES.filter((type) => !orderStateMachine.allows(status, type)).map((type) => [status, type] as const),
  );

  it('covers the whole grid (13 states × 14 commands)', () => {
    const legal = LIFECYCLE_STATUSES.flatMap((status) => ORDER_COMMAND_TYPES.filter((type) => orderStateMachine.allows(status, type)));
    expect(illegal.length + legal.length).toBe(13 * 14);
    expect(illegal.length).toBeGreaterThan(100);
  });

  it.each(illegal)('in %s, %s', (status, type) => {
    const given = historyTo(status);
    const command = freshCommand(type, given);
    if (command === null) {
      // Nothing new can be said (a shipment stage after DELIVERED): a late scan is a repeat.
      expect(decide(cmd.progress({ stage: 'DELIVERED' }), rebuild(given))).toEqual({ outcome: 'accepted', events: [] });
      return;
    }
    expect(decide(command, rebuild(given))).toMatchObject({
      outcome: 'rejected',
      code: 'ILLEGAL_TRANSITION',
      state: status,
      message: `Cannot ${type} when order is ${status}`,
    });
  });
});

describe('shipment stages the table does not list are refused, not skipped', () => {
  const cases = ['dispatch_planned', 'partially_shipped', 'shipped', 'in_delivery'].flatMap((status) =>
    SHIPMENT_STAGES.map((stage) => [status, stage] as const),
  );

  it.each(cases)('in %s, a %s scan', (status, stage) => {
    const state = rebuild(historyTo(status as 'shipped'));
    const reached = state.shipmentStage ? SHIPMENT_STAGES.indexOf(state.shipmentStage) : -1;
    const decision = decide(cmd.progress({ stage, dispatchPlanId: PLAN_ID }), state);
    const target = ({ PARTIALLY_SHIPPED: 'partially_shipped', SHIPPED: 'shipped', IN_DELIVERY: 'in_delivery', DELIVERED: 'delivered' } as const)[stage];
    if (SHIPMENT_STAGES.indexOf(stage) <= reached) {
      expect(decision).toEqual({ outcome: 'accepted', events: [] });
    } else if (orderStateMachine.hasTransition(state.status, 'RecordShipmentProgress', target)) {
      expect(decision).toMatchObject({ outcome: 'accepted', events: [expect.objectContaining({ type: 'OrderShipmentProgressed' })] });
    } else {
      expect(decision).toMatchObject({
        code: 'ILLEGAL_TRANSITION',
        message: `Cannot RecordShipmentProgress when order is ${status} (it would move the order to ${target})`,
      });
    }
  });

  it('includes the refusals the field rules ask for', () => {
    expect(orderStateMachine.hasTransition('partially_shipped', 'RecordShipmentProgress', 'in_delivery')).toBe(false);
    expect(orderStateMachine.hasTransition('dispatch_planned', 'RecordShipmentProgress', 'shipped')).toBe(true);
  });
});

describe('the table as data', () => {
  it('uses exactly the twelve states, all reachable from not_placed', () => {
    const reachable = new Set<string>([NOT_PLACED]);
    for (let grown = true; grown; ) {
      grown = false;
      for (const row of ORDER_TRANSITIONS) {
        if (reachable.has(row.from) && !reachable.has(row.to)) {
          reachable.add(row.to);
          grown = true;
        }
      }
    }
    expect([...reachable].sort()).toEqual([NOT_PLACED, ...ORDER_STATUSES].sort());
  });

  it('ends only in completed and closed', () => {
    expect(ORDER_STATUSES.filter((status) => orderStateMachine.isFinal(status))).toEqual(['completed', 'closed']);
  });

  it('never cancels bare once money may have moved: after payment, cancel and failed reservation lead to refunding', () => {
    for (const status of ['paid', 'inventory_reserved', 'ready_to_dispatch', 'dispatch_planned'] as const) {
      expect(orderStateMachine.exits(status, 'CancelOrder').map((row) => row.to)).toEqual(['refunding']);
    }
    expect(orderStateMachine.exits('paid', 'ReserveInventoryResult').map((row) => row.to)).toContain('refunding');
    expect(ORDER_TRANSITIONS.filter((row) => row.to === 'closed' && row.from !== 'closed').map((row) => `${row.from}/${row.command}`)).toEqual([
      'pending_payment/CancelOrder',
      'refunding/CompleteRefund',
    ]);
  });
});
