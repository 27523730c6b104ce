import { DeadLetterHeaders, type OutgoingMessage } from '@oms/contracts';
import { describeError } from '../errors/error-classification';
import type { IncomingRecord } from './incoming-record';

// Headers are for operators, not for stack dumps; Kafka also caps the record size.
const MAX_REASON_LENGTH = 1_000;

/** The dead-letter topic of `topic` (DESIGN.md: `<topic>.dlq`). */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

/**
 * The record to publish to `<topic>.dlq`: the original bytes untouched, the same key (so a
 * key's dead letters stay in order), the original headers, plus the `dlq-*` headers saying why,
 * from where and when.
 */
export function buildDeadLetter(record: IncomingRecord, error: unknown, groupId: string, now = new Date()): OutgoingMessage {
  const { type, message } = describeError(error);
  return {
    topic: deadLetterTopicOf(record.topic),
    key: record.key ?? '',
    value: record.value ?? Buffer.alloc(0),
    headers: {
      ...record.headers,
      [DeadLetterHeaders.reason]: message.slice(0, MAX_REASON_LENGTH),
      [DeadLetterHeaders.errorType]: type,
      [DeadLetterHeaders.sourceTopic]: record.topic,
      [DeadLetterHeaders.sourcePartition]: String(record.partition),
      [DeadLetterHeaders.sourceOffset]: record.offset,
      [DeadLetterHeaders.consumerGroup]: groupId,
      [DeadLetterHeaders.failedAt]: now.toISOString(),
    },
  };
}
