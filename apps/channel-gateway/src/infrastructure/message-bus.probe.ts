import { Topics } from '@oms/contracts';
import { KafkaMessageBus, type MessageBus } from '@oms/messaging';
import { withTimeout, type HealthProbe } from '@oms/nest-kit';
import { INGRESS_PARTITIONS } from './message-bus.factory';

/**
 * `/health` for the broker: up when the cluster answers a metadata request for the ingress topics
 * within `timeoutMs`. The in-process bus is always up.
 */
export function messageBusProbe(bus: MessageBus<unknown>, timeoutMs = 2000): HealthProbe {
  return {
    name: 'kafka',
    check: async () => {
      if (!(bus instanceof KafkaMessageBus)) return;
      const topics = [Topics.ingressPayments, Topics.ingressOrders].map((topic) => ({ topic, partitions: INGRESS_PARTITIONS }));
      await withTimeout(bus.topics.ensureTopics(topics), timeoutMs, 'Kafka');
    },
  };
}
