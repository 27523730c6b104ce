import type { PaymentProvider } from '@oms/contracts';
import type { SourceTime } from '../time/source-time';

/** Whether the order side expects money in (a payment) or out (a refund). */
export type FlowKind = 'PAYMENT' | 'REFUND';

/**
 * Money the order side says moved, which the bank must show: a payment (+) or a refund (−).
 * Refunds are flows of their own, so an order paid and refunded within seconds (the stock-out
 * case of the source article) shows both +X and −X — never a "paid" order the bank never saw.
 */
export interface ExpectedFlow {
  /** Stable id, unique among flows: `pay:<outTradeNo>` or `refund:<outRefundNo>` from the factories. */
  flowId: string;
  /** Payment or refund. */
  kind: FlowKind;
  /** The order the money belongs to, when known. */
  orderId: string | null;
  /** Provider that moved the money. */
  provider: PaymentProvider;
  /** Merchant trade number of the payment (of the original payment, for a refund). */
  outTradeNo: string;
  /** Provider's transaction id of the payment (of the original payment, for a refund). */
  transactionId: string | null;
  /** Merchant refund number; null for payments. */
  outRefundNo: string | null;
  /** Provider's refund id; null for payments. */
  refundId: string | null;
  /** Group reference of a merged cart (WeChat Pay `combine_out_trade_no`): one bank line may settle all of its payments. */
  combinedRef: string | null;
  /** Signed amount in fen: positive for a payment, negative for a refund. */
  amount: number;
  /** ISO 4217 currency. */
  currency: string;
  /** The provider's success time (`paidAt` for payments), with the precision its text has. */
  time: SourceTime;
  /** The provider's raw response (query answer, notification or refund message), for the report. */
  rawResponse: string | null;
}

/**
 * The references a flow can be found by in a bank line, in a fixed order (matching unrolls the
 * same list in `flow-components.ts`).
 */
export function flowKeys(flow: ExpectedFlow): string[] {
  const keys = [flow.transactionId, flow.outTradeNo, flow.combinedRef, flow.outRefundNo, flow.refundId];
  return keys.filter((key): key is string => key !== null && key !== '');
}
