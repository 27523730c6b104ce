import type { PoolClient } from 'pg';
import { CheckoutScoped } from '@oms/postgres';
import { ConcurrencyError, InvalidAppendError } from '../errors/event-store.errors';
import type { AppendResult, StreamAppend } from '../model/stored-event';

/** One transaction's held-back appends, merged per stream in the order they were made. */
type HeldAppends = Map<string, StreamAppend & { expectedVersion: number }>;

/** A buffer whose appends were lost to a failed write: the transaction must not commit. */
interface FailedBuffer {
  failed: unknown;
}

/**
 * Appends a transaction holds back and writes together just before its COMMIT (see
 * {@link EventStore.bufferAppends}). Only appends at a numeric expected version with events are
 * held: their versions are known without the database, and the one write at the end checks them
 * all. Two appends to one stream in the buffer must follow on from each other, which is checked
 * here at once.
 */
export class BufferedAppends {
  private readonly buffers = new CheckoutScoped<HeldAppends | FailedBuffer>();

  start(client: PoolClient): void {
    this.buffers.set(client, new Map());
  }

  isBuffering(client: PoolClient): boolean {
    return this.buffers.get(client) !== undefined;
  }

  /** True once a write of what was held failed (see {@link fail}): nothing more can succeed in this transaction. */
  hasFailed(client: PoolClient): boolean {
    const buffer = this.buffers.get(client);
    return buffer !== undefined && !(buffer instanceof Map);
  }

  /** Whether these appends can wait for the flush. */
  static holds(appends: StreamAppend[]): boolean {
    return appends.every((append) => append.expectedVersion !== 'any' && append.events.length > 0);
  }

  /** Holds `appends` (see {@link holds}); answers what they will have written once flushed (positions are not known yet). */
  add(client: PoolClient, appends: StreamAppend[]): AppendResult[] {
    const buffer = this.held(client);
    if (!buffer) throw new Error('add() on a transaction that is not buffering appends');
    if (new Set(appends.map((append) => append.streamId)).size < appends.length) throw new InvalidAppendError('A stream appears twice in one append; merge its events');
    for (const append of appends) this.checkFollowsOn(buffer, append);
    return appends.map((append) => {
      const expectedVersion = append.expectedVersion === 'no_stream' ? 0 : (append.expectedVersion as number);
      const held = buffer.get(append.streamId);
      if (held) held.events.push(...append.events);
      else buffer.set(append.streamId, { streamId: append.streamId, expectedVersion, events: [...append.events] });
      return { streamId: append.streamId, nextVersion: expectedVersion + append.events.length, globalPositions: [] };
    });
  }

  /** Takes everything held and stops buffering (later appends write at once). Throws the failure of a buffer marked {@link fail}. */
  take(client: PoolClient): StreamAppend[] {
    const buffer = this.buffers.take(client);
    if (buffer && !(buffer instanceof Map)) throw buffer.failed;
    return [...(buffer?.values() ?? [])];
  }

  /**
   * Writing what was held failed part-way through the transaction (a flush before a read): those
   * events are gone, so every later use of the buffer — another append, the final flush — throws
   * `error` again. Whoever caught the first throw and carried on cannot commit a transaction whose
   * decisions rest on events it never wrote.
   */
  fail(client: PoolClient, error: unknown): void {
    this.buffers.set(client, { failed: error });
  }

  /** Drops the buffer, held appends or failure alike (the transaction rolls back). */
  discard(client: PoolClient): void {
    this.buffers.take(client);
  }

  private held(client: PoolClient): HeldAppends | undefined {
    const buffer = this.buffers.get(client);
    if (buffer && !(buffer instanceof Map)) throw buffer.failed;
    return buffer;
  }

  private checkFollowsOn(buffer: HeldAppends, append: StreamAppend): void {
    const held = buffer.get(append.streamId);
    if (!held) return;
    const version = held.expectedVersion + held.events.length;
    const expected = append.expectedVersion === 'no_stream' ? 0 : append.expectedVersion;
    if (expected !== version) throw new ConcurrencyError(append.streamId, append.expectedVersion, version);
  }
}
