import { failed, passed, type Checked } from './notification-refusal';

/**
 * Structural amount rules both providers share (money is integer fen, never a float):
 * the total is a positive safe integer, what the payer paid (if given) lies between 0 and the total.
 */
export function checkNotificationAmounts(total: unknown, payerTotal: unknown): Checked<{ total: number; payerTotal: number | null }> {
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total <= 0) return failed('INVALID_AMOUNT', `amount total ${String(total).slice(0, 20)} is not a positive integer in fen`);
  if (payerTotal === undefined || payerTotal === null) return passed({ total, payerTotal: null });
  if (typeof payerTotal !== 'number' || !Number.isSafeInteger(payerTotal) || payerTotal < 0 || payerTotal > total) {
    return failed('INVALID_AMOUNT', `payer amount ${String(payerTotal).slice(0, 20)} is not an integer between 0 and the total`);
  }
  return passed({ total, payerTotal });
}
