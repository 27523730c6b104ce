import type {
  Address,
  ChannelOrder,
  DispatchPlanned,
  InventoryReservationResult,
  InvoiceConfirmation,
  OrderLine,
  PaymentConfirmation,
  PaymentNotification,
  RefundResult,
} from '@oms/contracts';
import type { OrderState } from '@oms/order-domain';

/**
 * Facts the Avro order events carry but the domain events do not model (the shop id, the
 * provider's notification id, line titles, the warehouse's expiry…). The command path passes the
 * ingress record that caused the command; the mapper uses a fact only for fields the domain event
 * lacks, so the domain → Avro → domain round trip is the identity whatever is passed here.
 */
export interface AvroEnrichment {
  /** The channel's order, for `OrderPlaced`. */
  channelOrder?: ChannelOrder;
  /** The configured average ship duration the estimate used (`PT24H`), for `OrderPlaced`. */
  averageShipDuration?: string;
  /** The provider's notification, for `PaymentNotificationAccepted` and `OrderPaid`. */
  notification?: PaymentNotification;
  /** The id of the notification accepted earlier in the stream, for an `OrderPaid` decided by the query answer. */
  acceptedNotificationId?: string;
  /** The provider's transaction query answer, for `PaymentConfirmed`. */
  confirmation?: PaymentConfirmation;
  /** The warehouse's answer, for `InventoryReserved` / `InventoryReservationFailed`. */
  reservationResult?: InventoryReservationResult;
  /** ERP's fapiao confirmation, for `InvoiceConfirmed`. */
  invoice?: InvoiceConfirmation;
  /** The provider's refund answer, for `RefundCompleted`. */
  refundResult?: RefundResult;
  /** The order's lines as placed (titles, channel SKU ids, discounts), from the stream's `OrderPlaced`. */
  placedLines?: readonly OrderLine[];
  /** The full address of an HTTP address change (country, street), for `OrderAddressChanged`. */
  address?: Address;
  /** The address before the change as the stream last wrote it. */
  previousAddress?: Address;
  /** Why an order change was made, as entered. */
  changeReason?: string | null;
  /** The issued plan as the dispatch engine wrote it (sub-orders, decision inputs), for `DispatchPlanned`. */
  dispatchPlanned?: DispatchPlanned;
}

/** What mapping one domain event needs: the order just before it, and the enrichment facts. */
export interface MappingContext {
  readonly stateBefore: OrderState;
  readonly enrichment: AvroEnrichment;
}
