import pino from 'pino';
import { createTestSchema, type TestSchema } from '@oms/testing';
import { migrateDatabase } from '@oms/postgres';
import { register } from 'prom-client';
import { ALL_MIGRATIONS } from '../database/all-migrations';
import type { FulfillmentPublisher } from '../publishing/fulfillment.publisher';
import { ReviewItemsRepository } from '../review/review-items.repository';
import { ClockSkewMonitor, DATABASE_CLOCK, type WallClock } from './clock-skew.monitor';

// The skew check against the real PostgreSQL clock: our own clock as it is, then shifted.
describe('ClockSkewMonitor against PostgreSQL', () => {
  let db: TestSchema;
  let reviews: ReviewItemsRepository;
  const logger = pino({ level: 'silent' });
  // Items without an order are never published: a publisher that must not be called.
  const noPublisher = { publish: () => Promise.reject(new Error('a clock item must not be published')) } as unknown as FulfillmentPublisher;
  const monitor = (now: WallClock) => new ClockSkewMonitor(db.pool, reviews, logger, { toleranceMs: 100, intervalMs: 0, now });

  beforeAll(async () => {
    db = await createTestSchema('fs_clocks');
    await migrateDatabase({ url: db.url, schema: db.schema, migrations: ALL_MIGRATIONS });
    reviews = new ReviewItemsRepository(db.pool, noPublisher);
  });
  afterAll(() => db?.drop());

  const clockItems = async () => (await reviews.list()).filter((item) => item.cause === 'CLOCK_SKEW');
  const skewGauge = async () => (await register.getSingleMetric('oms_fulfillment_clock_skew_ms')?.get())?.values.find((value) => value.labels['clock'] === DATABASE_CLOCK)?.value;

  it('finds this process and the database on one clock (same machine): nothing flagged', async () => {
    const verdict = await monitor(Date.now).checkDatabase();
    expect(verdict.flagged).toBe(false);
    expect(Math.abs(verdict.skewMs)).toBeLessThanOrEqual(verdict.uncertaintyMs + 100);
    expect(await clockItems()).toEqual([]);
    expect(await skewGauge()).toBe(verdict.skewMs);
  });

  it('flags our clock running 500 ms ahead: the database is about 500 ms behind, one review item naming both clocks', async () => {
    const verdict = await monitor(() => Date.now() + 500).checkDatabase();
    expect(verdict.flagged).toBe(true);
    expect(verdict.skewMs).toBeGreaterThanOrEqual(-500 - verdict.uncertaintyMs - 5);
    expect(verdict.skewMs).toBeLessThanOrEqual(-500 + verdict.uncertaintyMs + 5);
    const items = await clockItems();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ orderId: null, cause: 'CLOCK_SKEW' });
    expect(items[0]?.detail).toMatch(/^postgresql is \d+ ms behind fulfillment-service \(± [\d.]+ ms; tolerance 100 ms\)$/);
  });

  it('raises one item per pair per hour however often the skew is seen', async () => {
    const ahead = monitor(() => Date.now() + 500);
    await ahead.checkDatabase();
    await ahead.checkDatabase();
    expect(await clockItems()).toHaveLength(1);
  });

  it('flags an order-log record stamped 300 ms in our future, not one 5 s in our past (that may be queueing)', async () => {
    const clocks = monitor(Date.now);
    expect((await clocks.checkRecord('oms.order.events.v1 producer', Date.now() - 5_000)).flagged).toBe(false);
    expect((await clocks.checkRecord('oms.order.events.v1 producer', Date.now() + 300)).flagged).toBe(true);
    const items = await clockItems();
    expect(items.map((item) => item.detail)).toContainEqual(expect.stringMatching(/^oms\.order\.events\.v1 producer is \d+ ms ahead of fulfillment-service/));
  });
});
