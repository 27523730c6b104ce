import type { Pool, PoolClient } from 'pg';
import { appendEvents, appendEventsAutocommit } from './append/append-events';
import { BufferedAppends } from './append/buffered-appends';
import { StreamHeadCache } from './append/stream-head.cache';
import type { AppendResult, ExpectedVersion, LogCheckpoint, NewEvent, StoredEvent, StreamAppend } from './model/stored-event';
import { readAll, type LogPage } from './read/read-all';
import { readStream, type ReadStreamOptions } from './read/read-stream';
import { verifyHashChain, type VerificationResult } from './verify/hash-chain.verifier';

/**
 * The append-only event log in PostgreSQL: one row per event, optimistic concurrency per stream,
 * a per-stream hash chain, and a global log that projections and the outbox tail safely.
 *
 * Every write method takes an optional `client` already inside a transaction, so a consumer can
 * write its inbox row, its appends and anything else in one commit.
 *
 * @example
 * const store = new EventStore(pool);
 * await store.append('order-42', 0, [{ eventId, type: 'OrderPlaced', payload, occurredAt }]);
 * const history = await store.readStream('order-42');
 */
export class EventStore {
  /** Heads this store read or wrote lately: appends that find theirs here take one round trip. */
  private readonly heads = new StreamHeadCache();
  private readonly buffered = new BufferedAppends();

  constructor(private readonly pool: Pool) {}

  /** Appends to one stream; see {@link EventStore.appendMany}. */
  async append(streamId: string, expectedVersion: ExpectedVersion, events: NewEvent[], client?: PoolClient): Promise<AppendResult> {
    const results = await this.appendMany([{ streamId, expectedVersion, events }], client);
    return results[0] as AppendResult; // appendMany answers once per stream given
  }

  /**
   * Appends to several streams atomically: either every stream is at its expected version and all
   * events are written, or a {@link ConcurrencyError} (or {@link StreamOrderConflictError}) is
   * thrown and none is.
   */
  async appendMany(appends: StreamAppend[], client?: PoolClient): Promise<AppendResult[]> {
    if (!client) return appendEventsAutocommit(this.pool, appends, this.heads);
    if (this.buffered.isBuffering(client)) {
      if (BufferedAppends.holds(appends)) return this.buffered.add(client, appends);
      await this.flushHeld(client); // an append the buffer cannot hold goes after those it holds
    }
    return appendEvents(client, appends, this.heads);
  }

  /**
   * Holds back `client`'s appends at known versions until {@link flushAppends}, which writes them
   * all in one statement: a consumer batch of 64 messages appends once instead of 64 times, and
   * holds its new rows' locks only from the flush to its COMMIT. Version conflicts then surface
   * at the flush (nothing of the transaction may be committed after one). Reads through this
   * store with `client` flush first, so the transaction always sees its own events.
   */
  bufferAppends(client: PoolClient): void {
    this.buffered.start(client);
  }

  /** Writes what `client` holds back (see {@link bufferAppends}) and stops holding. */
  async flushAppends(client: PoolClient): Promise<AppendResult[]> {
    const appends = this.buffered.take(client);
    return appends.length === 0 ? [] : appendEvents(client, appends, this.heads);
  }

  /**
   * True once writing what `client` held back failed part-way (a read flushes first): the held
   * events are lost, every later use of the buffer throws again, and only a new transaction can
   * go on — re-deciding inside this one is futile.
   */
  heldAppendsFailed(client: PoolClient): boolean {
    return this.buffered.hasFailed(client);
  }

  /** Drops what `client` holds back (its transaction rolls back). */
  discardAppends(client: PoolClient): void {
    this.buffered.discard(client);
  }

  /** One stream in version order: whole, from a version, or as it was at an instant. */
  async readStream(streamId: string, options?: ReadStreamOptions, client?: PoolClient): Promise<StoredEvent[]> {
    if (client) await this.flushBeforeReading(client);
    const events = await readStream(client ?? this.pool, streamId, options);
    const last = events[events.length - 1];
    // Read to the head (no upper bound): the next append to this stream can skip reading it again.
    if (last && options?.toVersion === undefined && options?.asOf === undefined) this.heads.remember(streamId, { version: last.streamVersion, hash: last.hash });
    return events;
  }

  /** The global log after a checkpoint, skipping nothing that commits late. */
  async readAll(after: LogCheckpoint, limit?: number, client?: PoolClient): Promise<LogPage> {
    if (client) await this.flushBeforeReading(client);
    return readAll(client ?? this.pool, after, limit);
  }

  /** A transaction reading the log sees its own held-back events: they are written first. */
  private async flushBeforeReading(client: PoolClient): Promise<void> {
    if (this.buffered.isBuffering(client)) await this.flushHeld(client);
  }

  /**
   * Writes what is held and goes on holding. Should the write fail, the held events are lost to
   * this transaction: the buffer then fails every later use, so a caller that catches the error
   * and retries something else (a version conflict on another order, decided again) cannot
   * commit decisions that rest on them.
   */
  private async flushHeld(client: PoolClient): Promise<void> {
    try {
      await this.flushAppends(client);
    } catch (error) {
      this.buffered.fail(client, error);
      throw error;
    }
    this.buffered.start(client);
  }

  /** Re-derives the hash chain of one stream, or of every stream. */
  verify(streamId?: string): Promise<VerificationResult> {
    return verifyHashChain(this.pool, streamId);
  }
}
