import { context, defaultTextMapSetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { Headers, type OutgoingMessage } from '@oms/contracts';

// The W3C propagator directly, not the global one: the header is part of our message contract
// (DESIGN.md), so it must be written even when the service registered no propagator.
const propagator = new W3CTraceContextPropagator();

/**
 * The message with a `traceparent` (and `tracestate`) taken from the active OpenTelemetry
 * context, unless the caller already set one — an outbox relay republishes the trace context it
 * stored with the event. Without an active span, the message is returned unchanged.
 */
export function withTraceparent(message: OutgoingMessage): OutgoingMessage {
  if (message.headers[Headers.traceparent]) return message;
  const carrier: Record<string, string> = {};
  propagator.inject(context.active(), carrier, defaultTextMapSetter);
  if (!carrier[Headers.traceparent]) return message;
  return { ...message, headers: { ...message.headers, ...carrier } };
}
