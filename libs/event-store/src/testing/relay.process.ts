/**
 * An outbox relay in its own process, for the crash test: the test SIGKILLs it mid-publish and
 * starts it again. Publishes through the messaging library's producer (idempotent, acks all) and
 * prints `published <n>` after every batch.
 *
 * Env: DATABASE_URL (with search_path), KAFKA_BROKERS, RELAY_TOPIC, RELAY_BATCH_SIZE.
 */
import { Pool } from 'pg';
import { InMemoryInboxStore, KafkaMessageBus } from '@oms/messaging';
import { OutboxRelay } from '../outbox/outbox-relay';

async function main(): Promise<void> {
  const env = (name: string) => process.env[name] ?? (() => { throw new Error(`${name} is required`); })();
  const pool = new Pool({ connectionString: env('DATABASE_URL'), max: 4 });
  // Only the producer is used; the inbox matters to consumers.
  const bus = new KafkaMessageBus({ brokers: env('KAFKA_BROKERS').split(','), clientId: 'outbox-relay-test', inbox: new InMemoryInboxStore() });
  const topic = env('RELAY_TOPIC');
  const relay = new OutboxRelay({
    pool,
    topicFor: () => topic,
    batchSize: Number(process.env['RELAY_BATCH_SIZE'] ?? 500),
    publish: async (messages) => {
      await bus.producer.send(messages);
      process.stdout.write(`published ${relay.published + messages.length}\n`);
    },
  });
  await relay.start();
  process.stdout.write('leader\n');
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
