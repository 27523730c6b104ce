import * as testing from '@oms/testing';
import { PostgresInboxStore } from '../inbox/postgres-inbox.store';
import { KafkaMessageBus } from '../kafka/kafka-message-bus';
import { describeMessageBusContract } from './message-bus.contract';
import { prepareContractDatabase } from './postgres-contract.database';
import { RecordingLogger } from './recording.logger';

describeMessageBusContract('Kafka bus (real broker, real PostgreSQL)', testing, async () => {
  const db = await testing.createTestSchema('messaging_kafka');
  const effects = await prepareContractDatabase(db);
  const logger = new RecordingLogger();
  const bus = new KafkaMessageBus({
    brokers: testing.testKafkaBrokers(),
    clientId: 'messaging-contract',
    inbox: new PostgresInboxStore(db.pool),
    logger,
    consumer: { maxWaitTimeMs: 200 },
  });
  const topics: string[] = [];
  return {
    bus,
    logger,
    effects,
    createTopic: async (prefix, partitions) => {
      const topic = testing.uniqueName(prefix);
      await bus.ensureTopics([{ topic, partitions }]);
      topics.push(topic);
      return topic;
    },
    teardown: async () => {
      await bus.topics.deleteTopics(topics);
      await bus.close();
      await db.drop();
    },
  };
});
