import { trace } from '@opentelemetry/api';
import { Headers } from '@oms/contracts';
import type { EventMetadata } from '@oms/event-store';
import type { ConsumedMessage } from '@oms/messaging';
import { formatIsoDateTime } from '@oms/order-domain';

/** When and why a command is issued: its id, the service's "now", and the events' metadata. */
export interface CommandContext {
  commandId: string;
  occurredAt: number;
  occurredAtText: string;
  metadata: EventMetadata;
}

/** The service's clock as the domain wants it: epoch ms plus ISO-8601 text, in Beijing time (+08:00). */
export function now(epochMs = Date.now()): { occurredAt: number; occurredAtText: string } {
  return { occurredAt: epochMs, occurredAtText: formatIsoDateTime({ epochMs, offsetMinutes: 480, offsetText: '+08:00' }) };
}

/** The W3C traceparent of the active span (the consumer span), so the outbox publishes inside this trace. */
export function activeTraceparent(): string | undefined {
  const span = trace.getActiveSpan()?.spanContext();
  if (!span || !trace.isSpanContextValid(span)) return undefined;
  return `00-${span.traceId}-${span.spanId}-0${span.traceFlags.toString(16)}`;
}

/**
 * The context of a command translated from a consumed record: the record's message id is the
 * command id and the events' causation; the correlation id travels on (or starts here).
 */
export function commandContextOf(message: Pick<ConsumedMessage<unknown>, 'messageId' | 'headers' | 'traceparent'>, actor: string): CommandContext {
  return {
    commandId: message.messageId,
    ...now(),
    metadata: {
      correlationId: message.headers[Headers.correlationId] ?? message.messageId,
      causationId: message.messageId,
      actor,
      traceparent: activeTraceparent() ?? message.traceparent,
    },
  };
}
