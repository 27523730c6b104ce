import { Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers, uniqueName } from '@oms/testing';
import { InMemoryInboxStore } from '../inbox/in-memory-inbox.store';
import { KafkaMessageBus } from './kafka-message-bus';

describe('KafkaProducer on the real broker', () => {
  it('publishes a send larger than the broker takes in one request (2,000 × 1 KiB to one partition), in order', async () => {
    const bus = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: uniqueName('big-send'), inbox: new InMemoryInboxStore() });
    const admin = new Kafka({ clientId: uniqueName('big-send-admin'), brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
    const topic = uniqueName('big.send');
    try {
      await bus.ensureTopics([{ topic, partitions: 1 }]);
      // ~2 MB for one partition: over the broker's 1 MiB message.max.bytes as a single record batch.
      const messages = Array.from({ length: 2_000 }, (_, n) => ({ topic, key: 'one-order', value: Buffer.alloc(1_024, n % 256), headers: { 'message-id': `big-${n}` } }));
      await bus.producer.send(messages);
      await admin.connect();
      const [partition] = await admin.fetchTopicOffsets(topic);
      expect(partition?.high).toBe('2000');
      const consumer = new Kafka({ clientId: uniqueName('big-send-reader'), brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).consumer({ groupId: uniqueName('big-send-group') });
      const ids: string[] = [];
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve) => {
        void consumer.run({ eachMessage: async ({ message }) => void (ids.push(String(message.headers?.['message-id'])) === 2_000 && resolve()) });
      });
      await consumer.disconnect();
      expect(ids).toEqual(messages.map((message) => message.headers['message-id']));
    } finally {
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
      await bus.close();
    }
  }, 60_000);
});
