import fc from 'fast-check';
import type { OrderCommand } from '../commands/order-command';
import { SHIPMENT_STAGES } from '../model/order-values';
import { AGENT, atMinute, cmd, CREATOR, OUT_TRADE_NO, PLAN_ID, STRANGER, SUPERVISOR, TOTAL, TX, TX2, WAREHOUSE_MANAGER } from './order-fixtures';
import { SCRIPTS } from './order-histories';

/**
 * fast-check arbitraries for order commands. Payloads are drawn from small pools that mix valid
 * and invalid values (right and wrong ids, amounts, signatures, actors) so random sequences both
 * make progress and hit every rule.
 */
const time = fc.nat(3 * 24 * 60).map(atMinute);
const actor = fc.constantFrom(CREATOR, SUPERVISOR, WAREHOUSE_MANAGER, STRANGER, AGENT);
const transactionId = fc.constantFrom(TX, TX, TX, TX2, '42', '');
const outTradeNo = fc.constantFrom(OUT_TRADE_NO, OUT_TRADE_NO, 'OMS-OTHER-0002', 'x');
const amount = fc.constantFrom(TOTAL, TOTAL, TOTAL, TOTAL + 1, 9980, 114.8);
const commandId = fc.constantFrom('m-1', 'm-2', 'm-3');

const payment = { transactionId, outTradeNo, amount, commandId };

/** One random command of any type. */
export const anyCommand: fc.Arbitrary<OrderCommand> = fc.oneof(
  fc.record({ channelOrderId: fc.constantFrom('DY-1001', 'DY-2002'), totalAmount: fc.constantFrom(TOTAL, 9980) }).map((o) => cmd.placeOrder(o)),
  { weight: 3, arbitrary: fc.record({ ...payment, signatureVerified: fc.boolean(), httpStatusAnswered: fc.constantFrom(200, 200, 500) }).map((o) => cmd.notification(o)) },
  { weight: 3, arbitrary: fc.record({ ...payment, tradeState: fc.constantFrom('SUCCESS', 'SUCCESS', 'NOTPAY') }).map((o) => cmd.confirmation(o)) },
  fc.tuple(time, fc.constantFrom('PT15M', 'PT1H')).map(([at, confirmationTimeout]) => cmd.timeoutCheck({ ...at, confirmationTimeout })),
  { weight: 2, arbitrary: fc.record({ reservationId: fc.constantFrom('res-1', 'res-2'), outcome: fc.constantFrom('RESERVED' as const, 'RESERVED' as const, 'FAILED' as const), reason: fc.constant('out of stock') }).map((o) => cmd.reservation(o)) },
  { weight: 2, arbitrary: fc.constantFrom('INV-1', 'INV-2').map((invoiceNumber) => cmd.invoice({ invoiceNumber })) },
  { weight: 2, arbitrary: fc.record({ dispatchPlanId: fc.constantFrom(PLAN_ID, PLAN_ID, 'plan-9'), version: fc.integer({ min: 1, max: 3 }) }).map((o) => cmd.plan(o)) },
  { weight: 3, arbitrary: fc.record({ stage: fc.constantFrom(...SHIPMENT_STAGES), dispatchPlanId: fc.constantFrom(PLAN_ID, PLAN_ID, 'plan-9') }).map((o) => cmd.progress(o)) },
  fc.constant(cmd.complete()),
  actor.map((a) => cmd.requestRefund({ actor: a })),
  fc.record({ refundId: fc.constantFrom('refund-1', 'refund-2'), amount, outcome: fc.constantFrom('SUCCEEDED' as const, 'FAILED' as const) }).map((o) => cmd.completeRefund(o)),
  actor.map((a) => cmd.cancel({ actor: a })),
  actor.map((a) => cmd.changeAddress({ actor: a })),
  fc.tuple(actor, fc.constantFrom(9980, TOTAL, 99.8)).map(([a, totalAmount]) => cmd.changeLines({ actor: a, totalAmount })),
);

/**
 * A command sequence: a prefix of the happy path (so deep states are reached often) followed by
 * random commands.
 */
export const commandSequence: fc.Arbitrary<OrderCommand[]> = fc
  .tuple(fc.nat(SCRIPTS.completed.length), fc.array(anyCommand, { maxLength: 25 }))
  .map(([prefix, rest]) => [...SCRIPTS.completed.slice(0, prefix), ...rest]);
