import type { Pool, PoolClient } from 'pg';
import { assertIdentifier, beginCommitEffects, commitEffectsMark, dropCommitEffectsSince, runCommitEffects, takeCommitEffects } from '@oms/postgres';
import type { InboxEntry, InboxStore, InboxTransaction } from './inbox-store';
import { DEFAULT_INBOX_TABLE } from './messaging.migrations';

/**
 * The inbox in PostgreSQL (table from {@link messagingMigrations}, in the pool's `search_path`).
 * Handlers receive the transaction's `PoolClient`; what they register with `onCommit` (from
 * `@oms/postgres`) runs once the batch commits, and never for a run that rolled back; what they
 * register with `onSettled` runs once the batch is over either way.
 *
 * @example
 * const bus = new KafkaMessageBus({ brokers, clientId: 'order-service', inbox: new PostgresInboxStore(pool) });
 */
export class PostgresInboxStore implements InboxStore<PoolClient> {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    options: { table?: string } = {},
  ) {
    this.table = assertIdentifier(options.table ?? DEFAULT_INBOX_TABLE);
  }

  /** Checks out a connection and opens a transaction on it. */
  async begin(): Promise<InboxTransaction<PoolClient>> {
    const transaction = new PostgresInboxTransaction(await this.pool.connect(), this.table);
    try {
      await transaction.client.query('BEGIN');
    } catch (error) {
      await transaction.rollback();
      throw error;
    }
    return transaction;
  }
}

class PostgresInboxTransaction implements InboxTransaction<PoolClient> {
  private released = false;
  private releasePending = false;
  private lost: Error | undefined;
  /** The commit effects collected before the message savepoint: a rollback to it drops the rest. */
  private savepointMark = 0;
  // pg-pool listens for errors on idle clients only: a connection dropped while checked out
  // would emit an unhandled 'error' and bring the process down. The failing query rejects too;
  // this listener only keeps the broken connection from returning to the pool.
  private readonly onError = (error: Error): void => {
    this.lost = error;
  };

  constructor(
    readonly client: PoolClient,
    private readonly table: string,
  ) {
    client.on('error', this.onError);
    beginCommitEffects(client);
  }

  async recordNew(entries: readonly InboxEntry[]): Promise<ReadonlySet<string>> {
    if (entries.length === 0) return new Set();
    // One round trip for the whole batch. A concurrent transaction inserting the same key makes
    // this wait for it, then skip: two members never both handle one message.
    const result = await this.client.query<{ message_id: string }>(
      `INSERT INTO ${this.table} (consumer_group, message_id, topic, "partition", "offset")
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[])
       ON CONFLICT DO NOTHING
       RETURNING message_id`,
      [
        entries.map((entry) => entry.consumerGroup),
        entries.map((entry) => entry.messageId),
        entries.map((entry) => entry.topic),
        entries.map((entry) => entry.partition),
        entries.map((entry) => entry.offset),
      ],
    );
    return new Set(result.rows.map((row) => row.message_id));
  }

  async markDeadLettered(entry: InboxEntry): Promise<void> {
    await this.client.query(`UPDATE ${this.table} SET outcome = 'dead-lettered' WHERE consumer_group = $1 AND message_id = $2`, [
      entry.consumerGroup,
      entry.messageId,
    ]);
  }

  // A release is sent together with the next SAVEPOINT (or made moot by COMMIT): one round
  // trip per message instead of two, on the path every message takes.
  async savepoint(): Promise<void> {
    await this.client.query(this.releasePending ? 'RELEASE SAVEPOINT oms_message; SAVEPOINT oms_message' : 'SAVEPOINT oms_message');
    this.releasePending = false;
    this.savepointMark = commitEffectsMark(this.client);
  }

  async rollbackToSavepoint(): Promise<void> {
    await this.client.query('ROLLBACK TO SAVEPOINT oms_message');
    dropCommitEffectsSince(this.client, this.savepointMark);
    // The savepoint survives a rollback to it; release it with the next one.
    this.releasePending = true;
  }

  async releaseSavepoint(): Promise<void> {
    this.releasePending = true;
  }

  async commit(): Promise<void> {
    try {
      await this.client.query('COMMIT');
    } catch (error) {
      this.release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    this.release(undefined, true);
  }

  async rollback(): Promise<void> {
    if (this.released) return;
    let broken: Error | undefined;
    await this.client.query('ROLLBACK').catch((error: Error) => {
      broken = error;
    });
    // A connection whose rollback failed is destroyed, never returned to the pool.
    this.release(broken);
  }

  /** Hands the connection back, then runs the transaction's effects for how it ended. */
  private release(broken?: Error, committed = false): void {
    if (this.released) return;
    this.released = true;
    const effects = takeCommitEffects(this.client);
    this.client.removeListener('error', this.onError);
    this.client.release(broken ?? this.lost);
    runCommitEffects(effects, committed);
  }
}
