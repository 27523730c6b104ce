import { Headers } from '@oms/contracts';
import type { BatchSummary } from '../bus/subscribe-options';
import { InMemoryInboxStore, type InMemoryUnitOfWork } from '../inbox/in-memory-inbox.store';
import { RecordingLogger } from '../contract-tests/recording.logger';
import { BatchProcessor } from './batch-processor';
import type { IncomingRecord } from './incoming-record';
import { PartitionMerger } from './partition-merger';

const record = (partition: number, offset: number): IncomingRecord => ({
  topic: 'oms.test.v1',
  partition,
  offset: String(offset),
  key: `key-${partition}`,
  value: Buffer.from(`p${partition}@${offset}`),
  headers: { [Headers.messageId]: `p${partition}@${offset}` },
  timestamp: 0,
});

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setImmediate(resolve));
}

function setup(maxMessagesPerTransaction = 64, handle: (label: string) => Promise<void> = async () => undefined) {
  const summaries: BatchSummary[] = [];
  const handled: string[] = [];
  const processor = new BatchProcessor<string, InMemoryUnitOfWork>({
    groupId: 'group-1',
    system: 'test',
    inbox: new InMemoryInboxStore(),
    deadLetters: { send: async () => undefined },
    decode: (bytes) => bytes.toString(),
    handler: async (message) => {
      handled.push(message.value);
      await handle(message.value);
    },
    logger: new RecordingLogger(),
    maxAttempts: 3,
    maxMessagesPerTransaction,
    mergePartitions: true,
    backoff: { initialDelayMs: 1, maxDelayMs: 5, multiplier: 2 },
    onBatchProcessed: (summary) => summaries.push(summary),
  });
  return { merger: new PartitionMerger(processor), summaries, handled };
}

const running = { heartbeat: async () => undefined, isRunning: () => true };

describe('PartitionMerger', () => {
  it('processes the batches handed over in one tick in one transaction, then tells each partition its last committed record', async () => {
    const { merger, summaries, handled } = setup();
    const committed: string[] = [];
    const onCommitted = async (last: IncomingRecord) => void committed.push(`${last.partition}@${last.offset}`);
    await Promise.all([merger.process([record(0, 1), record(0, 2)], running, onCommitted), merger.process([record(1, 7)], running, onCommitted)]);
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({ received: 3, processed: 3, partitions: [{ partition: 0, firstOffset: '1', lastOffset: '2' }, { partition: 1, firstOffset: '7', lastOffset: '7' }] });
    expect(handled).toEqual(['p0@1', 'p0@2', 'p1@7']);
    expect(committed.sort()).toEqual(['0@2', '1@7']);
  });

  it('keeps a batch handed over while a gathering runs for the next one: never two transactions at once', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { merger, summaries, handled } = setup(64, async (label) => {
      if (label === 'p0@1') await gate;
    });
    const first = merger.process([record(0, 1)], running, async () => undefined);
    await until(() => handled.includes('p0@1')); // the first gathering's transaction is open, its handler waiting
    const second = merger.process([record(1, 1)], running, async () => undefined);
    const third = merger.process([record(2, 1)], running, async () => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(handled).toEqual(['p0@1']); // not started beside it
    release();
    await Promise.all([first, second, third]);
    expect(summaries.map((summary) => summary.partitions.map((range) => range.partition))).toEqual([[0], [1, 2]]);
  });

  it('splits a large gathering into transactions of maxMessagesPerTransaction', async () => {
    const { merger, summaries } = setup(2);
    await Promise.all([merger.process([record(0, 1), record(0, 2), record(0, 3)], running, async () => undefined), merger.process([record(1, 1)], running, async () => undefined)]);
    expect(summaries.map((summary) => summary.received)).toEqual([2, 2]);
    expect(summaries[1]?.partitions.map((range) => range.partition)).toEqual([0, 1]);
  });

  it('fails every batch of a gathering whose offset commit fails (the consumer rejoins), and goes on with the next', async () => {
    const { merger } = setup();
    const refused = new Error('REBALANCE_IN_PROGRESS');
    const results = await Promise.allSettled([
      merger.process([record(0, 1)], running, async () => {
        throw refused;
      }),
      merger.process([record(1, 1)], running, async () => undefined),
    ]);
    expect(results).toEqual([
      { status: 'rejected', reason: refused },
      { status: 'rejected', reason: refused },
    ]);
    await expect(merger.process([record(2, 1)], running, async () => undefined)).resolves.toBeUndefined();
  });

  it('stops after the transaction in flight once any of its batches may no longer run (a revoked partition)', async () => {
    const { merger, summaries } = setup(1);
    let revoked = false;
    const revocable = { heartbeat: async () => undefined, isRunning: () => !revoked };
    await Promise.all([
      merger.process([record(0, 1), record(0, 2)], revocable, async () => {
        revoked = true;
      }),
      merger.process([record(1, 1)], running, async () => undefined),
    ]);
    expect(summaries.map((summary) => summary.received)).toEqual([1]);
  });
});
