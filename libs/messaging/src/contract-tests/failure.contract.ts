import { DeadLetterHeaders, Headers } from '@oms/contracts';
import type { ConsumedMessage } from '../bus/consumed-message';
import type { BatchSummary } from '../bus/subscribe-options';
import { PoisonMessageError } from '../errors/poison-message.error';
import { TransientError } from '../errors/transient.error';
import { deadLetterTopicOf } from '../processing/dead-letter.factory';
import { decodeBody, effectOf, fastBackoff, jsonMessage, type ContractContext, type TestBody } from './contract-context';

/** Failures: poison to the dead-letter topic, transient errors retried in order. */
export function failureContract<TClient>(context: ContractContext<TClient>): void {
  const { waitFor } = context.tools;
  const groupName = (prefix: string) => context.tools.uniqueName(`${prefix}.group`);
  const effectsOf = (topic: string) => context.fixture().effects.list(topic);
  const collectDeadLetters = async (topic: string) => {
    const letters: Array<ConsumedMessage<Buffer>> = [];
    await context.subscribe({
      groupId: groupName('dlq-reader'),
      topics: [deadLetterTopicOf(topic)],
      decode: (bytes) => bytes,
      handler: async (message) => void letters.push(message),
    });
    return letters;
  };

  it('dead-letters poison messages with their reason while the good ones flow', async () => {
    const topic = await context.fixture().createTopic('poison', 2);
    const key = 'order-9';
    const groupId = groupName('poison');
    const flakyCalls: string[] = [];
    const summaries: BatchSummary[] = [];
    const undecodable = { topic, key, value: Buffer.from('{not json'), headers: { [Headers.messageId]: 'bad-bytes', 'x-origin': 'test' } };
    const invalid = jsonMessage(topic, key, { label: 'invalid', kind: 'invalid' }, { [Headers.messageId]: 'invalid-1' });
    await context.fixture().bus.producer.send([
      jsonMessage(topic, key, { label: 'good-1' }),
      undecodable,
      jsonMessage(topic, key, { label: 'good-2' }),
      invalid,
      jsonMessage(topic, key, { label: 'good-3' }),
      jsonMessage(topic, key, { label: 'flaky', kind: 'flaky' }),
      jsonMessage(topic, key, { label: 'good-4' }),
    ]);
    const letters = await collectDeadLetters(topic);
    await context.subscribe<TestBody>({
      groupId,
      topics: [topic],
      decode: decodeBody,
      backoff: fastBackoff,
      onBatchProcessed: (summary) => summaries.push(summary),
      handler: async (message, tx) => {
        // The effect first: the savepoint must undo a failing message's own writes.
        await context.fixture().effects.record(tx, effectOf(message));
        if (message.value.kind === 'invalid') throw new PoisonMessageError('amount must be positive');
        if (message.value.kind === 'flaky') {
          flakyCalls.push(message.messageId);
          throw new Error('boom');
        }
      },
    });

    await waitFor('three dead letters', () => letters.length === 3);
    const effects = await effectsOf(topic);
    expect(effects.map((effect) => effect.value)).toEqual(['good-1', 'good-2', 'good-3', 'good-4']);
    expect(flakyCalls).toHaveLength(3);
    const firstOffset = BigInt((effects[0] as { offset: string }).offset);
    const expected = [
      { reason: /cannot decode record/, type: 'DecodeError', offset: firstOffset + 1n },
      { reason: /^amount must be positive$/, type: 'PoisonMessageError', offset: firstOffset + 3n },
      { reason: /^boom$/, type: 'Error', offset: firstOffset + 5n },
    ];
    letters.forEach((letter, index) => {
      const want = expected[index] as (typeof expected)[number];
      expect(letter.headers[DeadLetterHeaders.reason]).toMatch(want.reason);
      expect(letter.headers[DeadLetterHeaders.errorType]).toBe(want.type);
      expect(letter.headers[DeadLetterHeaders.sourceTopic]).toBe(topic);
      expect(letter.headers[DeadLetterHeaders.sourcePartition]).toBe(String(effects[0]?.partition));
      expect(letter.headers[DeadLetterHeaders.sourceOffset]).toBe(String(want.offset));
      expect(letter.headers[DeadLetterHeaders.consumerGroup]).toBe(groupId);
      expect(Date.parse(letter.headers[DeadLetterHeaders.failedAt] ?? '')).not.toBeNaN();
      expect(letter.key).toBe(key);
    });
    expect(letters[0]?.rawValue.toString()).toBe('{not json');
    expect(letters[0]?.headers['x-origin']).toBe('test');
    expect(letters[1]?.headers[Headers.messageId]).toBe('invalid-1');

    // The inbox remembers the dead letter: a redelivered copy is skipped, not dead-lettered again.
    await context.fixture().bus.producer.send([invalid, jsonMessage(topic, key, { label: 'good-5' })]);
    await waitFor('good-5', async () => (await effectsOf(topic)).some((effect) => effect.value === 'good-5'));
    expect(summaries.reduce((sum, summary) => sum + summary.deadLettered, 0)).toBe(3);
    expect(summaries.reduce((sum, summary) => sum + summary.duplicates, 0)).toBe(1);
  });

  it('retries a batch after a transient error, in order, logging every attempt', async () => {
    const topic = await context.fixture().createTopic('transient', 2);
    const calls: string[] = [];
    const labels = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];
    await context.fixture().bus.producer.send(labels.map((label) => jsonMessage(topic, 'order-3', { label })));
    const summaries: BatchSummary[] = [];
    await context.subscribe<TestBody>({
      groupId: groupName('transient'),
      topics: [topic],
      decode: decodeBody,
      backoff: fastBackoff,
      onBatchProcessed: (summary) => summaries.push(summary),
      handler: async (message, tx) => {
        calls.push(message.value.label);
        if (message.value.label === 'm3' && calls.filter((label) => label === 'm3').length <= 2) {
          throw new TransientError('warehouse API timed out');
        }
        await context.fixture().effects.record(tx, effectOf(message));
      },
    });
    await waitFor('six effects', async () => (await effectsOf(topic)).length >= 6);

    expect((await effectsOf(topic)).map((effect) => effect.value)).toEqual(labels);
    expect(calls.filter((label) => label === 'm3')).toHaveLength(3);
    // The same records, from the start, each time: never m4 before m3 succeeded.
    expect(calls.indexOf('m4')).toBeGreaterThan(calls.lastIndexOf('m3'));
    expect(summaries.some((summary) => summary.attempts === 3)).toBe(true);
    const retries = context
      .fixture()
      .logger.lines.filter((line) => line.level === 'warn' && line.fields['topic'] === topic && /^batch failed/.test(line.message));
    expect(retries.map((line) => [line.fields['attempt'], line.fields['errorType'], line.fields['error']])).toEqual([
      [1, 'TransientError', 'warehouse API timed out'],
      [2, 'TransientError', 'warehouse API timed out'],
    ]);
    expect(retries[0]?.fields['delayMs']).toEqual(expect.any(Number));
  });
}
