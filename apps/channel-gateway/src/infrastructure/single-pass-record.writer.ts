import { contractCodec, InvalidRecordError, singleObjectHeader, type RecordName, type RecordTypes, type SchemaEntry } from '@oms/contracts';

/** Room for a record at first; a larger one grows it once, for good. */
const INITIAL_SCRATCH_BYTES = 16 * 1024;

/**
 * Avro single-object bytes of one record type, the same bytes as `encode` from `@oms/contracts`,
 * for a hot path where the record was just built by our own typed code. Two passes of `encode`
 * are skipped: the separate validation (`isValid` with field paths — writing still refuses a
 * value of the wrong type, a null in a non-null field, an unknown enum symbol or an unsafe
 * integer, and throws `InvalidRecordError`), and avsc's second write of any record over its
 * 1 KiB shared buffer (a PaymentNotification carries the raw body and the decrypted resource,
 * 1.5–2 KiB): here it is written once into a scratch buffer of ours and copied out.
 *
 * Undeclared fields are not reported (they are ignored, as avsc does); the TypeScript record
 * types forbid them at compile time. Not for values from outside — use `encode` there.
 */
export class SinglePassRecordWriter<N extends RecordName> {
  private readonly writer: SchemaEntry;
  private readonly header: Buffer;
  private scratch = Buffer.allocUnsafe(INITIAL_SCRATCH_BYTES);

  /** Loads the current schema of `recordName` (throws `UnknownRecordError`). */
  constructor(private readonly recordName: N) {
    this.writer = contractCodec().registry.current(recordName);
    this.header = singleObjectHeader(this.writer.fingerprint);
  }

  /** The single-object bytes of `value`; throws `InvalidRecordError` when avsc refuses it. */
  write(value: RecordTypes[N]): Buffer {
    let end = this.encodeInto(value);
    if (end < 0) {
      // avsc answers a negative count of missing bytes: grow once, write again.
      this.scratch = Buffer.allocUnsafe(Math.max(this.scratch.length * 2, this.scratch.length - end));
      end = this.encodeInto(value);
    }
    return Buffer.from(this.scratch.subarray(0, end));
  }

  private encodeInto(value: RecordTypes[N]): number {
    this.header.copy(this.scratch, 0);
    try {
      return this.writer.type.encode(value, this.scratch, this.header.length);
    } catch (error) {
      throw new InvalidRecordError(this.recordName, [{ path: '', problem: error instanceof Error ? error.message : String(error) }]);
    }
  }
}
