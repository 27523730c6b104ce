import { Headers, type MessageHeaders } from '@oms/contracts';

/** A record as any bus delivers it to the processor, before decoding. */
export interface IncomingRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** `null` for a tombstone, which the backbone never publishes: treated as poison. */
  value: Buffer | null;
  headers: MessageHeaders;
  timestamp: number;
}

/**
 * The inbox id of a record: the producer's `message-id` header, else its log position. A
 * re-published copy of a message keeps its id, so only the header makes redelivery by a
 * producer retry (not just by a consumer replay) harmless.
 */
export function messageIdOf(record: IncomingRecord): string {
  return record.headers[Headers.messageId] || `${record.topic}:${record.partition}:${record.offset}`;
}
