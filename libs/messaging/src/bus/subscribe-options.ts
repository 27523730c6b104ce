import type { MessageHeaders } from '@oms/contracts';
import type { BackoffPolicy } from '../processing/backoff-policy';
import type { ConsumedMessage } from './consumed-message';

/**
 * Processes one message inside the batch's transaction. `tx` is what the bus's inbox store hands
 * out: a `pg` `PoolClient` for {@link PostgresInboxStore}, an {@link InMemoryUnitOfWork} for
 * {@link InMemoryInboxStore}. Write every effect through it, so effects, the inbox record and the
 * offset move together.
 *
 * Throw {@link PoisonMessageError} for input that can never succeed (dead-lettered at once),
 * {@link TransientError} for a dependency that is down (the batch is retried); anything else is
 * retried `maxAttempts` times, then dead-lettered.
 */
export type MessageHandler<TValue, TClient> = (message: ConsumedMessage<TValue>, tx: TClient) => Promise<void>;

/** Turns the record bytes into a value; any exception makes the record poison. */
export type MessageDecoder<TValue> = (value: Buffer, record: { topic: string; headers: MessageHeaders }) => TValue;

/**
 * Writes a handler may hold back for a whole chunk and make in one go before COMMIT (the event
 * store's `bufferAppends`): `begin` before the chunk's first message,
 * `flush` after its last, `end` whatever happened (just before COMMIT or ROLLBACK, while the transaction still owns its connection). Only a chunk running
 * without savepoints holds writes back; one re-run with a savepoint per message writes each
 * message's effects as it goes, so a failure is still pinned to its message. A `flush` failing
 * with anything but a transient error re-runs the chunk once more as it was (the handler should
 * have dropped whatever belief proved stale), then that way.
 */
export interface WriteBehind<TClient> {
  begin(tx: TClient): void;
  flush(tx: TClient): Promise<void>;
  end(tx: TClient): void;
}

/** The records of one partition in a transaction: `firstOffset`..`lastOffset`. */
export interface PartitionRange {
  topic: string;
  partition: number;
  firstOffset: string;
  lastOffset: string;
}

/**
 * One committed transaction. Its `topic`, `partition` and offsets are those of its first (with
 * {@link SubscribeOptions.mergePartitions}, maybe not only) partition; `partitions` lists all.
 */
export interface BatchSummary extends PartitionRange {
  partitions: PartitionRange[];
  /** Records in the transaction. */
  received: number;
  /** Records whose handler ran and committed. */
  processed: number;
  /** Records skipped because the inbox had already seen their id. */
  duplicates: number;
  /** Records sent to the dead-letter topic. */
  deadLettered: number;
  /** Batch attempts it took (1 when nothing transient happened). */
  attempts: number;
}

/**
 * A subscription: one consumer group reading `topics`, decoding with `decode`, handling with
 * `handler`.
 *
 * @example
 * await bus.subscribe({
 *   groupId: 'order-service',
 *   topics: ['oms.ingress.orders.v1'],
 *   decode: (bytes) => orderCodec.decode(bytes),
 *   handler: async (message, tx) => orders.accept(message.value, tx),
 * });
 */
export interface SubscribeOptions<TValue, TClient> {
  groupId: string;
  /** Topic names or patterns (a pattern is resolved against the topics existing at subscribe time). */
  topics: Array<string | RegExp>;
  decode: MessageDecoder<TValue>;
  handler: MessageHandler<TValue, TClient>;
  /** Where a group without committed offsets starts. Default `true`: a new group sees the whole log. */
  fromBeginning?: boolean;
  /** Partitions processed at the same time, each in its own transaction (with `mergePartitions`: handed over together). Default 4. */
  partitionsConsumedConcurrently?: number;
  /**
   * Process the batches of several partitions that arrive together in shared transactions (chunks
   * of `maxMessagesPerTransaction`), one at a time, instead of one transaction per partition
   * running side by side. Default false. Fewer, larger transactions, and this subscription's
   * transactions never race each other for a row (a handler touching one entity from several
   * topics); partitions are then no longer processed in parallel, so handlers that mostly wait
   * on slow I/O should leave it off. On Kafka, "together" is one fetch of the consumer (kafkajs
   * fetches from each broker on its own: batches of different brokers merge when they arrive in
   * the same tick or while a transaction runs); on the in-process bus, batches handed over while
   * the previous transaction ran.
   */
  mergePartitions?: boolean;
  /** Attempts for a handler failing with an unclassified error before it is dead-lettered. Default 3. */
  maxAttempts?: number;
  /**
   * Most messages in one transaction. Default 64, far from the commit budget. Messages run
   * without savepoints until one fails; the chunk then runs isolated, a savepoint per message, in
   * transactions of at most 64 whatever this is (PostgreSQL caches 64 subtransaction ids per
   * backend before every snapshot in the database takes a slow path).
   */
  maxMessagesPerTransaction?: number;
  /** Backoff between attempts of a failing batch (transient errors) or message. */
  backoff?: Partial<BackoffPolicy>;
  /** Called after each committed transaction. */
  onBatchProcessed?: (summary: BatchSummary) => void;
  /** Writes held back per chunk (see {@link WriteBehind}); none by default. */
  writeBehind?: WriteBehind<TClient>;
}
