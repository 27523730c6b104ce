import { DeadLetterHeaders, Headers, type OutgoingMessage } from '@oms/contracts';
import type { MessageProducer } from '../bus/message-producer';
import type { BatchSummary } from '../bus/subscribe-options';
import { PublishError } from '../errors/publish.error';
import { TransientError } from '../errors/transient.error';
import { InMemoryInboxStore, type InMemoryUnitOfWork } from '../inbox/in-memory-inbox.store';
import { RecordingLogger } from '../contract-tests/recording.logger';
import { BatchProcessor } from './batch-processor';
import type { IncomingRecord } from './incoming-record';
import type { ProcessingContext } from './processing-context';

const record = (offset: number, label = `m${offset}`): IncomingRecord => ({
  topic: 'oms.test.v1',
  partition: 0,
  offset: String(offset),
  key: 'order-1',
  value: Buffer.from(label),
  headers: { [Headers.messageId]: label },
  timestamp: 0,
});
const records = (count: number) => Array.from({ length: count }, (_, offset) => record(offset));

class FakeProducer implements MessageProducer {
  readonly sent: OutgoingMessage[] = [];
  failuresLeft = 0;
  async send(messages: OutgoingMessage[]): Promise<void> {
    if (this.failuresLeft-- > 0) throw new PublishError('broker down');
    this.sent.push(...messages);
  }
}

function setup(handler: (label: string, tx: InMemoryUnitOfWork) => Promise<void>, overrides: Partial<ProcessingContext<string, InMemoryUnitOfWork>> = {}) {
  const effects: string[] = [];
  const summaries: BatchSummary[] = [];
  const deadLetters = new FakeProducer();
  const logger = new RecordingLogger();
  const processor = new BatchProcessor<string, InMemoryUnitOfWork>({
    groupId: 'group-1',
    system: 'test',
    inbox: new InMemoryInboxStore(),
    deadLetters,
    decode: (bytes) => bytes.toString(),
    handler: async (message, tx) => {
      await handler(message.value, tx);
      tx.afterCommit(() => effects.push(message.value));
    },
    logger,
    maxAttempts: 3,
    maxMessagesPerTransaction: 64,
    mergePartitions: false,
    backoff: { initialDelayMs: 1, maxDelayMs: 5, multiplier: 2 },
    onBatchProcessed: (summary) => summaries.push(summary),
    ...overrides,
  });
  return { processor, effects, summaries, deadLetters, logger };
}

const running = { heartbeat: async () => undefined, isRunning: () => true };

