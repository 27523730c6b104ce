import type { Migration } from '@oms/postgres';

/**
 * The tables channel-gateway owns in its schema. Applied at start (`runMigrations`), each once.
 *
 * - `notification_nonces`: WeChat Pay signature nonces already accepted, so a replay inside the
 *   300 s timestamp window is refused even after a restart. Rows older than the window are pruned.
 * - `payment_notifications`: one row per (provider, transaction, trade state) published, written in
 *   the transaction that commits only after the broker acknowledged the record: duplicates
 *   (providers retry) find the row and are answered 200 without a second record. Also tracks the
 *   balance confirmation still owed.
 * - `expected_payments`: payable totals of the channel orders this gateway accepted, by
 *   out_trade_no, so a notification for another amount is refused.
 * - `refund_requests`: the RefundRequested events taken from the order log (one row per
 *   out_refund_no, inserted in the consumer's transaction with its inbox row), what is still owed
 *   and when to try next; `refund_attempts`: every call to a provider's refund API — request time,
 *   HTTP status, the provider's status and raw answer — so no retry is silent.
 */
export const gatewayMigrations: Migration[] = [
  {
    component: 'channel-gateway',
    id: '001-notification-intake',
    sql: `
      CREATE TABLE notification_nonces (
        provider text NOT NULL,
        nonce text NOT NULL,
        signed_at timestamptz NOT NULL,
        seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (provider, nonce)
      );
      CREATE INDEX notification_nonces_seen_at ON notification_nonces (seen_at);

      CREATE TABLE payment_notifications (
        provider text NOT NULL,
        transaction_id text NOT NULL,
        trade_state text NOT NULL,
        out_trade_no text NOT NULL,
        notification_id text NOT NULL,
        amount bigint NOT NULL,
        currency text NOT NULL,
        received_at timestamptz NOT NULL,
        needs_confirmation boolean NOT NULL,
        confirmation_published_at timestamptz,
        PRIMARY KEY (provider, transaction_id, trade_state)
      );
      CREATE INDEX payment_notifications_out_trade_no ON payment_notifications (out_trade_no);
      CREATE INDEX payment_notifications_confirmation_owed ON payment_notifications (received_at)
        WHERE needs_confirmation AND confirmation_published_at IS NULL;

      CREATE TABLE expected_payments (
        out_trade_no text PRIMARY KEY,
        channel text NOT NULL,
        channel_order_id text NOT NULL,
        amount bigint NOT NULL,
        currency text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
  {
    component: 'channel-gateway',
    id: '002-refunds',
    sql: `
      CREATE TABLE refund_requests (
        out_refund_no text PRIMARY KEY,
        order_id text NOT NULL,
        provider text NOT NULL,
        out_trade_no text NOT NULL,
        transaction_id text,
        refund_amount bigint NOT NULL,
        currency text NOT NULL,
        reason text NOT NULL,
        detail text,
        requested_at timestamptz NOT NULL,
        source_message_id text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_status text,
        processing_published boolean NOT NULL DEFAULT false,
        result_published_at timestamptz
      );
      CREATE INDEX refund_requests_owed ON refund_requests (next_attempt_at) WHERE result_published_at IS NULL;

      CREATE TABLE refund_attempts (
        out_refund_no text NOT NULL REFERENCES refund_requests (out_refund_no),
        attempt integer NOT NULL,
        attempted_at timestamptz NOT NULL,
        http_status integer NOT NULL,
        provider_status text NOT NULL,
        signature_verified boolean NOT NULL,
        raw_response text NOT NULL,
        PRIMARY KEY (out_refund_no, attempt)
      );`,
  },
];
