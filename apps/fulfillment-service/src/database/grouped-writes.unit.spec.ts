import { GroupedWrites } from './grouped-writes';

/** A write that stays in flight until released, recording what each write carried. */
function heldWrites() {
  const writes: string[][] = [];
  const releases: Array<(error?: Error) => void> = [];
  const writeAll = (items: string[]) => {
    writes.push(items);
    return new Promise<void>((resolve, reject) => releases.push((error) => (error ? reject(error) : resolve())));
  };
  return { writes, releases, writeAll };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupedWrites', () => {
  it('given a write in flight, when more items arrive, then they go together in the next write', async () => {
    const { writes, releases, writeAll } = heldWrites();
    const log = new GroupedWrites(writeAll);
    const first = log.write('a');
    const later = [log.write('b'), log.write('c')];
    expect(writes).toEqual([['a']]);
    releases[0]?.();
    await first;
    await settled();
    expect(writes).toEqual([['a'], ['b', 'c']]);
    releases[1]?.();
    await Promise.all(later);
  });

  it('resolves an item only once the write carrying it is done', async () => {
    const { releases, writeAll } = heldWrites();
    const log = new GroupedWrites(writeAll);
    let durable = false;
    const written = log.write('a').then(() => (durable = true));
    await settled();
    expect(durable).toBe(false);
    releases[0]?.();
    await written;
    expect(durable).toBe(true);
  });

  it('rejects every item of a failed write, and the items after it are written on their own', async () => {
    const { writes, releases, writeAll } = heldWrites();
    const log = new GroupedWrites(writeAll);
    const failed = [log.write('a')];
    await settled();
    const next = log.write('b');
    releases[0]?.(new Error('connection lost'));
    await expect(failed[0]).rejects.toThrow('connection lost');
    await settled();
    releases[1]?.();
    await expect(next).resolves.toBeUndefined();
    expect(writes).toEqual([['a'], ['b']]);
  });

  it('caps a write at maxItems', async () => {
    const { writes, releases, writeAll } = heldWrites();
    const log = new GroupedWrites(writeAll, 2);
    const all = [log.write('a'), log.write('b'), log.write('c'), log.write('d'), log.write('e')];
    releases[0]?.();
    await settled();
    releases[1]?.();
    await settled();
    releases[2]?.();
    await Promise.all(all);
    expect(writes).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });
});
