import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { testKafkaBrokers, uniqueName, waitFor } from '@oms/testing';

// kafkajs 2.2.4 predates Kafka 4 (which dropped old protocol versions, KIP-896). This proves
// the calls our layer relies on still work against the broker scripts/kafka.sh runs, with
// kafkajs alone so a failure points at the client, not at our code.
describe('kafkajs against our Kafka broker', () => {
  const kafka = new Kafka({ clientId: 'compat-test', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const topic = uniqueName('compat');
  const groupId = uniqueName('compat.group');
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    await Promise.all([admin.connect(), producer.connect()]);
  });
  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  });

  const send = (labels: string[]) =>
    producer.send({ topic, acks: -1, messages: labels.map((label) => ({ key: 'order-1', value: label, headers: { 'message-id': label } })) });

  // A group member committing offsets by hand after each batch, as our consumer does.
  const consume = async (seen: KafkaMessage[]) => {
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary }) => {
        seen.push(...batch.messages);
        const last = batch.lastOffset();
        resolveOffset(last);
        await commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition: batch.partition, offset: String(Number(last) + 1) }] }] });
      },
    });
    return consumer;
  };

  it('creates topics, produces idempotently, consumes in a group, commits, and resumes after the commit', async () => {
    // kafkajs' own waitForLeaders gives up on a retriable "does not host this topic-partition"
    // from a busy broker, so the leaders are awaited here through such answers.
    expect(await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: false })).toBe(true);
    const metadata = await waitFor('leaders for both partitions', async () => {
      const [entry] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      return entry?.partitions.length === 2 && entry.partitions.every((partition) => partition.leader >= 0) && entry;
    });
    expect(metadata.partitions).toHaveLength(2);

    const acks = await send(['first-1', 'first-2', 'first-3']);
    expect(acks[0]?.errorCode).toBe(0);
    const firstSeen: KafkaMessage[] = [];
    const first = await consume(firstSeen);
    await waitFor('the first three records', () => firstSeen.length === 3);
    expect(firstSeen.map((message) => [message.value?.toString(), message.headers?.['message-id']?.toString()])).toEqual([
      ['first-1', 'first-1'],
      ['first-2', 'first-2'],
      ['first-3', 'first-3'],
    ]);
    await first.disconnect();

    const partition = acks[0]?.partition as number;
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(committed?.partitions.find((entry) => entry.partition === partition)?.offset).toBe('3');

    await send(['second-1', 'second-2']);
    const resumedSeen: KafkaMessage[] = [];
    await consume(resumedSeen);
    await waitFor('the two new records', () => resumedSeen.length >= 2);
    expect(resumedSeen.map((message) => message.value?.toString())).toEqual(['second-1', 'second-2']);
  });
});
