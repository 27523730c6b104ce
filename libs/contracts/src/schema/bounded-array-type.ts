import { types, type Type } from 'avsc';

/** The part of avsc's internal read cursor the guard needs (avsc 5.7.9 `Tap`). */
interface Tap {
  buf: Buffer;
  pos: number;
  readLong(): number;
  skipLong(): void;
}

/** avsc's internal per-type reader, which its public typings do not declare. */
interface ItemReader {
  _read(tap: Tap): unknown;
}

/**
 * An avsc array type that refuses a block count larger than the bytes left in the buffer.
 *
 * Why: avsc 5.7.9 trusts the count, so a few garbage bytes announcing 2^31 items keep a consumer
 * busy for minutes (measured: still running after 20 s) — a poison message that stalls a
 * partition instead of reaching the dead-letter topic. Every item of every schema here takes at
 * least one byte (the schema rules forbid arrays of null and empty records), so a count above the
 * remaining byte count proves the message corrupt. Resolvers reuse the reader's `_read`, so the
 * guard also holds when old data is read with the current schema.
 */
export class BoundedArrayType extends types.ArrayType {
  _read(tap: Tap): unknown[] {
    const items = this.itemsType as Type & ItemReader;
    const values: unknown[] = [];
    let count: number;
    while ((count = tap.readLong())) {
      if (count < 0) {
        count = -count;
        tap.skipLong(); // block size in bytes, only useful to skip
      }
      const remaining = tap.buf.length - tap.pos;
      if (count > remaining) throw new Error(`array block of ${count} items but only ${remaining} bytes left`);
      for (let index = 0; index < count; index++) values.push(items._read(tap));
    }
    return values;
  }
}
