import type { PartitionRange } from '../bus/subscribe-options';
import type { IncomingRecord } from './incoming-record';

/** The records of one partition handed to the processor, and what to do once some of them commit. */
export interface PartitionWork {
  /** In offset order. */
  records: readonly IncomingRecord[];
  /** Called with the part's last record of each committed chunk (the bus commits its offset). */
  onCommitted: (last: IncomingRecord) => Promise<void>;
}

/** One transaction's records, and the last record of each part it holds. */
export interface Chunk {
  records: IncomingRecord[];
  lastOfPart: Array<[PartitionWork, IncomingRecord]>;
}

/**
 * Cuts the parts' records into chunks of at most `size`, part after part: a part's records stay
 * in offset order across chunks, and a chunk may end one part and begin the next.
 */
export function chunksOf(parts: readonly PartitionWork[], size: number): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk = { records: [], lastOfPart: [] };
  for (const part of parts) {
    for (let start = 0; start < part.records.length; ) {
      if (current.records.length === size) {
        chunks.push(current);
        current = { records: [], lastOfPart: [] };
      }
      const taken = part.records.slice(start, start + size - current.records.length);
      current.records.push(...taken);
      current.lastOfPart.push([part, taken[taken.length - 1] as IncomingRecord]);
      start += taken.length;
    }
  }
  if (current.records.length > 0) chunks.push(current);
  return chunks;
}

/**
 * The partitions of `records` with their first and last offsets. A partition's records are next
 * to each other in every chunk (one part after another, {@link chunksOf}), so one pass comparing
 * neighbours finds them — after every commit, over up to a thousand records.
 */
export function partitionRanges(records: readonly IncomingRecord[]): PartitionRange[] {
  const ranges: PartitionRange[] = [];
  let current: PartitionRange | undefined;
  for (const { topic, partition, offset } of records) {
    if (current && current.topic === topic && current.partition === partition) current.lastOffset = offset;
    else ranges.push((current = { topic, partition, firstOffset: offset, lastOffset: offset }));
  }
  return ranges;
}
