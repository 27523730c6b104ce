/**
 * A provider's answer to a transaction query, reduced to what a balance confirmation needs, with
 * the raw body kept. `httpStatus` 0 means no HTTP answer at all (network failure, timeout).
 */
export interface ProviderTradeAnswer {
  httpStatus: number;
  rawResponse: string;
  /** Whether the answer's signature verified with the provider's key (WeChat Pay headers, Alipay sign). */
  signatureVerified: boolean;
  /** The provider's trade state verbatim, or its error code (ORDER_NOT_EXIST, ACQ.TRADE_NOT_EXIST, QUERY_FAILED). */
  tradeState: string;
  transactionId: string | null;
  /** Total in minor units, null when absent or unreadable. */
  amount: number | null;
  currency: string | null;
  successAt: { epochMs: number; text: string } | null;
}

/** The answer recorded when the provider could not be reached. */
export function unreachableAnswer(detail: string): ProviderTradeAnswer {
  return { httpStatus: 0, rawResponse: detail, signatureVerified: false, tradeState: 'QUERY_FAILED', transactionId: null, amount: null, currency: null, successAt: null };
}
