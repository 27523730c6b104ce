import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, defaultTextMapGetter, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { IncomingRecord } from '../processing/incoming-record';

const propagator = new W3CTraceContextPropagator();
const tracer = trace.getTracer('@oms/messaging');

/**
 * Runs `work` inside a CONSUMER span whose parent is the record's `traceparent`, so a trace runs
 * from the producer through the handler and whatever the handler publishes next. With no
 * OpenTelemetry SDK registered this is a no-op wrapper.
 */
export async function inConsumerSpan<T>(
  record: IncomingRecord,
  attributes: { system: string; groupId: string; messageId: string },
  work: () => Promise<T>,
): Promise<T> {
  const parent = propagator.extract(ROOT_CONTEXT, record.headers, defaultTextMapGetter);
  const span = tracer.startSpan(
    `process ${record.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': attributes.system,
        'messaging.operation.type': 'process',
        'messaging.destination.name': record.topic,
        'messaging.destination.partition.id': String(record.partition),
        'messaging.consumer.group.name': attributes.groupId,
        'messaging.message.id': attributes.messageId,
        'messaging.kafka.offset': Number(record.offset),
      },
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
