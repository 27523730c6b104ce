import { Injectable } from '@nestjs/common';
import type { PaymentProvider, RefundRequested } from '@oms/contracts';
import type { Pool, PoolClient } from 'pg';
import type { ProviderRefundAnswer } from './provider-refund-answer';

/** A refund the gateway owes: a RefundRequested taken from the order log, not yet concluded. */
export interface OwedRefund {
  outRefundNo: string;
  orderId: string;
  provider: PaymentProvider;
  outTradeNo: string;
  transactionId: string | null;
  refundAmount: number;
  currency: string;
  reason: string;
  detail: string | null;
  /** Provider calls made so far. */
  attempts: number;
  /** Whether a PROCESSING RefundResult was already published for it. */
  processingPublished: boolean;
}

const columns = `out_refund_no AS "outRefundNo", order_id AS "orderId", provider, out_trade_no AS "outTradeNo", transaction_id AS "transactionId",
  refund_amount::float8 AS "refundAmount", currency, reason, detail, attempts, processing_published AS "processingPublished"`;

/**
 * Tables `refund_requests` and `refund_attempts`. A request is inserted in the consumer's
 * transaction (with the inbox row), keyed by out_refund_no — so neither a redelivered event nor
 * a RefundRequested copied under another message id can make a second refund. Workers claim due
 * requests with a lease (`FOR UPDATE SKIP LOCKED`), so replicas never call the provider for the
 * same refund at once; a crashed worker's lease simply expires.
 */
@Injectable()
export class RefundRequestRepository {
  /** Records a requested refund (inside the consumer's transaction); false when it was already known. */
  async insert(client: Pool | PoolClient, refund: RefundRequested, sourceMessageId: string): Promise<boolean> {
    const result = await client.query(
      `INSERT INTO refund_requests (out_refund_no, order_id, provider, out_trade_no, transaction_id, refund_amount, currency, reason, detail, requested_at, source_message_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, to_timestamp($10 / 1000.0), $11)
       ON CONFLICT (out_refund_no) DO NOTHING`,
      [refund.outRefundNo, refund.orderId, refund.provider, refund.outTradeNo, refund.transactionId, refund.refundAmount, refund.currency, refund.reason, refund.detail, refund.occurredAt, sourceMessageId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  /** Claims up to `limit` due refunds for `leaseMs` (their next attempt is pushed past the lease). */
  async claimDue(pool: Pool, limit: number, leaseMs: number): Promise<OwedRefund[]> {
    const result = await pool.query<OwedRefund>(
      `UPDATE refund_requests SET next_attempt_at = now() + make_interval(secs => $2 / 1000.0)
       WHERE out_refund_no IN (
         SELECT out_refund_no FROM refund_requests WHERE result_published_at IS NULL AND next_attempt_at <= now()
         ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING ${columns}`,
      [limit, leaseMs],
    );
    return result.rows;
  }

  /** Records one provider call and when to try next (null: concluded, keep the lease until published). */
  async recordAttempt(pool: Pool, refund: OwedRefund, answer: ProviderRefundAnswer, attemptedAtMs: number, retryInMs: number | null): Promise<void> {
    const attempt = refund.attempts + 1;
    await pool.query(
      `WITH attempt AS (
         INSERT INTO refund_attempts (out_refund_no, attempt, attempted_at, http_status, provider_status, signature_verified, raw_response)
         VALUES ($1, $2, to_timestamp($3 / 1000.0), $4, $5, $6, $7))
       UPDATE refund_requests SET attempts = $2, last_status = $5,
         next_attempt_at = CASE WHEN $8::float8 IS NULL THEN next_attempt_at ELSE now() + make_interval(secs => $8::float8 / 1000.0) END
       WHERE out_refund_no = $1`,
      [refund.outRefundNo, attempt, attemptedAtMs, answer.httpStatus, answer.providerStatus, answer.signatureVerified, answer.rawResponse, retryInMs],
    );
    refund.attempts = attempt;
  }

  /** The PROCESSING result was published: later answers of the same state are not republished. */
  async markProcessingPublished(pool: Pool, outRefundNo: string): Promise<void> {
    await pool.query('UPDATE refund_requests SET processing_published = true WHERE out_refund_no = $1', [outRefundNo]);
  }

  /** The final RefundResult was published: the refund is concluded. */
  async markConcluded(pool: Pool, outRefundNo: string): Promise<void> {
    await pool.query('UPDATE refund_requests SET result_published_at = now() WHERE out_refund_no = $1', [outRefundNo]);
  }
}
