import { Topics } from '@oms/contracts';
import { InProcessBus, KafkaMessageBus, PostgresInboxStore, PrefixedTopicsBus, type MessageBus, type MessagingLogger, type TopicSpec } from '@oms/messaging';
import type { Pool } from 'pg';
import { IN_PROCESS_BROKERS, type GatewayConfig } from '../config/gateway-config';

/** Partitions of the topics when the gateway has to create them (the broker script's default). */
export const INGRESS_PARTITIONS = 4;

/**
 * The topics the gateway produces to (the ingress topics) and consumes (the order log, for
 * RefundRequested), created when missing so the gateway can start before order-service.
 */
export const GATEWAY_TOPICS: TopicSpec[] = [Topics.ingressPayments, Topics.ingressOrders, Topics.orderEvents].map((topic) => ({ topic, partitions: INGRESS_PARTITIONS }));

/**
 * The bus the gateway publishes and consumes on: Kafka in production (idempotent producer, acks
 * all), or the in-process bus when `KAFKA_BROKERS=inprocess` (HTTP-layer tests, the zero-setup
 * demo — nothing is durable there). The inbox is PostgreSQL in the gateway's schema, so the
 * RefundRequested handler records the message id in its own transaction; topic names carry
 * `KAFKA_TOPIC_PREFIX`.
 */
export async function createGatewayBus(config: GatewayConfig, pool: Pool, logger: MessagingLogger): Promise<MessageBus<unknown>> {
  const inbox = new PostgresInboxStore(pool);
  const bus: MessageBus<unknown> =
    config.kafkaBrokers === IN_PROCESS_BROKERS
      ? new InProcessBus({ inbox, logger })
      : new KafkaMessageBus({ brokers: [...config.kafkaBrokers], clientId: 'channel-gateway', inbox, logger });
  const prefixed = config.kafkaTopicPrefix === '' ? bus : new PrefixedTopicsBus(bus, config.kafkaTopicPrefix);
  await prefixed.ensureTopics(GATEWAY_TOPICS);
  return prefixed;
}
