import type { Migration } from '@oms/postgres';

/**
 * The dispatch flow's tables. The order log stays the record of what was decided and why
 * (`DispatchProposed`, `DispatchProposalRejected`, `DispatchPlanned`, `DispatchScanRecorded`,
 * review items); these tables are its working state: the pending decisions that must survive a
 * restart, the plan versions awaiting or past their sandbox answer, the SKU catalog's change log,
 * and the indexes that find a plan's orders and a scan's plan. Each row is written in the
 * transaction of the events it belongs to.
 */
export const dispatchMigrations: Migration[] = [
  {
    component: 'order-service-dispatch',
    id: '001-dispatch-flow',
    sql: `
      -- Every SKU catalog change, in version order: the catalog is the fold of these rows.
      CREATE TABLE dispatch_catalog_changes (
        version     integer PRIMARY KEY,
        change_id   text NOT NULL UNIQUE,
        change      jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      -- Where the tail of the event log that feeds the decisions stands.
      CREATE TABLE dispatch_log_checkpoint (
        name           text PRIMARY KEY,
        transaction_id text NOT NULL,
        position       bigint NOT NULL
      );
      -- One row per ready order: WAITING until decide_after, then PROPOSED, PLANNED, REVIEW
      -- (a review item blocks it) or BLOCKED (a SKU without a complete vector; a catalog change
      -- puts it back to WAITING).
      CREATE TABLE dispatch_pending (
        order_id         text PRIMARY KEY,
        customer_id      text NOT NULL,
        planning_order   jsonb NOT NULL,
        ready_at         timestamptz NOT NULL,
        decide_after     timestamptz NOT NULL,
        status           text NOT NULL,
        dispatch_plan_id text,
        updated_at       timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX dispatch_pending_due ON dispatch_pending (decide_after) WHERE status = 'WAITING';
      CREATE INDEX dispatch_pending_customer ON dispatch_pending (customer_id) WHERE status = 'WAITING';
      -- Every version of every plan: PROPOSED until the sandbox answers, then ISSUED or REJECTED.
      CREATE TABLE dispatch_plan_versions (
        dispatch_plan_id text NOT NULL,
        version          integer NOT NULL,
        status           text NOT NULL,
        plan             jsonb NOT NULL,
        sandbox          jsonb,
        failures         jsonb NOT NULL DEFAULT '[]',
        proposed_at      timestamptz NOT NULL DEFAULT now(),
        decided_at       timestamptz,
        PRIMARY KEY (dispatch_plan_id, version)
      );
      -- Which order streams hold a plan's trail (GET /dispatch-plans/{id} reads them).
      CREATE TABLE dispatch_plan_orders (
        dispatch_plan_id text NOT NULL,
        order_id         text NOT NULL,
        PRIMARY KEY (dispatch_plan_id, order_id)
      );
      CREATE INDEX dispatch_plan_orders_order ON dispatch_plan_orders (order_id);
      -- Scans recorded (one per scan id), and scans whose plan id no plan has: kept, never dropped.
      CREATE TABLE dispatch_scans (
        scan_id          text PRIMARY KEY,
        dispatch_plan_id text NOT NULL,
        flag             text,
        recorded_at      timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE dispatch_unmatched_scans (
        scan_id          text PRIMARY KEY,
        dispatch_plan_id text NOT NULL,
        reason           text NOT NULL,
        payload          bytea NOT NULL,
        recorded_at      timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX dispatch_unmatched_scans_plan ON dispatch_unmatched_scans (dispatch_plan_id);`,
  },
  {
    component: 'order-service-dispatch',
    id: '002-replan-requests',
    sql: `
      -- An address change after planning asks for a new plan version (taken once the plan is decided).
      ALTER TABLE dispatch_pending ADD COLUMN replan_requested boolean NOT NULL DEFAULT false;
      CREATE INDEX dispatch_pending_replan ON dispatch_pending (order_id) WHERE replan_requested;`,
  },
  {
    component: 'order-service-dispatch',
    id: '003-unmatched-scans-newest-first',
    sql: `
      -- GET /dispatch-plans/unmatched-scans pages newest first on (recorded_at, scan_id).
      CREATE INDEX dispatch_unmatched_scans_newest ON dispatch_unmatched_scans (recorded_at DESC, scan_id DESC);`,
  },
  {
    component: 'order-service-dispatch',
    id: '004-due-orders-in-claim-order',
    sql: `
      -- The decision worker claims the first due orders in (decide_after, order_id) order: with the
      -- order id in the index the scan stops after them, where a backlog of due orders was read and
      -- sorted whole on every claim.
      CREATE INDEX dispatch_pending_due_order ON dispatch_pending (decide_after, order_id) WHERE status = 'WAITING';
      DROP INDEX dispatch_pending_due;`,
  },
];
