import { SpanKind, context as otelContext, trace, type SpanContext } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Headers } from '@oms/contracts';
import { decodeBody, jsonMessage, type ContractContext } from './contract-context';

/** Trace context: the producer's span is the parent of the handler's span. */
export function tracingContract<TClient>(context: ContractContext<TClient>): void {
  const { waitFor } = context.tools;
  const groupName = (prefix: string) => context.tools.uniqueName(`${prefix}.group`);
  describe('with an OpenTelemetry SDK registered', () => {
    const exporter = new InMemorySpanExporter();
    beforeAll(() => {
      otelContext.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    });
    afterAll(() => {
      trace.disable();
      otelContext.disable();
    });

    it('carries the W3C traceparent from producer to handler, and keeps one the caller set', async () => {
      const topic = await context.fixture().createTopic('trace', 2);
      const { producer } = context.fixture().bus;
      const producerSpan = await trace.getTracer('contract-test').startActiveSpan('checkout', async (span) => {
        await producer.send([jsonMessage(topic, 'order-1', { label: 'traced' })]);
        span.end();
        return span.spanContext();
      });
      const explicit = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
      await producer.send([jsonMessage(topic, 'order-1', { label: 'explicit' }, { [Headers.traceparent]: explicit })]);

      const seen = new Map<string, { traceparent: string | undefined; active: SpanContext | undefined }>();
      await context.subscribe({
        groupId: groupName('trace'),
        topics: [topic],
        decode: decodeBody,
        handler: async (message) => {
          seen.set(message.value.label, { traceparent: message.traceparent, active: trace.getActiveSpan()?.spanContext() });
        },
      });
      await waitFor('both messages handled', () => seen.size === 2);

      const traced = seen.get('traced');
      expect(traced?.traceparent).toBe(`00-${producerSpan.traceId}-${producerSpan.spanId}-01`);
      expect(traced?.active?.traceId).toBe(producerSpan.traceId);
      expect(traced?.active?.spanId).not.toBe(producerSpan.spanId);
      expect(seen.get('explicit')?.traceparent).toBe(explicit);
      expect(seen.get('explicit')?.active?.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
      const consumerSpan = exporter.getFinishedSpans().find((span) => span.kind === SpanKind.CONSUMER && span.spanContext().traceId === producerSpan.traceId);
      expect(consumerSpan?.name).toBe(`process ${topic}`);
      expect(consumerSpan?.parentSpanContext?.spanId).toBe(producerSpan.spanId);
    });
  });
}
