import type { PoolClient } from 'pg';
import type { MessageBus } from '@oms/messaging';
import { withTimeout, type HealthProbe } from '@oms/nest-kit';

/** `/health` is up for the bus when it lists its topics within `timeoutMs` (the bus offers no plainer ping). */
export function busProbe(bus: MessageBus<PoolClient>, timeoutMs = 3000): HealthProbe {
  return { name: 'kafka', check: () => withTimeout(bus.ensureTopics([]), timeoutMs, 'Kafka') };
}
