import type { Actor, Attribution, CloseReason, OrderLine, Promotion, ShippingAddress } from '../model/order-values';
import type { EventOf } from './order-event-meta';

/** The order was accepted from a channel: → `pending_payment`. */
export type OrderPlaced = EventOf<
  'OrderPlaced',
  {
    channel: string;
    channelOrderId: string;
    customerId: string;
    phone: string;
    address: ShippingAddress;
    invoiceTitle: string;
    lines: OrderLine[];
    totalAmount: number;
    currency: string;
    promotion: Promotion | null;
    attribution: Attribution | null;
    /** Acceptance time + the warehouse's average ship duration, epoch ms. */
    estimatedShipAt: number;
    /** The same instant as ISO-8601 text, in the offset of the acceptance time text. */
    estimatedShipTime: string;
    createdBy: Actor;
  }
>;

/** The shipping address (and phone) changed; `actor` is who changed it, with their role. */
export type OrderAddressChanged = EventOf<
  'OrderAddressChanged',
  { actor: Actor; address: ShippingAddress; phone: string }
>;

/** The lines (and so the total) changed before payment; `actor` is who changed them. */
export type OrderLinesChanged = EventOf<
  'OrderLinesChanged',
  { actor: Actor; lines: OrderLine[]; totalAmount: number; previousTotalAmount: number }
>;

/** The customer's receipt was confirmed (or the return window passed): `delivered` → `completed`. */
export type OrderCompleted = EventOf<'OrderCompleted', Record<never, never>>;

/** The order ended without completing: → `closed`, with the reason. */
export type OrderClosed = EventOf<
  'OrderClosed',
  { reason: CloseReason; detail: string; closedBy: Actor | null }
>;
