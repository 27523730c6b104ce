import type { Migration } from '@oms/postgres';

/**
 * The event store's tables, applied with `runMigrations(pool, schema, eventStoreMigrations)` into
 * the owning service's schema.
 *
 * `transaction_id` (xid8) lets readers tail the log without skipping rows whose transaction
 * commits late: they read only below the oldest transaction still open
 * (`pg_snapshot_xmin(pg_current_snapshot())`), in (transaction_id, global_position) order.
 */
export const eventStoreMigrations: Migration[] = [
  {
    component: 'event-store',
    id: '001-events',
    sql: `
      CREATE TABLE events (
        global_position    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id     xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id          text NOT NULL,
        stream_version     integer NOT NULL CHECK (stream_version > 0),
        event_id           uuid NOT NULL,
        event_type         text NOT NULL,
        schema_fingerprint bytea NOT NULL,
        payload            bytea NOT NULL,
        metadata           jsonb NOT NULL,
        occurred_at        timestamptz NOT NULL,
        recorded_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
        previous_hash      bytea,
        hash               bytea NOT NULL,
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version),
        CONSTRAINT events_event_id_unique UNIQUE (event_id)
      );
      CREATE INDEX events_tail_idx ON events (transaction_id, global_position);

      -- Events are facts: the database itself refuses to change or remove them.
      CREATE FUNCTION events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % refused on %', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'restrict_violation';
      END $$;
      CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION events_are_immutable();
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_are_immutable();

      CREATE TABLE outbox_checkpoints (
        name           text PRIMARY KEY,
        transaction_id xid8 NOT NULL,
        position       bigint NOT NULL,
        updated_at     timestamptz NOT NULL DEFAULT clock_timestamp()
      );
    `,
  },
];
