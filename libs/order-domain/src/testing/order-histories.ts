import { rebuild } from '../aggregate/order.aggregate';
import type { OrderCommand } from '../commands/order-command';
import type { OrderEvent } from '../events/order-event';
import { decide } from '../decision/decide';
import type { OrderLifecycleStatus } from '../model/order-status';
import { cmd, SUPERVISOR } from './order-fixtures';

/**
 * Runs commands through `decide` and returns every event — histories made by the real decider,
 * so fixtures cannot drift from what production would store. Throws on a rejection.
 */
export function run(commands: readonly OrderCommand[], from: readonly OrderEvent[] = []): OrderEvent[] {
  return commands.reduce<OrderEvent[]>((events, command) => {
    const decision = decide(command, rebuild(events));
    if (decision.outcome === 'rejected') throw new Error(`fixture command refused: ${decision.message}`);
    return [...events, ...decision.events];
  }, [...from]);
}

const paid = [cmd.placeOrder(), cmd.notification(), cmd.confirmation()];
const reserved = [...paid, cmd.reservation()];
const ready = [...reserved, cmd.invoice()];
const planned = [...ready, cmd.plan()];
const shipped = [...planned, cmd.progress({ stage: 'SHIPPED' })];
const delivered = [...shipped, cmd.progress({ stage: 'IN_DELIVERY' }), cmd.progress({ stage: 'DELIVERED' })];

/** A canonical command script that leaves the order in each status. */
export const SCRIPTS: Readonly<Record<OrderLifecycleStatus, readonly OrderCommand[]>> = {
  not_placed: [],
  pending_payment: [cmd.placeOrder()],
  paid,
  inventory_reserved: reserved,
  ready_to_dispatch: ready,
  dispatch_planned: planned,
  partially_shipped: [...planned, cmd.progress({ stage: 'PARTIALLY_SHIPPED' })],
  shipped,
  in_delivery: [...shipped, cmd.progress({ stage: 'IN_DELIVERY' })],
  delivered,
  completed: [...delivered, cmd.complete()],
  refunding: [...paid, cmd.requestRefund({ actor: SUPERVISOR })],
  closed: [cmd.placeOrder(), cmd.cancel()],
};

/** The events of an order in `status`, made by running its script. */
export function historyTo(status: OrderLifecycleStatus): OrderEvent[] {
  return run(SCRIPTS[status]);
}
