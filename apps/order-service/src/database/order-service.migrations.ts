import type { Migration } from '@oms/postgres';

/**
 * The service's own tables, beside the event store's and the messaging inbox's in the same
 * schema (`DATABASE_SCHEMA`). Every row here is written in the transaction of the event or the
 * ingress message it belongs to.
 */
export const orderServiceMigrations: Migration[] = [
  {
    component: 'order-service',
    id: '001-payment-routing',
    sql: `
      -- Payments are keyed by out_trade_no and carry no order id: written when the order is placed.
      -- A row without an order id is a placeholder a parked payment wrote: its key lock orders
      -- parking and placing, so neither misses the other.
      CREATE TABLE payment_order_refs (
        out_trade_no text PRIMARY KEY,
        order_id     text,
        recorded_at  timestamptz NOT NULL DEFAULT now()
      );
      -- Payment facts that arrived before their order: replayed when the order is placed.
      CREATE TABLE parked_payment_facts (
        message_id   text PRIMARY KEY,
        out_trade_no text NOT NULL,
        topic        text NOT NULL,
        payload      bytea NOT NULL,
        headers      jsonb NOT NULL,
        parked_at    timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX parked_payment_facts_out_trade_no ON parked_payment_facts (out_trade_no);`,
  },
  {
    component: 'order-service',
    id: '002-rejected-commands',
    sql: `
      -- Refused commands for orders that do not exist (no stream to record them in).
      CREATE TABLE rejected_commands (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id    text NOT NULL,
        command     text NOT NULL,
        command_id  text NOT NULL,
        code        text NOT NULL,
        reason      text NOT NULL,
        source      text NOT NULL,
        payload     bytea NOT NULL,
        rejected_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX rejected_commands_order_id ON rejected_commands (order_id);`,
  },
  {
    component: 'order-service',
    id: '003-webhook-deliveries',
    sql: `
      -- Order changes to push to the notification webhook; written with the change's events.
      CREATE TABLE webhook_deliveries (
        id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id        uuid NOT NULL UNIQUE,
        order_id        text NOT NULL,
        event_type      text NOT NULL,
        body            jsonb NOT NULL,
        status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered')),
        attempts        integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error      text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        delivered_at    timestamptz
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
      -- Every attempt, answered or not: nothing is retried silently.
      CREATE TABLE webhook_delivery_attempts (
        delivery_id  bigint NOT NULL REFERENCES webhook_deliveries (id),
        attempt      integer NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now(),
        http_status  integer,
        error        text,
        duration_ms  integer NOT NULL,
        PRIMARY KEY (delivery_id, attempt)
      );`,
  },
  {
    component: 'order-service',
    id: '004-payment-timeout-index',
    sql: `
      -- The payment-timeout sweeper looks up payment facts by age; a partial index keeps that off
      -- the append path of every other event.
      CREATE INDEX events_payment_facts_recorded_at ON events (recorded_at)
        WHERE event_type IN ('PaymentNotificationAccepted', 'PaymentConfirmed');`,
  },
  {
    component: 'order-service',
    id: '005-parked-payment-order',
    sql: `
      -- Parked facts are handed back in the order they were parked (a notification before its
      -- query answer); several may share one transaction, hence a sequence, not a timestamp.
      ALTER TABLE parked_payment_facts ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
      -- A payment no longer writes a placeholder routing row: every row names its order.
      COMMENT ON COLUMN payment_order_refs.order_id IS 'NULL only in rows written before migration 005 (old parking placeholders)';`,
  },
  {
    component: 'order-service',
    id: '006-order-snapshots',
    sql: `
      -- Snapshots of long order streams (ORDER_SNAPSHOT_EVERY): a cache of a replay, one per order.
      CREATE TABLE order_snapshots (
        order_id       text PRIMARY KEY,
        stream_version integer NOT NULL,
        snapshot       jsonb NOT NULL,
        taken_at       timestamptz NOT NULL DEFAULT now()
      );`,
  },
];
