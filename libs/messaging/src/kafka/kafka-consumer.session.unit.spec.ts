import { EventEmitter } from 'node:events';
import type { Kafka } from 'kafkajs';
import { noopLogger } from '../bus/messaging-logger';
import type { BatchProcessor } from '../processing/batch-processor';
import { startKafkaConsumerSession } from './kafka-consumer.session';

// A stand-in for the kafkajs consumer's event surface only; the real client is exercised by the
// *.int.spec.ts suites against a real broker.
class FakeConsumer extends EventEmitter {
  readonly events = { CRASH: 'consumer.crash', STOP: 'consumer.stop', GROUP_JOIN: 'consumer.group_join' };
  config: Record<string, unknown> = {};
  disconnects = 0;
  connect = async () => undefined;
  subscribe = async () => undefined;
  run = async () => undefined;
  disconnect = async () => void this.disconnects++;
  crash(error: Error, restart = false): void {
    this.emit(this.events.STOP, { payload: {} });
    this.emit(this.events.CRASH, { payload: { error, restart, groupId: 'g' } });
  }
}

async function start() {
  const consumer = new FakeConsumer();
  const kafka = {
    consumer: (config: Record<string, unknown>) => {
      consumer.config = config;
      return consumer;
    },
  } as unknown as Kafka;
  const stops: unknown[] = [];
  const session = await startKafkaConsumerSession(
    kafka,
    {
      groupId: 'g',
      topics: ['t'],
      fromBeginning: true,
      partitionsConsumedConcurrently: 1,
      processor: {} as BatchProcessor<unknown, unknown>,
      consumer: {},
      retry: { retries: 1, initialRetryTimeMs: 1, maxRetryTimeMs: 1 },
      logger: noopLogger,
    },
    { stopped: (error) => void stops.push(error), healthy: () => undefined },
  );
  return { consumer, session, stops };
}

describe('startKafkaConsumerSession', () => {
  afterEach(() => jest.useRealTimers());

  it('turns kafkajs restarts off, so every crash comes to the supervisor', async () => {
    const { consumer } = await start();
    const retry = consumer.config['retry'] as { restartOnFailure: (error: Error) => Promise<boolean> };
    await expect(retry.restartOnFailure(new Error('x'))).resolves.toBe(false);
  });

  it('reports a crash once, with its cause', async () => {
    const { consumer, stops } = await start();
    consumer.crash(new Error('This is not the correct coordinator for this group'));
    expect(stops.map((error) => (error as Error).message)).toEqual(['This is not the correct coordinator for this group']);
  });

  it('reports a STOP that no CRASH follows, after a grace period', async () => {
    jest.useFakeTimers();
    const { consumer, stops } = await start();
    consumer.emit(consumer.events.STOP, { payload: {} });
    expect(stops).toEqual([]);
    jest.advanceTimersByTime(5_000);
    expect(stops.map((error) => (error as Error).message)).toEqual(['kafka consumer stopped without a CRASH event']);
  });

  it('reports nothing when asked to stop', async () => {
    jest.useFakeTimers();
    const { consumer, session, stops } = await start();
    await session.stop();
    consumer.emit(consumer.events.STOP, { payload: {} });
    jest.advanceTimersByTime(10_000);
    expect(stops).toEqual([]);
    expect(consumer.disconnects).toBe(1);
  });
});
