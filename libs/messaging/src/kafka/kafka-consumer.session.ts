import type { Kafka } from 'kafkajs';
import { errorFields } from '../bus/log-fields';
import type { MessagingLogger } from '../bus/messaging-logger';
import type { PartitionBatchProcessor } from '../processing/partition-merger';
import type { SessionSignals, SupervisedSession } from '../supervision/consumer-supervisor';
import { createEachBatchHandler } from './kafka-batch.handler';
import { toKafkajsRetry, type KafkaConsumerOptions, type KafkaRetryOptions } from './kafka-bus.options';

// How long a STOP may wait for its CRASH before it is reported alone.
const STOP_WITHOUT_CRASH_GRACE_MS = 5_000;

/** Everything one kafkajs consumer session needs. */
export interface KafkaSessionConfig {
  groupId: string;
  topics: Array<string | RegExp>;
  fromBeginning: boolean;
  partitionsConsumedConcurrently: number;
  processor: PartitionBatchProcessor;
  consumer: KafkaConsumerOptions;
  retry: KafkaRetryOptions;
  logger: MessagingLogger;
}

/**
 * Creates, connects and runs one kafkajs consumer, and reports to the supervisor when it stops
 * without being asked to. kafkajs's own restart is switched off (`restartOnFailure: false`):
 * every crash ends the session and the supervisor builds a fresh consumer, so there is one
 * recovery path instead of two.
 */
export async function startKafkaConsumerSession(
  kafka: Kafka,
  config: KafkaSessionConfig,
  signals: SessionSignals,
): Promise<SupervisedSession> {
  const { groupId, consumer: tuning, logger } = config;
  const consumer = kafka.consumer({
    groupId,
    sessionTimeout: tuning.sessionTimeoutMs ?? 30_000,
    heartbeatInterval: tuning.heartbeatIntervalMs ?? 3_000,
    rebalanceTimeout: tuning.rebalanceTimeoutMs ?? 60_000,
    maxWaitTimeInMs: tuning.maxWaitTimeMs ?? 1_000,
    minBytes: tuning.minBytes ?? 1,
    retry: { ...toKafkajsRetry(config.retry), restartOnFailure: async () => false },
  });
  let stopping = false;
  let stopWithoutCrash: NodeJS.Timeout | undefined;
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    clearTimeout(stopWithoutCrash);
    logger.error('kafka consumer crashed', { groupId, restart: payload.restart, ...errorFields(payload.error) });
    if (!stopping && !payload.restart) signals.stopped(payload.error);
  });
  // A crash emits STOP first, then CRASH with the cause. kafkajs has also been seen to stop
  // with no CRASH at all (its crash handler failing to disconnect): a STOP we did not ask for,
  // not followed by a CRASH, is a stop all the same.
  consumer.on(consumer.events.STOP, () => {
    if (stopping) return;
    stopWithoutCrash = setTimeout(() => {
      if (!stopping) signals.stopped(new Error('kafka consumer stopped without a CRASH event'));
    }, STOP_WITHOUT_CRASH_GRACE_MS);
    stopWithoutCrash.unref();
  });
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    logger.info('joined consumer group', { groupId, memberId: payload.memberId, assignment: payload.memberAssignment });
    signals.healthy();
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: config.topics, fromBeginning: config.fromBeginning });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: config.partitionsConsumedConcurrently,
      eachBatch: createEachBatchHandler(config.processor),
    });
  } catch (error) {
    stopping = true;
    await consumer.disconnect().catch(() => undefined);
    throw error;
  }
  return {
    stop: async () => {
      stopping = true;
      clearTimeout(stopWithoutCrash);
      // Stops fetching, waits for the batch in flight (which commits), leaves the group.
      await consumer.disconnect();
    },
  };
}
