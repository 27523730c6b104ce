import type { OutgoingMessage } from '@oms/contracts';

/**
 * Publishes records. `send` resolves only when the broker (or the in-process log) has
 * acknowledged every message; it rejects with a {@link PublishError} otherwise, so the caller
 * never mistakes an unsent message for a sent one.
 *
 * A W3C `traceparent` header is added from the active OpenTelemetry context when the caller did
 * not set one.
 */
export interface MessageProducer {
  send(messages: OutgoingMessage[]): Promise<void>;
}
