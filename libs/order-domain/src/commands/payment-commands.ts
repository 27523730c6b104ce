import type { PaymentProvider } from '../model/order-values';
import type { CommandOf } from './command-meta';

/**
 * A verified payment notification from channel-gateway (`PaymentNotification` on
 * `oms.ingress.payments.v1`): what the provider said, whether its signature verified, and the
 * HTTP status the gateway answered.
 */
export type AcceptPaymentNotification = CommandOf<
  'AcceptPaymentNotification',
  {
    provider: PaymentProvider;
    transactionId: string;
    outTradeNo: string;
    amount: number;
    currency: string;
    signatureVerified: boolean;
    httpStatusAnswered: number;
    paidAt: number;
    paidAtText: string;
  }
>;

/** The provider's transaction query answer (`PaymentConfirmation`): the money is really there. */
export type ConfirmPayment = CommandOf<
  'ConfirmPayment',
  {
    provider: PaymentProvider;
    transactionId: string;
    outTradeNo: string;
    amount: number;
    currency: string;
    /** `SUCCESS` confirms; anything else (`NOTPAY`, `USERPAYING`, …) does not. */
    tradeState: string;
    rawResponse: string;
  }
>;

/**
 * Sent by the service on a timer: if one side of the payment (notification or transaction query)
 * has waited longer than `confirmationTimeout` (ISO-8601 duration, e.g. `PT15M`) for the other,
 * a review item is raised. `occurredAt` is "now".
 */
export type CheckPaymentConfirmationTimeout = CommandOf<
  'CheckPaymentConfirmationTimeout',
  { confirmationTimeout: string }
>;

/** The provider's refund answer (`RefundResult`). */
export type CompleteRefund = CommandOf<
  'CompleteRefund',
  { refundId: string; amount: number; currency: string; outcome: 'SUCCEEDED' | 'FAILED'; detail: string }
>;
