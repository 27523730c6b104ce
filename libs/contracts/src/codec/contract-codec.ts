import type { Fingerprint } from '../fingerprint/fingerprint';
import type { RecordName, RecordTypes } from '../generated';
import { loadSchemaRegistry } from '../schema/load-schema-registry';
import { SingleObjectCodec } from './single-object-codec';

/**
 * A decoded message whose `value` is typed by its record name. Without a type argument it is a
 * union over every record, so checking `recordName` narrows `value`.
 */
export type DecodedRecord<N extends RecordName = RecordName> = {
  [K in N]: { recordName: K; fingerprint: Fingerprint; value: RecordTypes[K] };
}[N];

let defaultCodec: SingleObjectCodec | undefined;

/**
 * The codec over every schema of this build (`libs/contracts/avro`), loaded once on first use.
 * Call it at start-up to fail fast on a broken schema folder rather than on the first message.
 */
export function contractCodec(): SingleObjectCodec {
  defaultCodec ??= new SingleObjectCodec(loadSchemaRegistry());
  return defaultCodec;
}

/**
 * Encodes a record with its current schema into Avro single-object bytes, ready for a Kafka value
 * or the event store. Throws `InvalidRecordError` naming every offending field path.
 *
 * @example
 * const bytes = encode('OrderPaid', { orderId, occurredAt, occurredAtText, provider: 'WECHAT_PAY', … });
 */
export function encode<N extends RecordName>(recordName: N, value: RecordTypes[N]): Buffer {
  return contractCodec().encode(recordName, value);
}

/**
 * Decodes single-object bytes written with any current or historical schema this build knows,
 * into the current schema of the writer's record — or of `readerRecordName` when given (then the
 * writer must be resolvable into it, else `IncompatibleSchemaError`). Throws `CorruptMessageError`
 * or `UnknownFingerprintError` for bytes it cannot read.
 *
 * @example
 * const decoded = decode(message.value);
 * if (decoded.recordName === 'OrderPaid') settle(decoded.value.amount);
 */
export function decode(message: Uint8Array): DecodedRecord;
export function decode<N extends RecordName>(message: Uint8Array, readerRecordName: N): DecodedRecord<N>;
export function decode(message: Uint8Array, readerRecordName?: RecordName): DecodedRecord {
  return contractCodec().decode(message, readerRecordName) as DecodedRecord;
}