describe('BatchProcessor', () => {
  it('commits at most maxMessagesPerTransaction records per transaction, reporting each commit', async () => {
    const { processor, effects, summaries } = setup(async () => undefined, { maxMessagesPerTransaction: 64 });
    const committed: string[] = [];
    await processor.process(records(150), running, async (last) => void committed.push(last.offset));
    expect(committed).toEqual(['63', '127', '149']);
    expect(summaries.map((summary) => summary.received)).toEqual([64, 64, 22]);
    expect(effects).toHaveLength(150);
  });

  it('runs a chunk without savepoints while nothing fails', async () => {
    const savepoints: string[] = [];
    const inbox = new InMemoryInboxStore();
    const begin = inbox.begin.bind(inbox);
    inbox.begin = async () => {
      const tx = await begin();
      const savepoint = tx.savepoint.bind(tx);
      tx.savepoint = () => {
        savepoints.push('savepoint');
        return savepoint();
      };
      return tx;
    };
    const { processor, effects } = setup(async () => undefined, { inbox });
    await processor.process(records(5), running, async () => undefined);
    expect(effects).toHaveLength(5);
    expect(savepoints).toEqual([]);
  });

  it('runs a chunk again with a savepoint per message when one fails: the others take effect once, the poison is dead-lettered', async () => {
    const calls: string[] = [];
    const { processor, effects, deadLetters, summaries } = setup(async (label) => {
      calls.push(label);
      if (label === 'm2') throw new Error('cannot parse');
    }, { maxAttempts: 1 });
    await processor.process(records(4), running, async () => undefined);
    expect(calls).toEqual(['m0', 'm1', 'm2', 'm0', 'm1', 'm2', 'm3']); // the first run stopped at m2 and rolled back
    expect(effects).toEqual(['m0', 'm1', 'm3']);
    expect(deadLetters.sent.map((letter) => letter.headers[DeadLetterHeaders.sourceOffset])).toEqual(['2']);
    expect(summaries).toEqual([expect.objectContaining({ processed: 3, deadLettered: 1, attempts: 1 })]);
  });

  it('isolates a chunk larger than 64 records in transactions of 64, committing the offset once all are done', async () => {
    const { processor, effects, deadLetters, summaries } = setup(
      async (label) => {
        if (label === 'm100') throw new Error('cannot parse');
      },
      { maxAttempts: 1, maxMessagesPerTransaction: 1000 },
    );
    const committed: string[] = [];
    await processor.process(records(150), running, async (last) => void committed.push(last.offset));
    expect(summaries.map((summary) => summary.received)).toEqual([64, 64, 22]);
    expect(summaries.map((summary) => summary.deadLettered)).toEqual([0, 1, 0]);
    expect(deadLetters.sent.map((letter) => letter.headers[DeadLetterHeaders.sourceOffset])).toEqual(['100']);
    expect(effects).toHaveLength(149);
    expect(committed).toEqual(['149']);
  });

  describe('writes held back per chunk (writeBehind)', () => {
    /** A handler that holds its writes back and a flush that makes them, like the event store's buffered appends. */
    function heldBack(flushFailures: unknown[] = []) {
      const held = new Map<InMemoryUnitOfWork, string[]>();
      const written: string[][] = [];
      const calls: string[] = [];
      const writeBehind = {
        begin: (tx: InMemoryUnitOfWork) => void held.set(tx, []),
        flush: async (tx: InMemoryUnitOfWork) => {
          calls.push('flush');
          const failure = flushFailures.shift();
          if (failure) throw failure;
          const writes = held.get(tx) ?? [];
          tx.afterCommit(() => written.push(writes));
        },
        end: (tx: InMemoryUnitOfWork) => void held.delete(tx),
      };
      const write = async (label: string, tx: InMemoryUnitOfWork) => {
        calls.push(label);
        const buffer = held.get(tx);
        if (buffer) buffer.push(label);
        else tx.afterCommit(() => written.push([label])); // not held: written on its own
      };
      return { writeBehind, write, written, calls };
    }

    it('holds a chunk\'s writes and makes them once, before COMMIT', async () => {
      const { writeBehind, write, written, calls } = heldBack();
      const { processor, effects } = setup(write, { writeBehind, maxMessagesPerTransaction: 3 });
      await processor.process(records(5), running, async () => undefined);
      expect(written).toEqual([['m0', 'm1', 'm2'], ['m3', 'm4']]);
      expect(calls).toEqual(['m0', 'm1', 'm2', 'flush', 'm3', 'm4', 'flush']);
      expect(effects).toHaveLength(5);
    });

    it('runs the chunk once more as it was when the flush fails (a stale belief, dropped meanwhile)', async () => {
      const { writeBehind, write, written, calls } = heldBack([new Error('Stream order-1 is at version 6, expected 5')]);
      const { processor, summaries } = setup(write, { writeBehind });
      await processor.process(records(3), running, async () => undefined);
      expect(calls).toEqual(['m0', 'm1', 'm2', 'flush', 'm0', 'm1', 'm2', 'flush']);
      expect(written).toEqual([['m0', 'm1', 'm2']]);
      expect(summaries).toEqual([expect.objectContaining({ processed: 3, deadLettered: 0, attempts: 1 })]);
    });

    it('runs the chunk with a savepoint per message, writing as it goes, when the flush fails twice', async () => {
      const conflict = () => new Error('Stream order-1 is at version 6, expected 5');
      const { writeBehind, write, written, calls } = heldBack([conflict(), conflict()]);
      const { processor, effects, summaries } = setup(write, { writeBehind });
      await processor.process(records(3), running, async () => undefined);
      expect(calls).toEqual(['m0', 'm1', 'm2', 'flush', 'm0', 'm1', 'm2', 'flush', 'm0', 'm1', 'm2']); // the isolated run holds nothing back
      expect(written).toEqual([['m0'], ['m1'], ['m2']]);
      expect(effects).toEqual(['m0', 'm1', 'm2']);
      expect(summaries).toEqual([expect.objectContaining({ processed: 3, deadLettered: 0, attempts: 1 })]);
    });

    it('retries the chunk, still holding back, when the flush fails transiently', async () => {
      const { writeBehind, write, written, calls } = heldBack([new TransientError('lock wait timed out')]);
      const { processor } = setup(write, { writeBehind });
      await processor.process(records(2), running, async () => undefined);
      expect(calls).toEqual(['m0', 'm1', 'flush', 'm0', 'm1', 'flush']);
      expect(written).toEqual([['m0', 'm1']]);
    });
  });

  it('retries the whole transaction when publishing dead letters fails, then publishes them once', async () => {
    const { processor, effects, deadLetters, logger } = setup(async (label) => {
      if (label === 'm1') throw new Error('cannot parse');
    }, { maxAttempts: 1 });
    deadLetters.failuresLeft = 1;
    await processor.process(records(3), running, async () => undefined);
    expect(effects).toEqual(['m0', 'm2']);
    expect(deadLetters.sent.map((letter) => letter.headers[DeadLetterHeaders.sourceOffset])).toEqual(['1']);
    expect(logger.lines.filter((line) => line.level === 'warn').map((line) => line.fields['errorType'])).toEqual(['PublishError']);
  });

  it('gives up a transient retry when the consumer stops, committing nothing', async () => {
    let stopping = false;
    const { processor, effects } = setup(async () => {
      stopping = true;
      throw new TransientError('database failover');
    });
    const committed: string[] = [];
    await processor.process(records(2), { heartbeat: async () => undefined, isRunning: () => !stopping }, async (last) => void committed.push(last.offset));
    expect(committed).toEqual([]);
    expect(effects).toEqual([]);
  });

  it('keeps heartbeating while it waits between attempts', async () => {
    let heartbeats = 0;
    let calls = 0;
    const { processor } = setup(
      async () => {
        if (++calls === 1) throw new TransientError('lock timeout');
      },
      { backoff: { initialDelayMs: 1_200, maxDelayMs: 1_200, multiplier: 1 } },
    );
    await processor.process(records(1), { heartbeat: async () => void heartbeats++, isRunning: () => true }, async () => undefined);
    // One per message attempt, plus at least two during the ~1 s wait (500 ms slices).
    expect(heartbeats).toBeGreaterThanOrEqual(4);
  });

  it('does not retry a committed transaction when the observer throws', async () => {
    const { processor, effects, logger } = setup(async () => undefined, {
      onBatchProcessed: () => {
        throw new Error('metrics exporter down');
      },
    });
    await processor.process(records(2), running, async () => undefined);
    expect(effects).toEqual(['m0', 'm1']);
    expect(logger.lines.map((line) => line.message)).toEqual(['onBatchProcessed threw']);
  });

  it('treats a record without a value as poison', async () => {
    const { processor, deadLetters } = setup(async () => undefined);
    await processor.process([{ ...record(0), value: null }], running, async () => undefined);
    expect(deadLetters.sent[0]?.headers[DeadLetterHeaders.errorType]).toBe('DecodeError');
    expect(deadLetters.sent[0]?.value).toEqual(Buffer.alloc(0));
  });
});
