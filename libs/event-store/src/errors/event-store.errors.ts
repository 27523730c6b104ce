/** Base class of every error the event store raises on purpose. */
export class EventStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The stream is not at the version the caller expected: someone else appended first. Nothing
 * was written; reload the stream and decide again.
 */
export class ConcurrencyError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: number | 'no_stream' | 'any',
    readonly actual: number,
    /**
     * Every stream of the append found off its expected version (`streamId` first), when the
     * store read them all: a caller that believed several of them stale can drop every belief at
     * once instead of learning of them one failed attempt at a time.
     */
    readonly conflicting: readonly string[] = [streamId],
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${expected}${conflicting.length > 1 ? ` (and ${conflicting.length - 1} more stream(s) off their expected versions)` : ''}`);
  }
}

/**
 * The stream's last event was written by a transaction younger than the current one. Appending
 * would make the log's tail order (transaction, position) disagree with the stream's version
 * order, so the append is refused; retrying in a new transaction succeeds.
 */
export class StreamOrderConflictError extends EventStoreError {
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} was appended to by a younger transaction; retry in a new transaction`);
  }
}

/** An event with this id is already stored (possibly in another stream). */
export class DuplicateEventError extends EventStoreError {
  constructor(readonly detail: string) {
    super(`Duplicate event id: ${detail}`);
  }
}

/** An argument the store cannot accept (empty stream id, payload without an Avro header, ...). */
export class InvalidAppendError extends EventStoreError {}
