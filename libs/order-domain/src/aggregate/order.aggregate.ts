import type { OrderEvent } from '../events/order-event';
import type { OrderStatus } from '../model/order-status';
import type { ShipmentStage } from '../model/order-values';
import { initialState, type OrderState } from './order-state';

/** The state each shipment stage leads to. */
export const SHIPMENT_STAGE_STATUS: Readonly<Record<ShipmentStage, OrderStatus>> = {
  PARTIALLY_SHIPPED: 'partially_shipped',
  SHIPPED: 'shipped',
  IN_DELIVERY: 'in_delivery',
  DELIVERED: 'delivered',
};

/** Applies the facts of one event; `evolve` adds the version bump. Events are facts: no checks here. */
function apply(state: OrderState, event: OrderEvent): OrderState {
  switch (event.type) {
    case 'OrderPlaced': {
      const { orderId, channel, channelOrderId, customerId, createdBy, phone, address, invoiceTitle } = event.data;
      const { lines, totalAmount, currency, estimatedShipTime } = event.data;
      return {
        ...state, status: 'pending_payment', orderId, channel, channelOrderId, customerId, createdBy,
        phone, address, invoiceTitle, lines, totalAmount, currency, estimatedShipTime,
      };
    }
    case 'PaymentNotificationAccepted': {
      const { provider, transactionId, outTradeNo, amount, currency, signatureVerified, httpStatusAnswered, paidAt, paidAtText } = event.data;
      const notification = { provider, transactionId, outTradeNo, amount, currency, signatureVerified, httpStatusAnswered, paidAt, paidAtText };
      return { ...state, notification: { ...notification, acceptedAt: event.data.occurredAt, acceptedAtText: event.data.occurredAtText } };
    }
    case 'PaymentConfirmed': {
      const { provider, transactionId, outTradeNo, amount, currency, tradeState } = event.data;
      const confirmation = { provider, transactionId, outTradeNo, amount, currency, tradeState };
      return { ...state, confirmation: { ...confirmation, confirmedAt: event.data.occurredAt, confirmedAtText: event.data.occurredAtText } };
    }
    case 'OrderPaid': {
      const { provider, transactionId, outTradeNo, amount, currency, paidAt, paidAtText } = event.data;
      return { ...state, status: 'paid', payment: { provider, transactionId, outTradeNo, amount, currency, paidAt, paidAtText } };
    }
    case 'InventoryReservationRequested':
      return { ...state, reservation: { reservationId: null, outcome: 'REQUESTED' } };
    case 'InventoryReserved':
      return { ...state, status: 'inventory_reserved', reservation: { reservationId: event.data.reservationId, outcome: 'RESERVED' } };
    case 'InventoryReservationFailed':
      return { ...state, reservation: { reservationId: event.data.reservationId, outcome: 'FAILED' } };
    case 'RefundRequested': {
      const { refundAmount, currency, reason } = event.data;
      return { ...state, status: 'refunding', refund: { refundAmount, currency, reason, refundId: null } };
    }
    case 'RefundCompleted':
      return { ...state, refund: state.refund && { ...state.refund, refundId: event.data.refundId } };
    case 'OrderClosed':
      return { ...state, status: 'closed', closeReason: event.data.reason };
    case 'InvoiceConfirmed':
      return { ...state, invoice: { invoiceNumber: event.data.invoiceNumber, invoiceTitle: event.data.invoiceTitle } };
    case 'OrderReadyToDispatch':
      return { ...state, status: 'ready_to_dispatch' };
    case 'DispatchPlanned':
      return { ...state, status: 'dispatch_planned', dispatchPlan: { dispatchPlanId: event.data.dispatchPlanId, version: event.data.version } };
    case 'OrderShipmentProgressed':
      return { ...state, status: SHIPMENT_STAGE_STATUS[event.data.stage], shipmentStage: event.data.stage };
    case 'OrderCompleted':
      return { ...state, status: 'completed' };
    case 'OrderAddressChanged':
      return { ...state, address: event.data.address, phone: event.data.phone };
    case 'OrderLinesChanged':
      return { ...state, lines: event.data.lines, totalAmount: event.data.totalAmount };
    case 'ReviewItemRaised':
      return { ...state, raisedReviewKeys: [...state.raisedReviewKeys, event.data.reviewKey] };
    case 'CommandRejected':
      return state;
  }
}

/**
 * Folds one event into the state. Pure and total: every event type is handled, and the input is
 * never mutated.
 */
export function evolve(state: OrderState, event: OrderEvent): OrderState {
  return { ...apply(state, event), version: state.version + 1 };
}

/**
 * Rebuilds an order by replaying its events — from the empty stream, or from a snapshot's state
 * when only the tail after it is given.
 *
 * @example
 * const state = rebuild(await store.readStream(orderId));
 */
export function rebuild(events: readonly OrderEvent[], from: OrderState = initialState): OrderState {
  return events.reduce(evolve, from);
}
