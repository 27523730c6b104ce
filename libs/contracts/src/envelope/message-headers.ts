/**
 * Header names every Kafka record of the backbone carries (see DESIGN.md, "The public contract").
 * Values are UTF-8 strings.
 */
export const Headers = {
  /** Unique id of this message; for order events it is the event id. Consumers deduplicate on it. */
  messageId: 'message-id',
  /** Id shared by every message caused, directly or not, by one outside request. */
  correlationId: 'correlation-id',
  /** Id of the message that caused this one. */
  causationId: 'causation-id',
  /** W3C trace context (https://www.w3.org/TR/trace-context/). */
  traceparent: 'traceparent',
  /** Avro record name of the value, so a reader can route before decoding. */
  eventType: 'event-type',
} as const;

/** Headers a dead-lettered record carries in addition to its original headers. */
export const DeadLetterHeaders = {
  reason: 'dlq-reason',
  errorType: 'dlq-error-type',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

/** Message headers as the backbone handles them: string values only. */
export type MessageHeaders = Record<string, string>;
