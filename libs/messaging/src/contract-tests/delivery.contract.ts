import { Headers } from '@oms/contracts';
import type { BatchSummary } from '../bus/subscribe-options';
import { partitionForKey } from '../in-process/key-partitioner';
import { decodeBody, effectOf, jsonMessage, type ContractContext } from './contract-context';

/** Delivery: order per key, committed offsets, deduplication by message id, parallel partitions. */
export function deliveryContract<TClient>(context: ContractContext<TClient>): void {
  const { waitFor } = context.tools;
  const groupName = (prefix: string) => context.tools.uniqueName(`${prefix}.group`);
  const consume = async (topic: string, groupId: string, summaries: BatchSummary[] = [], extra: { partitionsConsumedConcurrently?: number } = {}) =>
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
}
