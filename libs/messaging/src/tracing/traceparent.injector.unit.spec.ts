import { context, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { Headers, type OutgoingMessage } from '@oms/contracts';
import { withTraceparent } from './traceparent.injector';

const message = (headers: Record<string, string> = {}): OutgoingMessage => ({ topic: 't', key: 'k', value: Buffer.from('v'), headers });
const spanContext = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED };

describe('withTraceparent', () => {
  afterEach(() => context.disable());

  it('leaves the message alone outside any trace', () => {
    const original = message({ [Headers.messageId]: 'm-1' });
    expect(withTraceparent(original)).toBe(original);
  });

  it('writes the active span context as a W3C traceparent, with no tracing SDK registered', () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    const traced = context.with(trace.setSpanContext(context.active(), spanContext), () => withTraceparent(message({ [Headers.messageId]: 'm-1' })));
    expect(traced.headers).toEqual({ [Headers.messageId]: 'm-1', [Headers.traceparent]: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
  });

  it('keeps a traceparent the caller set (an outbox relay republishing a stored trace)', () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    const stored = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const relayed = context.with(trace.setSpanContext(context.active(), spanContext), () => withTraceparent(message({ [Headers.traceparent]: stored })));
    expect(relayed.headers[Headers.traceparent]).toBe(stored);
  });
});
