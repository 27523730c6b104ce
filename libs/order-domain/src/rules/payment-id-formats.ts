import { PAYMENT_PROVIDERS, type PaymentProvider } from '../model/order-values';
import rawFormats from './payment-id-formats.data.json';

/** The shapes a provider's ids must have. */
export interface PaymentIdFormat {
  transactionId: RegExp;
  outTradeNo: RegExp;
}

/** Compiles the id-format data file; throws at load time if a provider or pattern is missing. */
export function loadPaymentIdFormats(raw: unknown): Readonly<Record<PaymentProvider, PaymentIdFormat>> {
  const table = raw as Record<string, { transactionId?: unknown; outTradeNo?: unknown } | undefined>;
  const entries = PAYMENT_PROVIDERS.map((provider) => {
    const entry = table[provider];
    if (typeof entry?.transactionId !== 'string' || typeof entry.outTradeNo !== 'string') {
      throw new Error(`Payment id formats: ${provider} needs transactionId and outTradeNo patterns`);
    }
    return [provider, { transactionId: new RegExp(entry.transactionId), outTradeNo: new RegExp(entry.outTradeNo) }];
  });
  return Object.freeze(Object.fromEntries(entries));
}

/** The id formats of `payment-id-formats.data.json`. */
export const PAYMENT_ID_FORMATS = loadPaymentIdFormats(rawFormats);

/**
 * Problems with a payment's ids; empty when both are well-formed. Both ids are checked — the
 * source article: "transaction_id and out_trade_no double check; either empty or malformed → intercept and log".
 */
export function paymentIdProblems(provider: PaymentProvider, transactionId: string, outTradeNo: string): string[] {
  const format = PAYMENT_ID_FORMATS[provider];
  const problems: string[] = [];
  if (!format.transactionId.test(transactionId)) problems.push(`transactionId ${JSON.stringify(transactionId)} is not a well-formed ${provider} transaction id`);
  if (!format.outTradeNo.test(outTradeNo)) problems.push(`outTradeNo ${JSON.stringify(outTradeNo)} is not a well-formed ${provider} out_trade_no`);
  return problems;
}
