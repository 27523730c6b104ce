import { testKafkaBrokers, uniqueName } from '@oms/testing';
import { KafkaMessageBus } from './kafka-message-bus';
import { KafkajsRequestQueue } from './kafkajs-idle-loop.patch';
import { InMemoryInboxStore } from '../inbox/in-memory-inbox.store';

type Queue = InstanceType<new (options: object) => { pending: unknown[]; inflight: Map<number, unknown>; throttledUntil: number; throttleCheckTimeoutId: NodeJS.Timeout | null; maxInFlightRequests: number; checkPendingRequests(): void }>;
const newQueue = () => new (KafkajsRequestQueue as unknown as new (options: object) => Queue)({ maxInFlightRequests: 1, requestTimeout: 30_000, enforceRequestTimeout: true, clientId: 'patch-test', broker: 'nowhere:9092', logger: { debug: () => undefined, warn: () => undefined } });

describe('the kafkajs idle-loop patch', () => {
  describe("a broker connection's request queue (kafkajs's own class, patched)", () => {
    it('arms no check when nothing is pending and nothing throttles', () => {
      const queue = newQueue();
      queue.checkPendingRequests();
      expect(queue.throttleCheckTimeoutId).toBeNull();
    });

    it('arms a check while a request waits (in-flight limit reached), and one for the end of a throttle', () => {
      const waiting = newQueue();
      waiting.inflight.set(1, {}); // the one request the limit allows is out
      waiting.pending.push({ correlationId: 2 });
      waiting.checkPendingRequests();
      expect(waiting.throttleCheckTimeoutId).not.toBeNull();
      clearTimeout(waiting.throttleCheckTimeoutId!);

      const throttled = newQueue();
      throttled.throttledUntil = Date.now() + 60_000;
      throttled.checkPendingRequests();
      expect(throttled.throttleCheckTimeoutId).not.toBeNull();
      clearTimeout(throttled.throttleCheckTimeoutId!);
    });
  });

  it('keeps an idle bus on the real broker from checking its queues every millisecond', async () => {
    const bus = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: uniqueName('idle-loop'), inbox: new InMemoryInboxStore() });
    const topic = uniqueName('idle.loop');
    try {
      await bus.ensureTopics([{ topic, partitions: 1 }]);
      await bus.producer.send([{ topic, key: 'k', value: Buffer.from('v'), headers: { 'message-id': 'idle-1' } }]); // producer connected
      const checks = jest.spyOn(KafkajsRequestQueue.prototype, 'checkPendingRequests');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // Unpatched, each open connection checks about a thousand times a second.
      expect(checks.mock.calls.length).toBeLessThan(50);
      checks.mockRestore();
    } finally {
      await bus.topics.deleteTopics([topic]).catch(() => undefined);
      await bus.close();
    }
  });
});
