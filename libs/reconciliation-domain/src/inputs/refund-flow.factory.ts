import type { RefundResult } from '@oms/contracts';
import type { ExpectedFlow } from '../model/expected-flow';
import { recordedTime } from './recorded-time';

/**
 * The refund a provider's `RefundResult` reports, as an expected −amount flow; null unless the
 * refund SUCCEEDED (PROCESSING has not moved money yet; CLOSED and ABNORMAL never will).
 * Compensation, not cancellation (source article): a stock-out after payment ends in a refund,
 * and this flow is what lets reconciliation show the −X next to the +X.
 *
 * @example
 * const refund = refundFlowFromRefundResult(result, 'ord_20240618_000123'); // amount: -27500
 */
export function refundFlowFromRefundResult(result: RefundResult, orderId: string | null = null): ExpectedFlow | null {
  if (result.status !== 'SUCCESS') return null;
  if (result.successAt === null || result.successAtText === null) {
    throw new RangeError(`RefundResult ${result.outRefundNo}: SUCCESS without a success time`);
  }
  return {
    flowId: `refund:${result.outRefundNo}`,
    kind: 'REFUND',
    orderId,
    provider: result.provider,
    outTradeNo: result.outTradeNo,
    transactionId: result.transactionId,
    outRefundNo: result.outRefundNo,
    refundId: result.refundId,
    combinedRef: null,
    amount: -result.refundAmount,
    currency: result.currency,
    time: recordedTime(result.successAt, result.successAtText, 'RefundResult.successAt'),
    rawResponse: result.rawBody,
  };
}
