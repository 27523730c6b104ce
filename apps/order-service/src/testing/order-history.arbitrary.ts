import fc from 'fast-check';
import { decide, evolve, initialState, isRejection, SHIPMENT_STAGES, toCommandRejected, type OrderCommand, type OrderEvent, type OrderState } from '@oms/order-domain';
import { AGENT, atMinute, cmd, CREATOR, OUT_TRADE_NO, PLAN_ID, STRANGER, SUPERVISOR, TOTAL, TX, TX2, WAREHOUSE_MANAGER } from './order-command.builders';

/** An event the real decider produced, with the order state just before it. */
export interface DecidedEvent {
  event: OrderEvent;
  stateBefore: OrderState;
}

const actor = fc.constantFrom(CREATOR, SUPERVISOR, WAREHOUSE_MANAGER, STRANGER, AGENT);
const at = fc.tuple(fc.nat(3 * 24 * 60), fc.constantFrom('+08:00' as const, 'Z' as const)).map(([minute, offset]) => atMinute(minute, offset));
const payment = {
  transactionId: fc.constantFrom(TX, TX, TX, TX2, '42'),
  outTradeNo: fc.constantFrom(OUT_TRADE_NO, OUT_TRADE_NO, 'x'),
  amount: fc.constantFrom(TOTAL, TOTAL, TOTAL, TOTAL + 1),
};
const failure = fc.constantFrom('OUT_OF_STOCK', 'TIMED_OUT: WMS did not answer', 'UNKNOWN_SKU: CUP-GLASS-01 无此商品', 'WAREHOUSE_UNAVAILABLE: ');

/** Any command for the fixture order; pools mix valid and invalid values so every rule fires. */
const anyCommand: fc.Arbitrary<OrderCommand> = fc.oneof(
  fc.record({ channelOrderId: fc.constantFrom('MP1', 'MP2'), invoiceTitle: fc.constantFrom('王小明', '杭州青叶贸易有限公司'), promotion: fc.constantFrom(null, { promotionId: 'A+B', discountAmount: 300 }), attribution: fc.constantFrom(null, { source: '', medium: 'live', campaign: 'x' }) }).map((o) => cmd.placeOrder(o)),
  { weight: 3, arbitrary: fc.record({ ...payment, signatureVerified: fc.boolean(), httpStatusAnswered: fc.constantFrom(200, 200, 500) }).map((o) => cmd.notification(o)) },
  { weight: 3, arbitrary: fc.record({ ...payment, tradeState: fc.constantFrom('SUCCESS', 'SUCCESS', 'NOTPAY') }).map((o) => cmd.confirmation(o)) },
  fc.tuple(at, fc.constantFrom('PT15M', 'PT1H')).map(([time, confirmationTimeout]) => cmd.timeoutCheck({ ...time, confirmationTimeout })),
  { weight: 2, arbitrary: fc.record({ reservationId: fc.constantFrom('rsv-1', 'rsv-2'), outcome: fc.constantFrom('RESERVED' as const, 'FAILED' as const), reason: failure }).map((o) => cmd.reservation({ ...o, reason: o.outcome === 'FAILED' ? o.reason : null })) },
  { weight: 2, arbitrary: fc.constantFrom('INV-1', 'INV-2').map((invoiceNumber) => cmd.invoice({ invoiceNumber })) },
  { weight: 2, arbitrary: fc.record({ dispatchPlanId: fc.constantFrom(PLAN_ID, PLAN_ID, 'plan-9'), version: fc.integer({ min: 1, max: 3 }) }).map((o) => cmd.plan(o)) },
  { weight: 3, arbitrary: fc.record({ stage: fc.constantFrom(...SHIPMENT_STAGES), dispatchPlanId: fc.constantFrom(PLAN_ID, PLAN_ID, 'plan-9') }).map((o) => cmd.progress(o)) },
  fc.constant(cmd.complete()),
  actor.map((who) => cmd.requestRefund({ actor: who })),
  fc.record({ refundId: fc.constantFrom('refund-1', 'refund-2'), amount: payment.amount, outcome: fc.constantFrom('SUCCEEDED' as const, 'FAILED' as const) }).map((o) => cmd.completeRefund(o)),
  actor.map((who) => cmd.cancel({ actor: who })),
  fc.tuple(actor, at).map(([who, time]) => cmd.changeAddress({ actor: who, ...time })),
  fc.tuple(actor, fc.constantFrom(25_600, TOTAL)).map(([who, totalAmount]) => cmd.changeLines({ actor: who, totalAmount })),
);

const HAPPY_PATH: OrderCommand[] = [
  cmd.placeOrder(), cmd.notification(), cmd.confirmation(), cmd.reservation(), cmd.invoice(), cmd.plan(),
  cmd.progress({ stage: 'SHIPPED' }), cmd.progress({ stage: 'IN_DELIVERY' }), cmd.progress({ stage: 'DELIVERED' }), cmd.complete(),
];

/** A prefix of the happy path (so deep states are reached often), then random commands. */
export const commandSequence: fc.Arbitrary<OrderCommand[]> = fc
  .tuple(fc.nat(HAPPY_PATH.length), fc.array(anyCommand, { maxLength: 20 }))
  .map(([prefix, rest]) => [...HAPPY_PATH.slice(0, prefix), ...rest]);

/**
 * Runs commands through the real `decide`, recording refusals as `CommandRejected` as the service
 * does, and returns every event with the state it was applied to.
 */
export function decideAll(commands: readonly OrderCommand[]): DecidedEvent[] {
  const decided: DecidedEvent[] = [];
  let state = initialState;
  for (const command of commands) {
    const decision = decide(command, state);
    const events = isRejection(decision) ? [toCommandRejected(command, decision)] : decision.events;
    for (const event of events) {
      decided.push({ event, stateBefore: state });
      state = evolve(state, event);
    }
  }
  return decided;
}

/** Histories made by the real decider. */
export const orderHistory: fc.Arbitrary<DecidedEvent[]> = commandSequence.map(decideAll);
