/**
 * Who and what caused an event. Stored as JSON beside the event and covered by its hash;
 * `traceparent` lets the outbox publish inside the trace that appended the event.
 */
export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  /** The user or system that caused the event, e.g. `user:42`, `channel:shopify`. */
  actor?: string;
  traceparent?: string;
  [key: string]: string | undefined;
}

/** An event to append. `payload` is the Avro single-object encoding, stored byte for byte. */
export interface NewEvent {
  eventId: string;
  type: string;
  payload: Buffer;
  /** When it happened in the world, epoch milliseconds. */
  occurredAt: number;
  metadata?: EventMetadata;
}

/** An event as the store keeps it. Positions are plain numbers (2^53 events is never reached). */
export interface StoredEvent {
  globalPosition: number;
  /** The writing transaction's xid8, as text: half of a tailing checkpoint. */
  transactionId: string;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  /** The 8-byte CRC-64-AVRO fingerprint from the payload's single-object header. */
  schemaFingerprint: Buffer;
  payload: Buffer;
  metadata: EventMetadata;
  occurredAt: number;
  recordedAt: number;
  previousHash: Buffer | null;
  hash: Buffer;
}

/** An event as the global log's readers get it: everything but the hash chain (see {@link StoredEvent}). */
export type LoggedEvent = Omit<StoredEvent, 'previousHash' | 'hash'>;

/**
 * What the caller believes the stream's version is: a number (0 = the stream must not exist yet),
 * `'no_stream'` (same as 0) or `'any'` (no check).
 */
export type ExpectedVersion = number | 'no_stream' | 'any';

/** One stream's share of an {@link EventStore.appendMany} call. */
export interface StreamAppend {
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: NewEvent[];
}

/** What an append wrote, per stream. */
export interface AppendResult {
  streamId: string;
  /** The stream's version after the append. */
  nextVersion: number;
  globalPositions: number[];
}

/**
 * A place in the global log. Readers order by (transactionId, position), which is safe against
 * transactions that commit out of position order; start from {@link START_OF_LOG}.
 */
export interface LogCheckpoint {
  transactionId: string;
  position: number;
}

/** The checkpoint before the first event. */
export const START_OF_LOG: LogCheckpoint = Object.freeze({ transactionId: '0', position: 0 });
