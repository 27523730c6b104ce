import type { Migration } from '@oms/postgres';

/** fulfillment-service's tables, beside the messaging inbox in the same schema (`DATABASE_SCHEMA`). */
export const fulfillmentServiceMigrations: Migration[] = [
  {
    component: 'fulfillment-service',
    id: '001-call-log',
    sql: `
      -- Every attempt of every warehouse and carrier call: no silent retries.
      CREATE TABLE external_calls (
        call_id         uuid PRIMARY KEY,
        request_id      uuid NOT NULL,
        system          text NOT NULL,
        operation       text NOT NULL,
        attempt         integer NOT NULL,
        order_id        text,
        tracking_number text,
        method          text NOT NULL,
        url             text NOT NULL,
        request_body    text,
        http_status     integer,
        response_body   text,
        error           text,
        duration_ms     integer NOT NULL,
        retry_after_ms  integer,
        started_at      timestamptz NOT NULL
      );
      CREATE INDEX external_calls_order_id ON external_calls (order_id, started_at);
      CREATE INDEX external_calls_tracking_number ON external_calls (tracking_number, started_at);`,
  },
  {
    component: 'fulfillment-service',
    id: '002-shipments-and-tracks',
    sql: `
      -- Consignee of each order, from OrderPlaced / OrderAddressChanged on the order log.
      CREATE TABLE consignees (
        order_id        text PRIMARY KEY,
        recipient_name  text NOT NULL,
        recipient_phone text NOT NULL,
        address         jsonb NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      );
      -- One row per sub-order of an issued plan: its waybill once requested.
      CREATE TABLE shipments (
        dispatch_plan_id      text NOT NULL,
        sub_order_id          text NOT NULL,
        plan_version          integer NOT NULL,
        plan_sub_orders       integer NOT NULL,
        order_ids             text[] NOT NULL,
        carrier               text NOT NULL,
        tracking_source       text NOT NULL,
        tracking_number       text UNIQUE,
        waybill_state         text NOT NULL CHECK (waybill_state IN ('REQUESTED', 'BLOCKED', 'REJECTED')),
        shipped_at            bigint,
        shipped_at_text       text,
        status                text,
        sub_status            text,
        stage                 text,
        first_track_at        bigint,
        credibility_score     integer,
        published_event_key   text,
        current_occurred_at   bigint,
        created_at            timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (dispatch_plan_id, sub_order_id)
      );
      -- Every carrier event once (event_key), whatever the number and order of pushes and polls.
      CREATE TABLE track_events (
        event_key                 text PRIMARY KEY,
        tracking_number           text NOT NULL,
        tracking_source           text NOT NULL,
        carrier                   text NOT NULL,
        carrier_status_code       text NOT NULL,
        carrier_status_text       text NOT NULL,
        description               text NOT NULL,
        location                  text,
        facts                     jsonb NOT NULL,
        status                    text,
        sub_status                text,
        occurred_at               bigint NOT NULL,
        occurred_at_text          text NOT NULL,
        occurred_at_original      text NOT NULL,
        received_at               bigint NOT NULL,
        received_via              text NOT NULL,
        authoritative_status_code text,
        authoritative_status_text text,
        credibility_score         integer,
        raw_payload               text NOT NULL
      );
      CREATE INDEX track_events_tracking_number ON track_events (tracking_number, occurred_at);
      -- Tracks for waybills we do not know (yet): kept, never dropped.
      CREATE TABLE unmatched_tracks (
        event_key       text PRIMARY KEY,
        tracking_number text NOT NULL,
        tracking_source text NOT NULL,
        raw_payload     text NOT NULL,
        received_at     timestamptz NOT NULL DEFAULT now()
      );
      -- Items a person must look at; dedupe_key makes raising one idempotent.
      CREATE TABLE review_items (
        review_item_id   text PRIMARY KEY,
        dedupe_key       text NOT NULL UNIQUE,
        order_id         text,
        cause            text NOT NULL,
        dispatch_plan_id text,
        carrier          text,
        tracking_number  text,
        detail           text NOT NULL,
        raw_payload      text,
        raised_at        bigint NOT NULL,
        raised_at_text   text NOT NULL
      );
      CREATE INDEX review_items_order_id ON review_items (order_id);`,
  },
  {
    component: 'fulfillment-service',
    id: '003-status-sync',
    sql: `
      -- The furthest stage we told each order it reached (ShipmentStatusChanged.orderStage)...
      CREATE TABLE published_order_stages (
        order_id         text PRIMARY KEY,
        dispatch_plan_id text NOT NULL,
        stage            text NOT NULL,
        published_at     bigint NOT NULL
      );
      -- ...and the furthest stage order-service recorded (OrderShipmentProgressed on the order log).
      CREATE TABLE recorded_order_stages (
        order_id    text PRIMARY KEY,
        stage       text NOT NULL,
        recorded_at bigint NOT NULL
      );`,
  },
  {
    component: 'fulfillment-service',
    id: '004-wms-scans',
    sql: `
      -- WMS / TMS scans (oms.ingress.wms-scans.v1), linked to their plan and sub-order.
      CREATE TABLE wms_scans (
        scan_id          text PRIMARY KEY,
        dispatch_plan_id text NOT NULL,
        sub_order_id     text,
        order_id         text,
        scan_type        text NOT NULL,
        warehouse_id     text NOT NULL,
        tracking_number  text,
        scanned_at       bigint NOT NULL,
        scanned_at_text  text NOT NULL
      );
      CREATE INDEX wms_scans_dispatch_plan_id ON wms_scans (dispatch_plan_id, scanned_at);`,
  },
  {
    component: 'fulfillment-service',
    id: '005-batched-calls',
    sql: `
      -- A call concerning several waybills at once (SF answers up to ten routes per query) is one
      -- row, found from any of its waybills or orders.
      ALTER TABLE external_calls ADD COLUMN order_ids text[], ADD COLUMN tracking_numbers text[];
      CREATE INDEX external_calls_order_ids ON external_calls USING gin (order_ids);
      CREATE INDEX external_calls_tracking_numbers ON external_calls USING gin (tracking_numbers);`,
  },
];
