import type { RefusalReason } from './notification-refusal';

/**
 * HTTP status and error code answered for each refusal. Data, not a switch: 401 when the sender
 * is not proven to be the provider (signature, key serial, timestamp window, replayed nonce),
 * 400 when a proven sender's content fails our checks. Both make the provider retry, which is
 * what we want: a refused notification must stay visible until someone fixes the cause.
 */
export const REFUSAL_STATUS: Readonly<Record<RefusalReason, { status: 400 | 401; code: string }>> = {
  MALFORMED_HEADERS: { status: 401, code: 'SIGN_ERROR' },
  UNSUPPORTED_SIGNATURE_TYPE: { status: 401, code: 'SIGN_ERROR' },
  STALE_TIMESTAMP: { status: 401, code: 'TIMESTAMP_EXPIRED' },
  UNKNOWN_SERIAL: { status: 401, code: 'CERT_SERIAL_UNKNOWN' },
  BAD_SIGNATURE: { status: 401, code: 'SIGN_ERROR' },
  REPLAYED_NONCE: { status: 401, code: 'NONCE_REPLAYED' },
  MALFORMED_BODY: { status: 400, code: 'PARAM_ERROR' },
  UNDECRYPTABLE_RESOURCE: { status: 400, code: 'DECRYPT_ERROR' },
  UNSUPPORTED_EVENT: { status: 400, code: 'UNSUPPORTED_EVENT' },
  INVALID_IDS: { status: 400, code: 'INVALID_TRADE_IDS' },
  WRONG_MERCHANT: { status: 400, code: 'MCH_MISMATCH' },
  WRONG_APP: { status: 400, code: 'APPID_MISMATCH' },
  INVALID_AMOUNT: { status: 400, code: 'INVALID_AMOUNT' },
  AMOUNT_MISMATCH: { status: 400, code: 'AMOUNT_MISMATCH' },
  WRONG_CURRENCY: { status: 400, code: 'CURRENCY_MISMATCH' },
  UNKNOWN_TRADE_STATE: { status: 400, code: 'UNKNOWN_TRADE_STATE' },
  INVALID_TIME: { status: 400, code: 'PARAM_ERROR' },
};
