/**
 * Value types shared by commands, events and state. Money is always an integer count of minor
 * units (fen/cents) — never a float (DESIGN.md, "The public contract").
 */

/** One line of an order. `unitPrice` is in minor units; `quantity` is a positive integer. */
export interface OrderLine {
  lineId: string;
  sku: string;
  quantity: number;
  unitPrice: number;
}

/** Where the parcels go. Chinese addresses are province / city / district / detail. */
export interface ShippingAddress {
  recipientName: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  postalCode: string | null;
}

/**
 * Someone acting on an order. `role` is free text checked against the role data file
 * (`order-change-roles.data.json`), so operators can add roles without a code change.
 */
export interface Actor {
  actorId: string;
  role: string;
}

/** A promotion applied by the channel; the discount is already deducted from the total. */
export interface Promotion {
  promotionId: string;
  discountAmount: number;
}

/** Where the order came from (UTM-style), for the order health index. */
export interface Attribution {
  source: string;
  medium: string;
  campaign: string;
}

/** Payment providers the gateway verifies notifications for. */
export type PaymentProvider = 'WECHAT_PAY' | 'ALIPAY';

/** The provider list, for validation. */
export const PAYMENT_PROVIDERS: readonly PaymentProvider[] = ['WECHAT_PAY', 'ALIPAY'];

/** Shipment stages a carrier or WMS can report; each names the order state it leads to. */
export type ShipmentStage = 'PARTIALLY_SHIPPED' | 'SHIPPED' | 'IN_DELIVERY' | 'DELIVERED';

/** The stages in the order they happen; a later stage never goes back to an earlier one. */
export const SHIPMENT_STAGES: readonly ShipmentStage[] = ['PARTIALLY_SHIPPED', 'SHIPPED', 'IN_DELIVERY', 'DELIVERED'];

/** Why an order was closed. */
export type CloseReason = 'CANCELLED' | 'REFUNDED';

/** Why a refund was started. */
export type RefundReason = 'INVENTORY_RESERVATION_FAILED' | 'CANCELLED_AFTER_PAYMENT' | 'REQUESTED';
