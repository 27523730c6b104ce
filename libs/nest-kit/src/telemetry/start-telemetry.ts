import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { resourceFromAttributes } from '@opentelemetry/resources';

/**
 * Starts OpenTelemetry tracing. Call it from a preload file (`node --require ./telemetry.js
 * main.js`) so the instrumentations patch `http`, `express`, `pg` and `kafkajs` before Nest loads
 * them. Spans are exported over OTLP/HTTP when `OTEL_EXPORTER_OTLP_ENDPOINT` is set; without it
 * traces still exist (trace ids in logs, `traceparent` on every Kafka record) but go nowhere.
 * `OTEL_SDK_DISABLED=true` turns it off.
 */
export function startTelemetry(serviceName: string, env: NodeJS.ProcessEnv = process.env): NodeSDK | undefined {
  if (env['OTEL_SDK_DISABLED'] === 'true') return undefined;
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    traceExporter: env['OTEL_EXPORTER_OTLP_ENDPOINT'] ? new OTLPTraceExporter() : undefined,
    instrumentations: [
      new HttpInstrumentation(),
      new ExpressInstrumentation(),
      new NestInstrumentation(),
      new PgInstrumentation(),
      new KafkaJsInstrumentation(),
    ],
  });
  sdk.start();
  // No signal handlers here: the app's graceful shutdown owns SIGTERM and flushes through
  // `TelemetryShutdown` (see nest-kit's lifecycle) so in-flight spans are not lost.
  return sdk;
}
