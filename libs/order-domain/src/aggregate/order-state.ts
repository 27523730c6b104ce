import { NOT_PLACED, type OrderLifecycleStatus } from '../model/order-status';
import type {
  Actor,
  CloseReason,
  OrderLine,
  PaymentProvider,
  RefundReason,
  ShipmentStage,
  ShippingAddress,
} from '../model/order-values';

/** The payment identity both sides of a payment must agree on. */
export interface PaymentIdentity {
  provider: PaymentProvider;
  transactionId: string;
  outTradeNo: string;
  amount: number;
  currency: string;
}

/** An accepted notification: conditions one and two (HTTP 200 answered, signature verified). */
export interface AcceptedNotification extends PaymentIdentity {
  signatureVerified: boolean;
  httpStatusAnswered: number;
  paidAt: number;
  paidAtText: string;
  /** When the order service accepted it; the confirmation timeout counts from here. */
  acceptedAt: number;
  acceptedAtText: string;
}

/** A transaction query answer that confirmed the money: condition three. */
export interface ConfirmedPayment extends PaymentIdentity {
  tradeState: string;
  confirmedAt: number;
  confirmedAtText: string;
}

/** The payment that completed the order (`OrderPaid`). */
export interface CompletedPayment extends PaymentIdentity {
  paidAt: number;
  paidAtText: string;
}

/** The stock reservation as far as the order knows it. */
export interface ReservationRecord {
  reservationId: string | null;
  outcome: 'REQUESTED' | 'RESERVED' | 'FAILED';
}

/** A refund in flight or done. */
export interface RefundRecord {
  refundAmount: number;
  currency: string;
  reason: RefundReason;
  refundId: string | null;
}

/**
 * What decisions need to know about one order, rebuilt by folding its events. Idempotency uses
 * natural keys kept here (channel order id, transaction id, reservation id, invoice number, plan
 * version, shipment stage, review keys) rather than message ids: a provider that re-sends a
 * notification under a new message id is still recognised. Message-id dedup is the inbox's job.
 */
export interface OrderState {
  readonly orderId: string | null;
  readonly status: OrderLifecycleStatus;
  /** Number of events folded in: the stream version the state reflects. */
  readonly version: number;
  readonly channel: string | null;
  readonly channelOrderId: string | null;
  readonly customerId: string | null;
  readonly createdBy: Actor | null;
  readonly phone: string | null;
  readonly address: ShippingAddress | null;
  readonly invoiceTitle: string | null;
  readonly lines: readonly OrderLine[];
  readonly totalAmount: number;
  readonly currency: string | null;
  readonly estimatedShipTime: string | null;
  readonly notification: AcceptedNotification | null;
  readonly confirmation: ConfirmedPayment | null;
  readonly payment: CompletedPayment | null;
  readonly reservation: ReservationRecord | null;
  readonly invoice: { invoiceNumber: string; invoiceTitle: string } | null;
  readonly dispatchPlan: { dispatchPlanId: string; version: number } | null;
  readonly shipmentStage: ShipmentStage | null;
  readonly refund: RefundRecord | null;
  readonly closeReason: CloseReason | null;
  readonly raisedReviewKeys: readonly string[];
}

/** The state of an empty stream: nothing placed yet. */
export const initialState: OrderState = Object.freeze({
  orderId: null,
  status: NOT_PLACED,
  version: 0,
  channel: null,
  channelOrderId: null,
  customerId: null,
  createdBy: null,
  phone: null,
  address: null,
  invoiceTitle: null,
  lines: [],
  totalAmount: 0,
  currency: null,
  estimatedShipTime: null,
  notification: null,
  confirmation: null,
  payment: null,
  reservation: null,
  invoice: null,
  dispatchPlan: null,
  shipmentStage: null,
  refund: null,
  closeReason: null,
  raisedReviewKeys: [],
});

/** True when a notification or a query answer was accepted: money may have moved. */
export function hasPaymentEvidence(state: OrderState): boolean {
  return state.notification !== null || state.confirmation !== null || state.payment !== null;
}
