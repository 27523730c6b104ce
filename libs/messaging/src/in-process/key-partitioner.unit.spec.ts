import { Partitioners } from 'kafkajs';
import { partitionForKey } from './key-partitioner';

describe('partitionForKey', () => {
  // kafkajs's default partitioner is the Java client's murmur2; ours must agree with it so a key
  // keeps its partition number when a test moves from the in-process bus to Kafka.
  const kafkajs = Partitioners.DefaultPartitioner();
  const partitionMetadata = (count: number) =>
    Array.from({ length: count }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));

  it.each([1, 3, 4, 12])('agrees with kafkajs on %i partitions', (count) => {
    const keys = ['', 'a', 'ab', 'abc', 'abcd', 'order-12345', 'douyin:9876543210', '支付-1', ...Array.from({ length: 200 }, (_, n) => `key-${n}`)];
    for (const key of keys) {
      expect(partitionForKey(key, count)).toBe(kafkajs({ topic: 't', partitionMetadata: partitionMetadata(count), message: { key, value: null } }));
    }
  });
});
