/**
 * Why a payment notification was refused. Every refusal is answered non-2xx so the provider
 * retries, and nothing reaches `oms.ingress.payments.v1` (the source article: "transaction_id and
 * out_trade_no both checked; empty or malformed → intercepted and logged").
 */
export type RefusalReason =
  | 'MALFORMED_HEADERS'
  | 'UNSUPPORTED_SIGNATURE_TYPE'
  | 'STALE_TIMESTAMP'
  | 'UNKNOWN_SERIAL'
  | 'BAD_SIGNATURE'
  | 'REPLAYED_NONCE'
  | 'MALFORMED_BODY'
  | 'UNDECRYPTABLE_RESOURCE'
  | 'UNSUPPORTED_EVENT'
  | 'INVALID_IDS'
  | 'WRONG_MERCHANT'
  | 'WRONG_APP'
  | 'INVALID_AMOUNT'
  | 'AMOUNT_MISMATCH'
  | 'WRONG_CURRENCY'
  | 'UNKNOWN_TRADE_STATE'
  | 'INVALID_TIME';

/** A refusal: the reason, and a detail for the log (never a secret, never the full body). */
export interface Refusal {
  reason: RefusalReason;
  detail: string;
}

/** Shorthand to build a {@link Refusal}. */
export function refuse(reason: RefusalReason, detail: string): Refusal {
  return { reason, detail };
}

/** The outcome of a pure verification step: a value, or the refusal that stops the flow. */
export type Checked<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/** A successful {@link Checked}. */
export function passed<T>(value: T): Checked<T> {
  return { ok: true, value };
}

/** A failed {@link Checked}. */
export function failed<T>(reason: RefusalReason, detail: string): Checked<T> {
  return { ok: false, refusal: refuse(reason, detail) };
}
