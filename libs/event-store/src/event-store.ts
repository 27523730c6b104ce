import type { Pool, PoolClient } from 'pg';
import { appendEvents, appendEventsAutocommit } from './append/append-events';
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
    if (client) return appendEvents(client, appends, this.heads);
    return appendEventsAutocommit(this.pool, appends, this.heads);
  }

  /** One stream in version order: whole, from a version, or as it was at an instant. */
  async readStream(streamId: string, options?: ReadStreamOptions, client?: PoolClient): Promise<StoredEvent[]> {
    const events = await readStream(client ?? this.pool, streamId, options);
    const last = events[events.length - 1];
    // Read to the head (no upper bound): the next append to this stream can skip reading it again.
    if (last && options?.toVersion === undefined && options?.asOf === undefined) this.heads.remember(streamId, { version: last.streamVersion, hash: last.hash });
    return events;
  }

  /** The global log after a checkpoint, skipping nothing that commits late. */
  readAll(after: LogCheckpoint, limit?: number, client?: PoolClient): Promise<LogPage> {
    return readAll(client ?? this.pool, after, limit);
  }

  /** Re-derives the hash chain of one stream, or of every stream. */
  verify(streamId?: string): Promise<VerificationResult> {
    return verifyHashChain(this.pool, streamId);
  }
}
