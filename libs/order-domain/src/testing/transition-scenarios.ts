import { rebuild } from '../aggregate/order.aggregate';
import type { OrderState } from '../aggregate/order-state';
import type { OrderCommand, OrderCommandType } from '../commands/order-command';
import type { OrderEvent } from '../events/order-event';
import type { OrderLifecycleStatus } from '../model/order-status';
import { SHIPMENT_STAGES, type ShipmentStage } from '../model/order-values';
import type { TransitionRow } from '../state-machine/order-transitions';
import { cmd, PLAN_ID, SUPERVISOR, TX2 } from './order-fixtures';
import { historyTo, run } from './order-histories';

/** A given/when pair that should exercise one row of the transition table. */
export interface Scenario {
  given: OrderEvent[];
  when: OrderCommand;
}

const STAGE_OF: Partial<Record<OrderLifecycleStatus, ShipmentStage>> = {
  partially_shipped: 'PARTIALLY_SHIPPED', shipped: 'SHIPPED', in_delivery: 'IN_DELIVERY', delivered: 'DELIVERED',
};

/**
 * The scenario for a row: the canonical history of `row.from`, plus the facts the row's guard
 * needs (e.g. "the query already confirmed" for pending_payment → paid). Test code, so a switch.
 */
export function scenarioFor(row: TransitionRow): Scenario {
  const history = historyTo(row.from);
  const stays = row.from === row.to;
  switch (row.command) {
    case 'PlaceOrder': return { given: history, when: cmd.placeOrder() };
    case 'AcceptPaymentNotification':
      if (row.from !== 'pending_payment') return { given: history, when: cmd.notification({ transactionId: TX2 }) };
      return { given: stays ? history : run([cmd.confirmation()], history), when: cmd.notification() };
    case 'ConfirmPayment':
      if (row.from !== 'pending_payment') return { given: history, when: cmd.confirmation({ transactionId: TX2 }) };
      return { given: stays ? history : run([cmd.notification()], history), when: cmd.confirmation() };
    case 'CheckPaymentConfirmationTimeout': return { given: run([cmd.notification()], history), when: cmd.timeoutCheck() };
    case 'ReserveInventoryResult':
      if (row.to === 'refunding') return { given: history, when: cmd.reservation({ outcome: 'FAILED', reason: 'out of stock' }) };
      return { given: row.to === 'ready_to_dispatch' ? run([cmd.invoice()], history) : history, when: cmd.reservation() };
    case 'ConfirmInvoice': return { given: history, when: cmd.invoice() };
    case 'RecordDispatchPlan': return { given: history, when: cmd.plan({ version: stays ? 2 : 1 }) };
    case 'RecordShipmentProgress': return { given: history, when: cmd.progress({ stage: STAGE_OF[row.to] }) };
    case 'CompleteOrder': return { given: history, when: cmd.complete() };
    case 'RequestRefund': return { given: history, when: cmd.requestRefund() };
    case 'CompleteRefund': return { given: history, when: cmd.completeRefund(stays ? { outcome: 'FAILED' } : {}) };
    case 'CancelOrder':
      return { given: row.from === 'pending_payment' && row.to === 'refunding' ? run([cmd.notification()], history) : history, when: cmd.cancel({ actor: SUPERVISOR }) };
    case 'ChangeAddress': return { given: history, when: cmd.changeAddress({ actor: SUPERVISOR }) };
    case 'ChangeLines': return { given: history, when: cmd.changeLines({ actor: SUPERVISOR }) };
  }
}

function nextStage(state: OrderState): ShipmentStage | null {
  const reached = state.shipmentStage === null ? -1 : SHIPMENT_STAGES.indexOf(state.shipmentStage);
  return SHIPMENT_STAGES[reached + 1] ?? null;
}

/**
 * A command of `type` that is new to the order in `events` — not a repeat of a fact it holds —
 * so the table alone decides whether it is legal. Null when no such command exists (a shipment
 * stage after DELIVERED).
 */
export function freshCommand(type: OrderCommandType, events: readonly OrderEvent[]): OrderCommand | null {
  const state = rebuild(events);
  switch (type) {
    case 'PlaceOrder': return cmd.placeOrder({ channelOrderId: 'DY-OTHER' });
    case 'AcceptPaymentNotification': return cmd.notification({ transactionId: TX2 });
    case 'ConfirmPayment': return cmd.confirmation({ transactionId: TX2 });
    case 'CheckPaymentConfirmationTimeout': return cmd.timeoutCheck();
    case 'ReserveInventoryResult': return cmd.reservation({ reservationId: 'res-fresh' });
    case 'ConfirmInvoice': return cmd.invoice({ invoiceNumber: 'INV-FRESH' });
    case 'RecordDispatchPlan': return cmd.plan({ dispatchPlanId: state.dispatchPlan?.dispatchPlanId ?? PLAN_ID, version: (state.dispatchPlan?.version ?? 0) + 1 });
    case 'RecordShipmentProgress': {
      const stage = nextStage(state);
      return stage && cmd.progress({ stage, dispatchPlanId: state.dispatchPlan?.dispatchPlanId ?? PLAN_ID });
    }
    case 'CompleteOrder': return cmd.complete();
    case 'RequestRefund': return cmd.requestRefund();
    case 'CompleteRefund': return cmd.completeRefund({ refundId: 'refund-fresh' });
    case 'CancelOrder': return cmd.cancel({ actor: SUPERVISOR });
    case 'ChangeAddress': return cmd.changeAddress({ actor: SUPERVISOR });
    case 'ChangeLines': return cmd.changeLines({ actor: SUPERVISOR });
  }
}
