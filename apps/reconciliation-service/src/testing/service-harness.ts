import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PoolClient } from 'pg';
import pino from 'pino';
import { DeadLetterHeaders, deadLetterTopic, encode } from '@oms/contracts';
import { signHs256 } from '@oms/nest-kit';
import { InMemoryInboxStore, InProcessBus, KafkaMessageBus, KafkaTopicAdmin, PostgresInboxStore, PrefixedTopicsBus, type MessageBus, type MessageProducer, type Subscription } from '@oms/messaging';
import { createTestSchema, testDatabaseUrl, testKafkaBrokers, uniqueName, waitFor, type TestSchema } from '@oms/testing';
import { ManualClock } from '../app/clock';
import { SERVICE_TOPICS, startReconciliationService, type RunningReconciliationService } from '../app/reconciliation-service.app';
import { FINANCE_REVIEWER_ROLE } from '../auth/finance-reviewer.guard';
import { loadReconciliationServiceConfig, type ReconciliationServiceConfig } from '../config/reconciliation-service.config';
import type { PlannedRecord } from './planted-day';
import { storedInputsOf } from './planted-inputs';

/** The harness's `JWT_SECRET`. */
export const TEST_JWT_SECRET = 'reconciliation-test-secret-0123456789';

/** A bearer token for `sub` in `role` (default finance_reviewer), valid for ten minutes of real time, signed with `secret`. */
export function reviewerToken(sub: string, role = FINANCE_REVIEWER_ROLE, secret = TEST_JWT_SECRET): string {
  return signHs256({ sub, role, exp: Math.floor(Date.now() / 1000) + 600 }, secret);
}

/** reconciliation-service running in this process on a schema of its own, with a clock the test moves. */
export interface ReconciliationHarness {
  service: RunningReconciliationService;
  config: ReconciliationServiceConfig;
  db: TestSchema;
  clock: ManualClock;
  /** Publishes records as their producers would (public topic names). */
  publish(records: readonly PlannedRecord[]): Promise<void>;
  /** Waits until a matching run has seen every stored input of `records`. */
  waitForMatching(records: readonly PlannedRecord[]): Promise<void>;
  /** Reads `<topic>.dlq` from its start in a group of its own, handing each record's `dlq-reason` to `onReason`. */
  deadLetterReader(topic: string, onReason: (reason: string) => void): Promise<Subscription>;
  /** Calls the HTTP API (with `Authorization: Bearer <token>` when a token is given); resolves the status and the parsed body. */
  http<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** Where the harness's producer publishes (and reads dead letters), and how it is torn down. */
interface Transport {
  producer: MessageProducer;
  deadLetterReader: ReconciliationHarness['deadLetterReader'];
  close(): Promise<void>;
}

/** Reads `<topic>.dlq` of `bus` from its start in a group of its own. */
function readDeadLetters<TClient>(bus: MessageBus<TClient>, topic: string, onReason: (reason: string) => void): Promise<Subscription> {
  return bus.subscribe<Buffer>({
    groupId: uniqueName('dlq-reader'),
    topics: [deadLetterTopic(topic)],
    decode: (bytes) => bytes,
    handler: async (message) => onReason(message.headers[DeadLetterHeaders.reason] ?? ''),
  });
}

async function startHarness(now: number, env: Record<string, string>, transport: (config: ReconciliationServiceConfig, db: TestSchema) => Promise<{ bus?: InProcessBus<PoolClient>; client: Transport }>): Promise<ReconciliationHarness> {
  const db = await createTestSchema('recon');
  const reportDir = await mkdtemp(join(tmpdir(), 'recon-reports-'));
  const config = loadReconciliationServiceConfig({
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_SCHEMA: db.schema,
    HTTP_PORT: '0',
    REPORT_DIR: reportDir,
    REPORT_SCHEDULE_ENABLED: 'false',
    JWT_SECRET: TEST_JWT_SECRET,
    MATCHING_DEBOUNCE_MS: '50',
    MATCHING_POLL_MS: '250',
    ...env,
  });
  const clock = new ManualClock(now);
  const { bus, client } = await transport(config, db);
  const service = await startReconciliationService(config, pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }), { bus, clock });
  return {
    service,
    config,
    db,
    clock,
    async publish(records) {
      await client.producer.send(records.map((record) => ({ topic: record.topic, key: record.key, value: encode(record.recordName, record.value as never), headers: { 'message-id': record.messageId } })));
    },
    async waitForMatching(records) {
      const { facts, lines } = storedInputsOf(records);
      await waitFor('a matching run over every input', async () => {
        const run = await db.pool.query<{ facts_seen: string; lines_seen: string }>('SELECT facts_seen, lines_seen FROM recon_run');
        return Number(run.rows[0]?.facts_seen) >= facts.length && Number(run.rows[0]?.lines_seen) >= lines.length;
      }, { timeoutMs: 60_000 });
    },
    deadLetterReader: (topic, onReason) => client.deadLetterReader(topic, onReason),
    async http(method, path, body, token) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) };
      const response = await fetch(`${service.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as never };
    },
    async close() {
      await service.app.close();
      await bus?.close();
      await client.close();
      await db.drop();
      await rm(reportDir, { recursive: true, force: true });
    },
  };
}

/** The service on an in-process bus passed in as the zero-setup runner would (PostgreSQL inbox in the service's schema). */
export function startInProcessHarness(now: number): Promise<ReconciliationHarness> {
  return startHarness(now, {}, async (_config, db) => {
    const bus = new InProcessBus<PoolClient>({ inbox: new PostgresInboxStore(db.pool) });
    return { bus, client: { producer: bus.producer, deadLetterReader: (topic, onReason) => readDeadLetters(bus, topic, onReason), close: async () => undefined } };
  });
}

/** The service on the real broker, its topics isolated by a prefix of their own. */
export function startKafkaHarness(now: number): Promise<ReconciliationHarness> {
  const prefix = `${uniqueName('recon')}.`;
  return startHarness(now, { KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, KAFKA_GROUP_ID: `${prefix}reconciliation-service`, KAFKA_SESSION_TIMEOUT_MS: '10000' }, async (config) => {
    const client = new PrefixedTopicsBus(new KafkaMessageBus({ brokers: config.KAFKA_BROKERS, clientId: 'reconciliation-test', inbox: new InMemoryInboxStore() }), prefix);
    return {
      client: {
        producer: client.producer,
        deadLetterReader: (topic, onReason) => readDeadLetters(client, topic, onReason),
        async close() {
          await client.close();
          const admin = new KafkaTopicAdmin({ brokers: config.KAFKA_BROKERS, clientId: 'reconciliation-test-admin' });
          // deleteTopics removes each topic's .dlq twin too.
          await admin.deleteTopics(SERVICE_TOPICS.map((topic) => client.actual(topic))).finally(() => admin.close());
        },
      },
    };
  });
}
