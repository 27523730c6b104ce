import { chunksOf, partitionRanges, type PartitionWork } from './chunks';
import type { IncomingRecord } from './incoming-record';

const record = (topic: string, partition: number, offset: number): IncomingRecord => ({ topic, partition, offset: String(offset), key: null, value: Buffer.from(''), headers: {}, timestamp: 0 });
const part = (topic: string, partition: number, offsets: number[]): PartitionWork => ({ records: offsets.map((offset) => record(topic, partition, offset)), onCommitted: async () => undefined });
const label = (r: IncomingRecord) => `${r.topic}/${r.partition}@${r.offset}`;

describe('chunksOf', () => {
  it('fills chunks part after part, keeping each part in offset order, and names each part’s last record per chunk', () => {
    const a = part('orders', 0, [10, 11, 12]);
    const b = part('payments', 1, [5, 6, 7, 8]);
    const chunks = chunksOf([a, b], 4);
    expect(chunks.map((chunk) => chunk.records.map(label))).toEqual([
      ['orders/0@10', 'orders/0@11', 'orders/0@12', 'payments/1@5'],
      ['payments/1@6', 'payments/1@7', 'payments/1@8'],
    ]);
    expect(chunks.map((chunk) => chunk.lastOfPart.map(([owner, last]) => [owner === a ? 'a' : 'b', last.offset]))).toEqual([
      [['a', '12'], ['b', '5']],
      [['b', '8']],
    ]);
  });

  it('cuts one long part into chunks of the size, and skips empty parts', () => {
    const chunks = chunksOf([part('t', 0, []), part('t', 1, [1, 2, 3, 4, 5])], 2);
    expect(chunks.map((chunk) => chunk.records.map((r) => r.offset))).toEqual([['1', '2'], ['3', '4'], ['5']]);
    expect(chunksOf([], 2)).toEqual([]);
  });
});

describe('partitionRanges', () => {
  it('lists each partition once, in order of first appearance, with its first and last offsets', () => {
    const records = [record('t', 1, 4), record('t', 1, 5), record('t', 0, 9), record('t', 0, 10), record('u', 1, 2)];
    expect(partitionRanges(records)).toEqual([
      { topic: 't', partition: 1, firstOffset: '4', lastOffset: '5' },
      { topic: 't', partition: 0, firstOffset: '9', lastOffset: '10' },
      { topic: 'u', partition: 1, firstOffset: '2', lastOffset: '2' },
    ]);
  });
});
