import type { Actor, Attribution, OrderLine, Promotion, ShippingAddress } from '../model/order-values';
import type { CommandOf } from './command-meta';

/**
 * Accept a channel order. `averageShipDuration` is the warehouse's average ship duration as an
 * ISO-8601 duration (`PT24H`); the estimated ship time is computed from it.
 */
export type PlaceOrder = CommandOf<
  'PlaceOrder',
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
    createdBy: Actor;
    averageShipDuration: string;
  }
>;

/** Change the shipping address and phone. Only the creator or a privileged role may. */
export type ChangeAddress = CommandOf<'ChangeAddress', { actor: Actor; address: ShippingAddress; phone: string }>;

/** Change the lines and total before any payment was seen. Only the creator or a privileged role. */
export type ChangeLines = CommandOf<'ChangeLines', { actor: Actor; lines: OrderLine[]; totalAmount: number }>;

/** Cancel: closes an unpaid order; once money may have moved it starts a refund instead. */
export type CancelOrder = CommandOf<'CancelOrder', { actor: Actor; detail: string }>;

/** Ask for the money back (full amount) while the order holds it and is not finished. */
export type RequestRefund = CommandOf<'RequestRefund', { actor: Actor; detail: string }>;
