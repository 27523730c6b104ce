import type { PaymentNotification } from '@oms/contracts';
import type { TradeOutcome } from '@oms/payment-protocols';

/**
 * A notification that passed every pure check (signature, decryption, ids, merchant, amount) and
 * is ready for the durable step. `record` is what will be published, with
 * `httpStatusAnswered: 200` — true exactly when the publish is acknowledged and the dedupe row
 * committed, which is when 200 is answered.
 */
export interface VerifiedNotification {
  record: PaymentNotification;
  /** The signature nonce to record against replays (WeChat Pay), null when the protocol has none (Alipay). */
  nonce: { value: string; signedAtMs: number } | null;
  /** What the trade state means; paid states get a balance confirmation. */
  outcome: TradeOutcome;
}
