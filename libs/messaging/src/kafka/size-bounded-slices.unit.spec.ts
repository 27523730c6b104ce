import type { OutgoingMessage } from '@oms/contracts';
import { recordBytes, sizeBoundedSlices } from './size-bounded-slices';

const message = (n: number, valueBytes: number): OutgoingMessage => ({ topic: 't', key: `k${n}`, value: Buffer.alloc(valueBytes, 1), headers: { 'message-id': `m${n}` } });

describe('sizeBoundedSlices', () => {
  it('keeps every message, in order, in slices no larger than the bound', () => {
    const messages = Array.from({ length: 2_000 }, (_, n) => message(n, 1_000));
    const slices = sizeBoundedSlices(messages, 100_000);
    expect(slices.flat()).toEqual(messages);
    expect(slices.length).toBeGreaterThan(1);
    for (const slice of slices) expect(slice.reduce((sum, entry) => sum + recordBytes(entry), 0)).toBeLessThanOrEqual(100_000);
  });

  it('sends a message larger than the bound alone, and small sends as one slice', () => {
    const [small, huge, after] = [message(1, 10), message(2, 200_000), message(3, 10)];
    expect(sizeBoundedSlices([small, huge, after], 100_000)).toEqual([[small], [huge], [after]]);
    expect(sizeBoundedSlices([small, after], 100_000)).toEqual([[small, after]]);
    expect(sizeBoundedSlices([], 100_000)).toEqual([]);
  });

  it('counts key, value and headers', () => {
    expect(recordBytes(message(1, 1_000))).toBeGreaterThan(1_000 + 'k1'.length + 'message-id'.length + 'm1'.length);
  });
});
