import type { BatchSummary } from '../bus/subscribe-options';
import { decodeBody, effectOf, jsonMessage, type ContractContext } from './contract-context';

/** Lifecycle: a graceful close finishes and commits the batch in flight. */
export function lifecycleContract<TClient>(context: ContractContext<TClient>): void {
  const { waitFor } = context.tools;
  const groupName = (prefix: string) => context.tools.uniqueName(`${prefix}.group`);
  const effectsOf = (topic: string) => context.fixture().effects.list(topic);

  it('close() lets the batch in flight finish and commit its offsets before it resolves', async () => {
    const topic = await context.fixture().createTopic('close', 2);
    const groupId = groupName('close');
    const send = (labels: string[]) => context.fixture().bus.producer.send(labels.map((label) => jsonMessage(topic, 'order-1', { label })));
    await send(['in-flight-1', 'in-flight-2', 'in-flight-3']);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = false;
    const subscription = await context.subscribe({
      groupId,
      topics: [topic],
      decode: decodeBody,
      handler: async (message, tx) => {
        entered = true;
        await gate;
        await context.fixture().effects.record(tx, effectOf(message));
      },
    });
    await waitFor('the first handler to start', () => entered);

    const closing = subscription.close();
    release();
    await closing;
    expect((await effectsOf(topic)).map((effect) => effect.value)).toEqual(['in-flight-1', 'in-flight-2', 'in-flight-3']);

    // Its offsets were committed too: the group comes back to the next record only.
    await send(['after-close']);
    const resumed: BatchSummary[] = [];
    await context.subscribe({
      groupId,
      topics: [topic],
      decode: decodeBody,
      handler: (message, tx) => context.fixture().effects.record(tx, effectOf(message)),
      onBatchProcessed: (summary) => resumed.push(summary),
    });
    await waitFor('the record sent after close', async () => (await effectsOf(topic)).length === 4);
    expect(resumed.reduce((sum, summary) => sum + summary.received, 0)).toBe(1);
  });
}
