import type { Actor, PaymentProvider, RefundReason } from '../model/order-values';
import type { EventOf } from './order-event-meta';

/**
 * A provider's payment notification passed its own checks: both ids well-formed, signature
 * verified, answered HTTP 200, amount equal to the order total. Two of the three conditions of
 * payment completion; the order stays `pending_payment` until the transaction query confirms.
 */
export type PaymentNotificationAccepted = EventOf<
  'PaymentNotificationAccepted',
  {
    provider: PaymentProvider;
    transactionId: string;
    outTradeNo: string;
    amount: number;
    currency: string;
    signatureVerified: boolean;
    httpStatusAnswered: number;
    /** The provider's own success time, epoch ms and original text. */
    paidAt: number;
    paidAtText: string;
  }
>;

/** The provider's transaction query confirmed the money (the third condition), raw answer kept. */
export type PaymentConfirmed = EventOf<
  'PaymentConfirmed',
  {
    provider: PaymentProvider;
    transactionId: string;
    outTradeNo: string;
    amount: number;
    currency: string;
    tradeState: string;
    rawResponse: string;
  }
>;

/** All three conditions held for one transaction: `pending_payment` → `paid`. */
export type OrderPaid = EventOf<
  'OrderPaid',
  {
    provider: PaymentProvider;
    transactionId: string;
    outTradeNo: string;
    amount: number;
    currency: string;
    paidAt: number;
    paidAtText: string;
  }
>;

/** Money goes back: → `refunding`. `requestedBy` is null when the system compensates. */
export type RefundRequested = EventOf<
  'RefundRequested',
  {
    refundAmount: number;
    currency: string;
    reason: RefundReason;
    detail: string;
    requestedBy: Actor | null;
    transactionId: string | null;
    outTradeNo: string | null;
  }
>;

/** The provider confirmed the refund; `OrderClosed{REFUNDED}` follows in the same decision. */
export type RefundCompleted = EventOf<
  'RefundCompleted',
  { refundId: string; refundAmount: number; currency: string }
>;
