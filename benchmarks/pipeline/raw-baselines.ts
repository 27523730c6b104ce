import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { createBenchTopic } from '../store/kafka-publisher';
import { perSecond, timeMs } from '../store/stats';

/** What this machine does without our code in the way, measured in the same run. */
export interface RawBaselines {
  kafkaProducePerSecond: number;
  kafkaConsumePerSecond: number;
  /** One-row INSERT per transaction, one connection (commits/s). */
  pgSingleInsertPerSecond: number;
  /** 100-row INSERTs, one connection (rows/s). */
  pgBatchedRowsPerSecond: number;
}

/** kafkajs flat out: `count` records of `bytes` bytes produced (acks all, batches of 500), then consumed from the start. */
async function kafkaRates(brokers: string[], topic: string, count: number, bytes: number): Promise<{ produce: number; consume: number }> {
  const deleteTopic = await createBenchTopic(brokers, topic, 4);
  const kafka = new Kafka({ clientId: 'pipeline-bench-raw', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `${topic}.group` });
  try {
    await producer.connect();
    const value = randomBytes(bytes);
    const produceMs = await timeMs(async () => {
      for (let sent = 0; sent < count; sent += 500) {
        const messages = Array.from({ length: Math.min(500, count - sent) }, (_, index) => ({ key: `k${sent + index}`, value }));
        await producer.send({ topic, acks: -1, messages });
      }
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let received = 0;
    let started = 0;
    const consumeMs = await new Promise<number>((resolve) => {
      void consumer.run({
        eachBatch: async ({ batch }) => {
          if (started === 0) started = performance.now();
          received += batch.messages.length;
          if (received >= count) resolve(performance.now() - started);
        },
      });
    });
    return { produce: perSecond(count, produceMs), consume: perSecond(count, consumeMs) };
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await deleteTopic();
  }
}

/** Plain `pg`: one-row INSERT transactions, then 100-row INSERTs, into a scratch table of a scratch schema. */
async function pgRates(databaseUrl: string, schema: string): Promise<{ single: number; batched: number }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.rows (id bigserial PRIMARY KEY, payload bytea NOT NULL)`);
    const payload = randomBytes(600);
    const singles = 2_000;
    const singleMs = await timeMs(async () => {
      for (let index = 0; index < singles; index++) await client.query(`INSERT INTO ${schema}.rows (payload) VALUES ($1)`, [payload]);
    });
    const batches = 200;
    const values = Array.from({ length: 100 }, (_, index) => `($${index + 1})`).join(',');
    const parameters = Array.from({ length: 100 }, () => payload);
    const batchedMs = await timeMs(async () => {
      for (let index = 0; index < batches; index++) await client.query(`INSERT INTO ${schema}.rows (payload) VALUES ${values}`, parameters);
    });
    return { single: perSecond(singles, singleMs), batched: perSecond(batches * 100, batchedMs) };
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await client.end();
  }
}

/** Both baselines, one after the other (never while the pipeline runs). */
export async function measureRawBaselines(brokers: string[], databaseUrl: string, runId: string): Promise<RawBaselines> {
  const kafka = await kafkaRates(brokers, `bench-pipeline-raw-${runId}`, 20_000, 600);
  const pg = await pgRates(databaseUrl, `bench_pipeline_raw_${runId}`);
  return { kafkaProducePerSecond: kafka.produce, kafkaConsumePerSecond: kafka.consume, pgSingleInsertPerSecond: pg.single, pgBatchedRowsPerSecond: pg.batched };
}
