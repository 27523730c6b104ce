import { Headers, type OutgoingMessage } from '@oms/contracts';
import type { LoggedEvent } from '../model/stored-event';

/** Extra headers the outbox adds so consumers can check order without decoding. */
export const OutboxHeaders = {
  streamVersion: 'stream-version',
  globalPosition: 'global-position',
} as const;

/**
 * The Kafka record for a stored event: keyed by stream id (one order's events share a partition
 * and keep their order), value = the stored Avro bytes untouched, message id = event id.
 */
export function eventToMessage(event: LoggedEvent, topic: string): OutgoingMessage {
  const headers: Record<string, string> = {
    [Headers.messageId]: event.eventId,
    [Headers.eventType]: event.type,
    [OutboxHeaders.streamVersion]: String(event.streamVersion),
    [OutboxHeaders.globalPosition]: String(event.globalPosition),
  };
  const { correlationId, causationId, traceparent } = event.metadata;
  if (correlationId) headers[Headers.correlationId] = correlationId;
  if (causationId) headers[Headers.causationId] = causationId;
  if (traceparent) headers[Headers.traceparent] = traceparent;
  return { topic, key: event.streamId, value: event.payload, headers };
}
