import type { MessageBus } from '@oms/messaging';
import { withTimeout, type HealthProbe } from '@oms/nest-kit';
import { GATEWAY_TOPICS } from './message-bus.factory';

/**
 * `/health` for the broker: up when the gateway's topics (with their prefix) can be looked up or
 * created within `timeoutMs` — a metadata round trip on Kafka; the in-process bus is always up.
 */
export function messageBusProbe(bus: MessageBus<unknown>, timeoutMs = 2000): HealthProbe {
  return {
    name: 'kafka',
    check: async () => {
      await withTimeout(bus.ensureTopics(GATEWAY_TOPICS), timeoutMs, 'Kafka');
    },
  };
}
