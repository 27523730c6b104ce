import type { Migration } from '@oms/postgres';

/**
 * The service's tables, in three groups:
 * - **inputs** (append-only, the source of truth besides the broker's log): `recon_fact` (every
 *   consumed record, decoded), `statement_file` and `statement_line` (bank lines from the topic
 *   and from imported files);
 * - **projection** (derived, dropped and rebuilt from the inputs): `recon_flow`, `recon_bank_line`,
 *   `recon_inventory_log`, `recon_match`, `recon_review_item`, `recon_pending`, `recon_run`;
 * - **audit** (append-only, never derived): `review_action`, what operators did;
 * - **schedule**: `recon_report_run`, the business dates whose 09:00 report was written (so a
 *   restart writes each missed report once, and never one twice).
 */
export const reconciliationMigrations: Migration[] = [
  {
    component: 'reconciliation-service',
    id: '001-inputs',
    sql: `
      CREATE TABLE recon_fact (
        fact_id text PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        topic text NOT NULL,
        record_name text NOT NULL,
        order_id text,
        out_trade_no text,
        occurred_at bigint NOT NULL,
        payload jsonb NOT NULL,
        recorded_at bigint NOT NULL
      );
      CREATE INDEX recon_fact_record ON recon_fact (record_name);
      CREATE TABLE statement_file (
        file_fingerprint text PRIMARY KEY,
        file_name text NOT NULL,
        format text NOT NULL,
        bank_code text NOT NULL,
        line_count integer NOT NULL,
        new_line_count integer NOT NULL,
        skipped_rows jsonb NOT NULL,
        imported_at bigint NOT NULL
      );
      CREATE TABLE statement_line (
        line_id text PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        source text NOT NULL CHECK (source IN ('topic', 'file')),
        file_fingerprint text,
        row_number integer,
        payload jsonb NOT NULL,
        recorded_at bigint NOT NULL
      );`,
  },
  {
    component: 'reconciliation-service',
    id: '002-projection',
    sql: `
      -- Each derived row carries the digest of its values: a run rewrites only the rows that changed.
      CREATE TABLE recon_flow (flow_id text PRIMARY KEY, out_trade_no text NOT NULL, order_id text, business_date text NOT NULL, flow jsonb NOT NULL, digest text NOT NULL);
      CREATE TABLE recon_bank_line (line_id text PRIMARY KEY, business_date text NOT NULL, line jsonb NOT NULL, digest text NOT NULL);
      CREATE TABLE recon_inventory_log (fact_id text PRIMARY KEY, order_key text NOT NULL, occurred_at bigint NOT NULL, entry text NOT NULL, digest text NOT NULL);
      CREATE TABLE recon_match (
        match_id text PRIMARY KEY, business_date text NOT NULL, shape text NOT NULL, clean boolean NOT NULL,
        order_amount bigint NOT NULL, bank_amount bigint NOT NULL, flow_ids text[] NOT NULL, line_ids text[] NOT NULL, match jsonb NOT NULL, digest text NOT NULL
      );
      CREATE TABLE recon_review_item (
        review_item_id text PRIMARY KEY, cause text NOT NULL, business_date text NOT NULL, order_ids text[] NOT NULL,
        instant_ms bigint NOT NULL, item jsonb NOT NULL, digest text NOT NULL
      );
      CREATE INDEX recon_review_item_date ON recon_review_item (business_date, cause);
      CREATE TABLE recon_pending (flow_id text PRIMARY KEY, business_date text NOT NULL, digest text NOT NULL);
      CREATE TABLE recon_run (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton), as_of bigint NOT NULL, facts_seen bigint NOT NULL, lines_seen bigint NOT NULL, flow_count integer NOT NULL, line_count integer NOT NULL);`,
  },
  {
    component: 'reconciliation-service',
    id: '003-review-audit',
    sql: `
      CREATE TABLE review_action (
        seq bigserial PRIMARY KEY,
        review_item_id text NOT NULL,
        action text NOT NULL CHECK (action IN ('CLAIMED', 'RELEASED', 'RESOLVED')),
        actor text NOT NULL,
        reason text,
        at_ms bigint NOT NULL,
        at_text text NOT NULL
      );
      CREATE INDEX review_action_item ON review_action (review_item_id, seq);
      -- Append-only: the audit trail is never rewritten.
      CREATE FUNCTION review_action_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'review_action is append-only'; END $$;
      CREATE TRIGGER review_action_no_rewrite BEFORE UPDATE OR DELETE ON review_action
        FOR EACH ROW EXECUTE FUNCTION review_action_append_only();`,
  },
  {
    component: 'reconciliation-service',
    id: '004-report-runs',
    sql: `
      -- One row per business date whose scheduled report was written; not derived, so a rebuild keeps it.
      CREATE TABLE recon_report_run (
        business_date text PRIMARY KEY,
        written_at bigint NOT NULL
      );`,
  },
];
