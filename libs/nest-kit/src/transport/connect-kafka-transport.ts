import type { INestApplication } from '@nestjs/common';
import type { KafkaEventTransport } from './kafka-event.transport';
import { RethrowRpcFilter } from './rethrow-rpc.filter';

/**
 * Attaches the Kafka transport to an HTTP app (a hybrid app: one process serves HTTP and
 * consumes). Call `app.startAllMicroservices()` after it; `app.close()` stops consuming first.
 */
export function connectKafkaTransport<TValue, TClient>(app: INestApplication, transport: KafkaEventTransport<TValue, TClient>): void {
  // Deferred, so the filter below is in place when the handlers are wrapped at listen().
  const microservice = app.connectMicroservice({ strategy: transport }, { inheritAppConfig: false, deferInitialization: true });
  microservice.useGlobalFilters(new RethrowRpcFilter());
}
