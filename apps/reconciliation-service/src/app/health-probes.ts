import type { PoolClient } from 'pg';
import type { MessageBus } from '@oms/messaging';
import { withTimeout, type HealthProbe } from '@oms/nest-kit';

/** `/health` is up for the bus when it lists its topics within `timeoutMs`. */
export function busProbe(bus: MessageBus<PoolClient>, timeoutMs = 3000): HealthProbe {
  // ensureTopics([]) connects the admin client and lists topics: the bus offers no plainer ping.
  return { name: 'kafka', check: () => withTimeout(bus.ensureTopics([]), timeoutMs, 'Kafka') };
}
