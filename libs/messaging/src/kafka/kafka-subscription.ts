import type { Kafka } from 'kafkajs';
import type { Subscription } from '../bus/message-bus';
import { defaultRestartBackoff, ConsumerSupervisor } from '../supervision/consumer-supervisor';
import { startKafkaConsumerSession, type KafkaSessionConfig } from './kafka-consumer.session';

/** A consumer group member on Kafka, kept alive by a {@link ConsumerSupervisor}. */
export class KafkaSubscription implements Subscription {
  readonly groupId: string;
  private readonly supervisor: ConsumerSupervisor;

  constructor(kafka: Kafka, config: KafkaSessionConfig) {
    this.groupId = config.groupId;
    this.supervisor = new ConsumerSupervisor(
      (signals) => startKafkaConsumerSession(kafka, config, signals),
      { ...defaultRestartBackoff, ...config.consumer.restartBackoff },
      config.logger,
      { groupId: config.groupId, topics: config.topics.map(String) },
    );
  }

  /** Resolves once the first consumer has joined its group. */
  start(): Promise<void> {
    return this.supervisor.start();
  }

  close(): Promise<void> {
    return this.supervisor.close();
  }
}
