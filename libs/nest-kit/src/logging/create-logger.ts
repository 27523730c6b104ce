import { trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';

/**
 * The structured JSON logger every service uses. Each line carries the service name and, inside
 * a traced operation, `trace_id`/`span_id`, so a log line leads to its trace. Secrets and
 * credentials are redacted wherever they appear in logged objects.
 */
export function createLogger(service: string, level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['*.authorization', '*.Authorization', 'req.headers.authorization', '*.secret', '*.apiKey', '*.password', '*.privateKey'],
      censor: '[redacted]',
    },
    mixin() {
      const span = trace.getActiveSpan()?.spanContext();
      return span ? { trace_id: span.traceId, span_id: span.spanId } : {};
    },
  });
}
