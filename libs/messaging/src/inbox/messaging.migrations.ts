import type { Migration } from '@oms/postgres';

/** The inbox table {@link PostgresInboxStore} writes by default. */
export const DEFAULT_INBOX_TABLE = 'messaging_inbox';

/**
 * Schema of the messaging layer, applied into the service's own schema:
 * `runMigrations(pool, schema, messagingMigrations)`.
 */
export const messagingMigrations: Migration[] = [
  {
    component: 'messaging',
    id: '001-inbox',
    sql: `
      CREATE TABLE ${DEFAULT_INBOX_TABLE} (
        consumer_group text NOT NULL,
        message_id text NOT NULL,
        topic text NOT NULL,
        "partition" integer NOT NULL,
        "offset" bigint NOT NULL,
        outcome text NOT NULL DEFAULT 'processed' CHECK (outcome IN ('processed', 'dead-lettered')),
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, message_id)
      );
      -- Pruning old rows (older than any possible redelivery) scans by age.
      CREATE INDEX ${DEFAULT_INBOX_TABLE}_processed_at ON ${DEFAULT_INBOX_TABLE} (processed_at);`,
  },
];
