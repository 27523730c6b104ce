import fc from 'fast-check';
import { rebuild, evolve } from '../aggregate/order.aggregate';
import { initialState, type OrderState } from '../aggregate/order-state';
import type { OrderCommand, OrderCommandType } from '../commands/order-command';
import type { OrderEvent } from '../events/order-event';
import { isLifecycleStatus } from '../model/order-status';
import { orderStateMachine } from '../state-machine/order-state-machine';
import { commandSequence } from '../testing/order-command.arbitrary';
import { decide } from './decide';
import type { Decision } from './decision';

interface Step {
  command: OrderCommand;
  before: OrderState;
  decision: Decision;
  after: OrderState;
}

/** Runs commands one by one, folding each decision's events into the live state. */
function live(commands: OrderCommand[]): { steps: Step[]; events: OrderEvent[]; state: OrderState } {
  let state = initialState;
  const steps: Step[] = [];
  const events: OrderEvent[] = [];
  for (const command of commands) {
    const decision = decide(command, state);
    const produced = decision.outcome === 'accepted' ? decision.events : [];
    const after = produced.reduce(evolve, state);
    steps.push({ command, before: state, decision, after });
    events.push(...produced);
    state = after;
  }
  return { steps, events, state };
}

const RUNS = { numRuns: 200 };

describe('properties of the order decider', () => {
  it('replay equals live state: folding events step by step == rebuild(all events)', () => {
    fc.assert(fc.property(commandSequence, (commands) => {
      const { events, state } = live(commands);
      expect(rebuild(events)).toEqual(state);
      expect(state.version).toBe(events.length);
    }), RUNS);
  });

  it('no sequence of commands leaves the table: every state change is a row for its command', () => {
    fc.assert(fc.property(commandSequence, (commands) => {
      const violations: string[] = [];
      for (const { command, before, decision, after } of live(commands).steps) {
        const where = `${command.type} in ${before.status}`;
        if (!isLifecycleStatus(after.status)) violations.push(`${where}: unknown status ${after.status}`);
        if (decision.outcome === 'accepted' && decision.events.length > 0) {
          const listed = after.status !== 'not_placed' && orderStateMachine.hasTransition(before.status, command.type, after.status);
          if (!listed) violations.push(`${where}: reached ${after.status}, which no row lists`);
        }
        if (decision.outcome === 'rejected' && !(decision.message.includes(command.type) && decision.message.includes(before.status))) {
          violations.push(`${where}: rejection does not name command and state: ${decision.message}`);
        }
        if (decision.outcome === 'rejected' && after !== before) violations.push(`${where}: a rejection changed the state`);
      }
      expect(violations).toEqual([]);
    }), RUNS);
  });

  it('money is never "paid" without 200 ∧ signature ∧ confirmed balance for the same transaction and the order total', () => {
    fc.assert(fc.property(commandSequence, (commands) => {
      const { events } = live(commands);
      events.forEach((event, index) => {
        if (event.type !== 'OrderPaid') return;
        const earlier = events.slice(0, index);
        const total = rebuild(earlier).totalAmount;
        const same = (e: OrderEvent) => 'transactionId' in e.data && e.data.transactionId === event.data.transactionId && 'outTradeNo' in e.data && e.data.outTradeNo === event.data.outTradeNo;
        const notified = earlier.some((e) => e.type === 'PaymentNotificationAccepted' && same(e) && e.data.httpStatusAnswered === 200 && e.data.signatureVerified === true && e.data.amount === total);
        const confirmed = earlier.some((e) => e.type === 'PaymentConfirmed' && same(e) && e.data.tradeState === 'SUCCESS' && e.data.amount === total);
        expect({ notified, confirmed, wellFormed: /^\d{28,32}$/.test(event.data.transactionId), amount: event.data.amount }).toEqual({
          notified: true, confirmed: true, wellFormed: true, amount: total,
        });
      });
      expect(events.filter((event) => event.type === 'OrderPaid').length).toBeLessThanOrEqual(1);
    }), RUNS);
  });

  it('every status is reached by some generated sequence (the properties are not vacuous)', () => {
    const seen = new Set<string>();
    fc.assert(fc.property(commandSequence, (commands) => {
      for (const step of live(commands).steps) seen.add(step.after.status);
    }), { numRuns: 500, seed: 42 });
    expect([...seen].sort()).toEqual(['closed', 'completed', 'delivered', 'dispatch_planned', 'in_delivery', 'inventory_reserved', 'not_placed', 'paid', 'partially_shipped', 'pending_payment', 'ready_to_dispatch', 'refunding', 'shipped']);
  });

  const FACTS: OrderCommandType[] = [
    'PlaceOrder', 'AcceptPaymentNotification', 'ConfirmPayment', 'CheckPaymentConfirmationTimeout', 'ReserveInventoryResult',
    'ConfirmInvoice', 'RecordDispatchPlan', 'RecordShipmentProgress', 'CompleteRefund',
  ];

  it('a fact re-sent right after it was accepted adds nothing (idempotent ingress)', () => {
    fc.assert(fc.property(commandSequence, (commands) => {
      const repeats = live(commands).steps
        .filter(({ command, decision }) => decision.outcome === 'accepted' && FACTS.includes(command.type))
        .map(({ command, after }) => ({ command: command.type, again: decide(command, after) }))
        .filter(({ again }) => again.outcome !== 'accepted' || again.events.length > 0);
      expect(repeats).toEqual([]);
    }), RUNS);
  });

  it('money is conserved: an order is refunded at most once and only for what it holds', () => {
    fc.assert(fc.property(commandSequence, (commands) => {
      const { events } = live(commands);
      const refunds = events.filter((event) => event.type === 'RefundRequested');
      expect(refunds.length).toBeLessThanOrEqual(1);
      for (const refund of refunds) {
        const money = events.find((e) => e.type === 'OrderPaid' || e.type === 'PaymentNotificationAccepted' || e.type === 'PaymentConfirmed');
        expect(money).toBeDefined();
        expect(refund.data.refundAmount).toBe((money as { data: { amount: number } }).data.amount);
      }
    }), RUNS);
  });
});
