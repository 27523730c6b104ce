import type { ReserveInventoryResult } from '../commands/fulfilment-commands';
import type { CommandHandler } from '../decision/command-handler';
import { requiredText } from '../decision/command-validation';
import { eventFor } from './order-event-factory';

/**
 * ReserveInventoryResult: reserved → inventory_reserved (and ready_to_dispatch when the invoice is
 * already confirmed — added by the automatic step). Failed after payment → compensation, not
 * cancellation: InventoryReservationFailed + RefundRequested of the amount paid, in one decision,
 * so the money is never left "paid" on an order that cannot ship.
 */
export const reserveInventoryResultHandler: CommandHandler<ReserveInventoryResult> = {
  validate(command) {
    const { reservationId, outcome, reason } = command.data;
    return [
      ...requiredText({ reservationId }),
      ...(outcome === 'RESERVED' || outcome === 'FAILED' ? [] : [`outcome must be RESERVED or FAILED, got ${JSON.stringify(outcome)}`]),
      ...(outcome === 'FAILED' ? requiredText({ reason }) : []),
    ];
  },

  isDuplicate(command, state) {
    return state.reservation?.reservationId === command.data.reservationId;
  },

  decide(command, state) {
    const { reservationId, outcome, reason } = command.data;
    if (outcome === 'RESERVED') return [eventFor(command, 'InventoryReserved', { reservationId })];
    const paid = state.payment;
    return [
      eventFor(command, 'InventoryReservationFailed', { reservationId, reason: reason ?? '' }),
      eventFor(command, 'RefundRequested', {
        refundAmount: paid?.amount ?? state.totalAmount,
        currency: paid?.currency ?? state.currency ?? '',
        reason: 'INVENTORY_RESERVATION_FAILED',
        detail: `reservation ${reservationId} failed: ${reason}`,
        requestedBy: null,
        transactionId: paid?.transactionId ?? null,
        outTradeNo: paid?.outTradeNo ?? null,
      }),
    ];
  },
};
