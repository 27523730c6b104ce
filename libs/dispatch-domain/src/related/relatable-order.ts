import type { ComparableAddress } from './address-normaliser';

/** What the related-orders rule reads of an order (a planning order carries more). */
export interface RelatableOrder {
  readonly orderId: string;
  /** The buyer's id on the channel; only one customer's orders can be related. */
  readonly customerId: string;
  /** When the order was placed, epoch ms — the 1-hour window is measured on it. */
  readonly placedAt: number;
  readonly shippingAddress: ComparableAddress;
  /** Consignee phone as the channel gave it: full, masked or a privacy number with extension. */
  readonly recipientPhone: string;
  /** Invoice title (发票抬头), `null` when the buyer asked for no fapiao. */
  readonly invoiceTitle: string | null;
}
