/** A small deterministic PRNG (mulberry32), so a fuzz run can be replayed from its seed. */
export class SeededRandom {
  constructor(private state: number) {}

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** `length` printable ASCII characters. */
  ascii(length: number): string {
    const bytes = this.bytes(length);
    for (let index = 0; index < length; index += 1) bytes[index] = 32 + ((bytes[index] as number) % 95);
    return bytes.toString('latin1');
  }

  /** `length` random bytes (four per draw: fuzz bodies are large). */
  bytes(length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length + 4);
    for (let index = 0; index < length; index += 4) bytes.writeUInt32LE(Math.floor(this.next() * 4294967296), index);
    return bytes.subarray(0, length);
  }
}
