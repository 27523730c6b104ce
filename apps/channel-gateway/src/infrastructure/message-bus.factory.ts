import { Topics } from '@oms/contracts';
import { InMemoryInboxStore, InProcessBus, KafkaMessageBus, type MessageBus, type MessagingLogger } from '@oms/messaging';
import { IN_PROCESS_BROKERS, type GatewayConfig } from '../config/gateway-config';

/** Partitions of the ingress topics when the gateway has to create them (the broker script's default). */
export const INGRESS_PARTITIONS = 4;

/**
 * The bus the gateway publishes on: Kafka in production (idempotent producer, acks all), or the
 * in-process bus when `KAFKA_BROKERS=inprocess` (HTTP-layer tests, the zero-setup demo — nothing
 * is durable there). The gateway only produces, so the inbox store is never used by it.
 */
export async function createGatewayBus(config: GatewayConfig, logger: MessagingLogger): Promise<MessageBus<unknown>> {
  const bus: MessageBus<unknown> =
    config.kafkaBrokers === IN_PROCESS_BROKERS
      ? new InProcessBus({ inbox: new InMemoryInboxStore(), logger })
      : new KafkaMessageBus({ brokers: [...config.kafkaBrokers], clientId: 'channel-gateway', inbox: new InMemoryInboxStore(), logger });
  await bus.ensureTopics([
    { topic: Topics.ingressPayments, partitions: INGRESS_PARTITIONS },
    { topic: Topics.ingressOrders, partitions: INGRESS_PARTITIONS },
  ]);
  return bus;
}
