/**
 * The order-events outbox relay on a thread of its own ({@link RelayThread} starts it): its own
 * pool (two connections: the leadership lock and the reads) and its own Kafka producer, woken by
 * the main thread's commits. Reading the events back and encoding them for Kafka was a fifth of
 * the main thread's CPU at 500 orders/s; here it runs on the other core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CommitSignal } from '@oms/event-store';
import { InMemoryInboxStore, KafkaMessageBus, PrefixedTopicsBus } from '@oms/messaging';
import { createLogger, messagingLogger } from '@oms/nest-kit';
import { createPool } from '@oms/postgres';
import { createOrderEventsRelay } from './order-events.relay';
import type { FromRelayThread, RelayThreadSettings, ToRelayThread } from './relay-thread.messages';

const port = parentPort;
if (!port) throw new Error('relay.worker runs as a worker thread (RelayThread starts it)');
const settings = workerData as RelayThreadSettings;
const tell = (message: FromRelayThread) => port.postMessage(message);

const logger = createLogger('order-service', settings.logLevel).child({ thread: 'outbox-relay' });
const pool = createPool({ url: settings.databaseUrl, schema: settings.schema, max: 2, applicationName: 'order-service-relay' });
// Only the producer is used: the inbox belongs to consumers.
const bus = new PrefixedTopicsBus(
  new KafkaMessageBus({ brokers: settings.kafkaBrokers, clientId: 'order-service-relay', inbox: new InMemoryInboxStore(), logger: messagingLogger(logger.child({ component: 'messaging' })) }),
  settings.topicPrefix,
);
const commits = new CommitSignal();
const relay = createOrderEventsRelay(pool, settings.schema, bus.producer, logger, commits);

let stopping = false;

// Not awaited before listening: a standby instance waits here until the leader's lock is free.
// A start that fails (the database unreachable, the standby's connection lost) ends the thread
// with an error, so that RelayThread starts a new one: a relay that never leads must not linger.
const started = relay.start().then(
  () => tell({ kind: 'leading' }),
  (error: unknown) => {
    if (stopping) return;
    tell({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  },
);

port.on('message', (message: ToRelayThread) => {
  if (message.kind === 'wake') commits.committed();
  else void stop();
});

/** Finishes the batch in flight, saves the checkpoint, closes the connections, then lets the thread end. */
async function stop(): Promise<void> {
  stopping = true;
  await relay.stop();
  await started;
  await bus.close();
  await pool.end();
  port?.close(); // RelayThread hears the thread's exit
}
