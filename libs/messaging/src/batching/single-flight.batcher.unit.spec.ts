import { SingleFlightBatcher } from './single-flight.batcher';

describe('SingleFlightBatcher (group commit)', () => {
  it('flushes a lone item at once, then everything that queued meanwhile as one batch, in order', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const firstFlushBlocked = new Promise<void>((resolve) => (release = resolve));
    const batcher = new SingleFlightBatcher<number, string>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await firstFlushBlocked;
      return items.map((item) => `done ${item}`);
    });
    const first = batcher.submit(1);
    const later = [batcher.submit(2), batcher.submit(3), batcher.submit(4)];
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...later])).toEqual(['done 1', 'done 2', 'done 3', 'done 4']);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('rejects every item of a failed batch, and keeps serving the next ones', async () => {
    let flushes = 0;
    const batcher = new SingleFlightBatcher<number, number>(async (items) => {
      flushes += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (flushes === 2) throw new Error('broker down');
      return items;
    });
    const first = batcher.submit(1);
    const failedBatch = [batcher.submit(2), batcher.submit(3)];
    await expect(first).resolves.toBe(1);
    await expect(failedBatch[0]).rejects.toThrow('broker down');
    await expect(failedBatch[1]).rejects.toThrow('broker down');
    await expect(batcher.submit(4)).resolves.toBe(4);
  });

  it('never puts more than maxBatch items in one flush, and drain waits for all of them', async () => {
    const sizes: number[] = [];
    const batcher = new SingleFlightBatcher<number, number>(async (items) => {
      sizes.push(items.length);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return items;
    }, 3);
    const all = Array.from({ length: 8 }, (_, index) => batcher.submit(index));
    await batcher.drain();
    expect(sizes).toEqual([1, 3, 3, 1]);
    expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('with concurrency 2, starts a second batch while the first is still flushing, never a third', async () => {
    const batches: number[][] = [];
    const releases: Array<() => void> = [];
    const batcher = new SingleFlightBatcher<number, number>(async (items) => {
      batches.push(items);
      await new Promise<void>((resolve) => releases.push(resolve));
      return items;
    }, 500, 2);
    const all = [1, 2, 3, 4].map((item) => batcher.submit(item));
    // 1 flushes alone at once, 2 starts the second flush, 3 and 4 wait for a free one.
    expect(batches).toEqual([[1], [2]]);
    releases[0]!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1], [2], [3, 4]]);
    releases[1]!();
    releases[2]!();
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4]);
  });
});
