import { Headers } from '@oms/contracts';
import type { BatchSummary } from '../bus/subscribe-options';
import { partitionForKey } from '../in-process/key-partitioner';
import { decodeBody, effectOf, jsonMessage, type ContractContext } from './contract-context';

/** Delivery: order per key, committed offsets, deduplication by message id, parallel (or merged) partitions. */
export function deliveryContract<TClient>(context: ContractContext<TClient>): void {
  const { waitFor } = context.tools;
  const groupName = (prefix: string) => context.tools.uniqueName(`${prefix}.group`);
  const consume = async (topic: string, groupId: string, summaries: BatchSummary[] = [], extra: { partitionsConsumedConcurrently?: number; mergePartitions?: boolean } = {}) =>
    context.subscribe({
      groupId,
      topics: [topic],
      decode: decodeBody,
      handler: (message, tx) => context.fixture().effects.record(tx, effectOf(message)),
      onBatchProcessed: (summary) => summaries.push(summary),
      ...extra,
    });
  const effectsOf = (topic: string) => context.fixture().effects.list(topic);

  it('delivers every message once, in order per key, each key on one partition', async () => {
    const topic = await context.fixture().createTopic('order', 3);
    const keys = ['order-1', 'order-2', 'order-3', 'order-4', 'order-5'];
    for (let round = 0; round < 3; round++) {
      const batch = keys.flatMap((key) => [0, 1, 2].map((step) => jsonMessage(topic, key, { label: `${key}#${round * 3 + step}` })));
      await context.fixture().bus.producer.send(batch);
    }
    await consume(topic, groupName('order'));

    const effects = await waitFor('45 effects', async () => {
      const list = await effectsOf(topic);
      return list.length >= 45 && list;
    });
    expect(effects).toHaveLength(45);
    for (const key of keys) {
      const ofKey = effects.filter((effect) => effect.key === key);
      expect(ofKey.map((effect) => effect.value)).toEqual(Array.from({ length: 9 }, (_, index) => `${key}#${index}`));
      expect(new Set(ofKey.map((effect) => effect.partition)).size).toBe(1);
    }
  });

  it('resumes after the committed offset when the group comes back', async () => {
    const topic = await context.fixture().createTopic('resume', 2);
    const groupId = groupName('resume');
    const send = (labels: string[]) => context.fixture().bus.producer.send(labels.map((label) => jsonMessage(topic, label, { label })));
    await send(['a', 'b', 'c', 'd']);
    const first = await consume(topic, groupId);
    await waitFor('the first four effects', async () => (await effectsOf(topic)).length === 4);
    await first.close();

    await send(['e', 'f', 'g', 'h']);
    const resumed: BatchSummary[] = [];
    await consume(topic, groupId, resumed);
    await waitFor('all eight effects', async () => (await effectsOf(topic)).length === 8);

    // Had the group restarted from the beginning, the inbox would have hidden it from the
    // effects, but not from what the resumed member received.
    expect(resumed.reduce((sum, summary) => sum + summary.received, 0)).toBe(4);
    expect(resumed.reduce((sum, summary) => sum + summary.duplicates, 0)).toBe(0);
    expect((await effectsOf(topic)).map((effect) => effect.value).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('applies a message id once, within a batch and across batches', async () => {
    const topic = await context.fixture().createTopic('dedup', 2);
    const summaries: BatchSummary[] = [];
    const withId = (id: string, label: string) => jsonMessage(topic, 'payment-7', { label }, { [Headers.messageId]: id });
    await context.fixture().bus.producer.send([withId('x', 'x-first'), withId('x', 'x-again'), withId('y', 'y')]);
    await consume(topic, groupName('dedup'), summaries);
    await waitFor('x and y applied', async () => (await effectsOf(topic)).length === 2);

    await context.fixture().bus.producer.send([withId('x', 'x-redelivered'), withId('z', 'z')]);
    await waitFor('z applied', async () => (await effectsOf(topic)).some((effect) => effect.value === 'z'));

    expect((await effectsOf(topic)).map((effect) => effect.value)).toEqual(['x-first', 'y', 'z']);
    expect(summaries.reduce((sum, summary) => sum + summary.duplicates, 0)).toBe(2);
  });

  it('processes partitions in parallel', async () => {
    const topic = await context.fixture().createTopic('parallel', 2);
    // Keys chosen by the partitioner every bus uses, so each partition gets one.
    const keyFor = (partition: number) => `key-${[...Array(100).keys()].find((n) => partitionForKey(`key-${n}`, 2) === partition)}`;
    await context.fixture().bus.producer.send([0, 1].map((partition) => jsonMessage(topic, keyFor(partition), { label: `p${partition}` })));
    const started = new Set<number>();
    const overlapped: boolean[] = [];
    await context.subscribe({
      groupId: groupName('parallel'),
      topics: [topic],
      decode: decodeBody,
      partitionsConsumedConcurrently: 2,
      handler: async (message) => {
        started.add(message.partition);
        // Sequential processing would leave this handler alone until the wait gives up.
        const both = await waitFor('both partitions in flight', () => started.size === 2, { timeoutMs: 5_000 }).catch(() => false);
        overlapped.push(both);
      },
    });
    await waitFor('both handlers done', () => overlapped.length === 2, { timeoutMs: 15_000 });
    expect(overlapped).toEqual([true, true]);
  });

  it('with mergePartitions, commits the batches of partitions handed over together in one transaction, one transaction at a time', async () => {
    const topic = await context.fixture().createTopic('merged', 3);
    const keyFor = (partition: number, n: number) => `key-${[...Array(400).keys()].filter((k) => partitionForKey(`key-${k}`, 3) === partition)[n]}`;
    // Sent before subscribing: the first fetch (Kafka) or read (in-process) finds all three partitions.
    const sent = [0, 1, 2].flatMap((partition) => [0, 1].map((n) => jsonMessage(topic, keyFor(partition, n), { label: `p${partition}-${n}` })));
    await context.fixture().bus.producer.send(sent);
    const summaries: BatchSummary[] = [];
    let inFlight = 0;
    let overlapped = false;
    await context.subscribe({
      groupId: groupName('merged'),
      topics: [topic],
      decode: decodeBody,
      partitionsConsumedConcurrently: 3,
      mergePartitions: true,
      handler: async (message, tx) => {
        overlapped ||= ++inFlight > 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        await context.fixture().effects.record(tx, effectOf(message));
        inFlight -= 1;
      },
      onBatchProcessed: (summary) => summaries.push(summary),
    });
    const effects = await waitFor('six effects', async () => {
      const list = await effectsOf(topic);
      return list.length >= 6 && list;
    });
    expect(effects.map((effect) => effect.value).sort()).toEqual(sent.map((message) => decodeBody(message.value as Buffer).label).sort());
    expect(overlapped).toBe(false);
    // All six records came in one fetch: one transaction naming the three partitions.
    expect(summaries).toHaveLength(1);
    expect(summaries[0]?.received).toBe(6);
    expect(summaries[0]?.partitions.map((range) => range.partition).sort()).toEqual([0, 1, 2]);
    for (const range of summaries[0]?.partitions ?? []) expect(BigInt(range.lastOffset) - BigInt(range.firstOffset)).toBe(1n);
  });
}
