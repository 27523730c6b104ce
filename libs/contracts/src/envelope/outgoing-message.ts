import type { MessageHeaders } from './message-headers';

/**
 * A record on its way to a topic. `value` holds the Avro single-object bytes (or, for a
 * dead letter, the original bytes untouched). `key` decides the partition, so every record
 * of one order shares a key and keeps its order.
 */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: Buffer;
  headers: MessageHeaders;
}
