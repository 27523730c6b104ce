import type { OrderState } from '../aggregate/order-state';
import type { OrderCommand } from '../commands/order-command';
import type { RefundRequested } from '../events/payment-events';
import type { Actor, RefundReason } from '../model/order-values';
import { eventFor } from './order-event-factory';

/**
 * A full refund of the money the order holds: the completed payment, else the accepted
 * notification or query answer (a cancel while only one side was seen). Partial refunds are
 * after-sales and out of this aggregate's scope.
 */
export function refundRequested(
  command: OrderCommand,
  state: OrderState,
  reason: RefundReason,
  detail: string,
  requestedBy: Actor | null,
): RefundRequested {
  const money = state.payment ?? state.notification ?? state.confirmation;
  return eventFor(command, 'RefundRequested', {
    refundAmount: money?.amount ?? state.totalAmount,
    currency: money?.currency ?? state.currency ?? '',
    reason,
    detail,
    requestedBy,
    transactionId: money?.transactionId ?? null,
    outTradeNo: money?.outTradeNo ?? null,
  });
}
