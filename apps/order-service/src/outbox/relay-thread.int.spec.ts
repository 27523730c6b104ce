import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { Topics } from '@oms/contracts';
import { CommitSignal, EventStore } from '@oms/event-store';
import { InMemoryInboxStore, KafkaMessageBus, PrefixedTopicsBus, type InMemoryUnitOfWork } from '@oms/messaging';
import { withTransaction } from '@oms/postgres';
import { createTestSchema, testDatabaseUrl, testKafkaBrokers, uniqueName, waitFor, type TestSchema } from '@oms/testing';
import { migrateOrderService } from '../database/all-migrations';
import { CommittedOrderCache } from '../orders/committed-order.cache';
import { OrderCommandService } from '../orders/order-command.service';
import { OrderStreamRepository } from '../orders/order-stream.repository';
import { RejectedCommandRepository } from '../orders/rejected-command.repository';
import { TransactionOrderCache } from '../orders/transaction-order.cache';
import { OrderEventLog } from '../testing/order-event-log';
import { cmd } from '../testing/order-command.builders';
import { testLogger } from '../testing/silent-logger';
import { orderEventsRelayName } from './order-events.relay';
import { RelayThread } from './relay-thread';
import type { RelayThreadSettings } from './relay-thread.messages';

/** The outbox relay on its worker thread, against the real broker and database. */
describe('RelayThread (real Kafka and PostgreSQL)', () => {
  let db: TestSchema;
  let orders: OrderCommandService;
  const prefix = `${uniqueName('relay-thread')}.`;
  const bus = new PrefixedTopicsBus<InMemoryUnitOfWork>(new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: 'relay-thread-test', inbox: new InMemoryInboxStore() }), prefix);
  const log = new OrderEventLog();

  beforeAll(async () => {
    db = await createTestSchema('relay_thread');
    await migrateOrderService(db.pool, db.schema);
    const store = new EventStore(db.pool);
    orders = new OrderCommandService(store, new OrderStreamRepository(store), new TransactionOrderCache(), new CommittedOrderCache(), new RejectedCommandRepository(), testLogger());
    await bus.ensureTopics([{ topic: Topics.orderEvents, partitions: 2 }]);
    await log.start(bus, `${prefix}reader`);
  });
  afterAll(async () => {
    await log.stop();
    await bus.close();
    await db.drop();
  });

  const settings = (databaseUrl = testDatabaseUrl()): RelayThreadSettings => ({ databaseUrl, schema: db.schema, kafkaBrokers: testKafkaBrokers(), topicPrefix: prefix, logLevel: 'silent' });
  const place = (orderId: string) =>
    withTransaction(db.pool, (client) => orders.execute({ command: cmd.placeOrder({ orderId }), metadata: { correlationId: orderId, causationId: orderId, actor: 'test' }, source: 'test' }, client));

  it('publishes what was appended before and while it runs, and saves its checkpoint when stopped', async () => {
    const [before, during] = [randomUUID(), randomUUID()];
    await place(before);
    const commits = new CommitSignal();
    const relay = new RelayThread(settings(), commits, testLogger());
    relay.start();
    try {
      await log.waitForEvent(before, 'OrderPlaced', 30_000);
      await place(during);
      commits.committed();
      await log.waitForEvent(during, 'OrderPlaced', 30_000);
    } finally {
      await relay.stop();
    }
    const saved = await db.pool.query<{ position: string }>('SELECT position FROM outbox_checkpoints WHERE name = $1', [orderEventsRelayName(db.schema)]);
    const last = await db.pool.query<{ max: string }>('SELECT max(global_position) FROM events');
    expect(saved.rows[0]?.position).toBe(last.rows[0]?.max);
    // Stopped: nothing more is published.
    const after = randomUUID();
    await place(after);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(log.typesOf(after)).toEqual([]);
  });

  it('starts the thread again when it ends unasked', async () => {
    const commits = new CommitSignal();
    const relay = new RelayThread(settings(), commits, testLogger());
    relay.start();
    try {
      // As if the thread crashed: it is ended from outside (the thread is private; nothing else can reach it).
      await (relay as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      const orderId = randomUUID();
      await place(orderId);
      await log.waitForEvent(orderId, 'OrderPlaced', 30_000);
    } finally {
      await relay.stop();
    }
  });

  it('ends and starts again a thread whose relay cannot start (the database unreachable), backing off', async () => {
    const lines: Array<{ msg: string; restartInMs?: number }> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const unreachable = 'postgres://postgres@127.0.0.1:1/test';
    const relay = new RelayThread(settings(unreachable), new CommitSignal(), logger);
    relay.start();
    try {
      await waitFor('two restarts', () => lines.filter((line) => line.msg.startsWith('outbox relay thread ended unasked')).length >= 2, { timeoutMs: 20_000 });
    } finally {
      await relay.stop();
    }
    expect(lines.some((line) => line.msg === 'outbox relay did not start')).toBe(true);
    expect(lines.filter((line) => line.restartInMs !== undefined).map((line) => line.restartInMs).slice(0, 2)).toEqual([1_000, 2_000]);
  });

  it('stops a standby (another relay holds the lock) at once', async () => {
    const leader = new RelayThread(settings(), new CommitSignal(), testLogger());
    const standby = new RelayThread(settings(), new CommitSignal(), testLogger());
    leader.start();
    try {
      const orderId = randomUUID();
      await place(orderId);
      await log.waitForEvent(orderId, 'OrderPlaced', 30_000); // the leader leads
      standby.start();
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // the standby polls the lock
      const started = Date.now();
      await standby.stop();
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await leader.stop();
    }
  });
});
