import type { RefundStatus } from '@oms/contracts';

/**
 * A provider's answer to a refund request, reduced to what a RefundResult needs, with the raw body
 * kept. `httpStatus` 0 means no HTTP answer at all (network failure, timeout).
 */
export interface ProviderRefundAnswer {
  httpStatus: number;
  rawResponse: string;
  /** Whether the answer's signature verified with the provider's key: an unsigned answer proves nothing. */
  signatureVerified: boolean;
  /** The refund's state when the provider gave one (WeChat Pay `status`, Alipay success); null for an error answer. */
  status: RefundStatus | null;
  /** The provider's status or error code verbatim (SUCCESS, PROCESSING, NOT_ENOUGH, ACQ.TRADE_NOT_EXIST, QUERY_FAILED…). */
  providerStatus: string;
  refundId: string | null;
  transactionId: string | null;
  userReceivedAccount: string | null;
  successAt: { epochMs: number; text: string } | null;
}

/** The answer recorded when the provider could not be reached. */
export function unreachableRefundAnswer(detail: string): ProviderRefundAnswer {
  return { httpStatus: 0, rawResponse: detail, signatureVerified: false, status: null, providerStatus: 'REQUEST_FAILED', refundId: null, transactionId: null, userReceivedAccount: null, successAt: null };
}
