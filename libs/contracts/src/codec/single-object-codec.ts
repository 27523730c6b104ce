import type { Resolver } from 'avsc';
import { CorruptMessageError, IncompatibleSchemaError, InvalidRecordError, UnknownFingerprintError } from '../errors/contract-errors';
import type { SchemaEntry } from '../schema/schema-entry';
import type { SchemaRegistry } from '../schema/schema-registry';
import type { DecodedValue } from './decoded-value';
import { fingerprintOf, singleObjectHeader, SINGLE_OBJECT_HEADER_LENGTH } from './single-object-header';
import { findValueProblems } from './value-problems';

/**
 * Avro single-object encoding (`C3 01` + 8-byte little-endian CRC-64-AVRO fingerprint + Avro
 * binary body) over a {@link SchemaRegistry}. Writes with a record's current schema; reads any
 * fingerprint the registry knows and resolves it into the current schema of the reader record.
 * Every failure is a `ContractError` subclass — never a crash, never a silent undefined.
 */
export class SingleObjectCodec {
  private readonly resolvers = new Map<string, Resolver>();

  /** @param registry - the schemas to write with and to read; see `loadSchemaRegistry`. */
  constructor(readonly registry: SchemaRegistry) {}

  /**
   * Encodes `value` with the current schema of `recordName`. Throws `UnknownRecordError`, or
   * `InvalidRecordError` listing every offending field path.
   */
  encode(recordName: string, value: unknown): Buffer {
    const writer = this.registry.current(recordName);
    const problems = findValueProblems(writer.type, value);
    if (problems.length > 0) throw new InvalidRecordError(recordName, problems);
    return Buffer.concat([singleObjectHeader(writer.fingerprint), writeBody(recordName, writer, value)]);
  }

  /**
   * Decodes a single-object message into the current schema of `readerRecordName` (default: the
   * writer's own record). Throws `CorruptMessageError`, `UnknownFingerprintError`,
   * `UnknownRecordError` or `IncompatibleSchemaError`.
   */
  decode(message: Uint8Array, readerRecordName?: string): DecodedValue {
    const fingerprint = fingerprintOf(message);
    const writer = this.registry.find(fingerprint);
    if (!writer) throw new UnknownFingerprintError(fingerprint);
    const reader = this.registry.current(readerRecordName ?? writer.recordName);
    const body = Buffer.from(message.buffer, message.byteOffset + SINGLE_OBJECT_HEADER_LENGTH, message.byteLength - SINGLE_OBJECT_HEADER_LENGTH);
    const value = readBody(body, writer, reader, this.resolverFor(writer, reader));
    return { recordName: reader.recordName, fingerprint, value };
  }

  private resolverFor(writer: SchemaEntry, reader: SchemaEntry): Resolver | undefined {
    if (writer === reader) return undefined;
    const key = `${writer.fingerprint}>${reader.fingerprint}`;
    let resolver = this.resolvers.get(key);
    if (!resolver) {
      try {
        resolver = reader.type.createResolver(writer.type);
      } catch (error) {
        throw new IncompatibleSchemaError(describe(writer), describe(reader), messageOf(error));
      }
      this.resolvers.set(key, resolver);
    }
    return resolver;
  }
}

function writeBody(recordName: string, writer: SchemaEntry, value: unknown): Buffer {
  try {
    return writer.type.toBuffer(value);
  } catch (error) {
    // isValid passed, so this is avsc disagreeing with itself; still report it as the caller's value.
    throw new InvalidRecordError(recordName, [{ path: '', problem: messageOf(error) }]);
  }
}

function readBody(body: Buffer, writer: SchemaEntry, reader: SchemaEntry, resolver: Resolver | undefined): unknown {
  try {
    return reader.type.fromBuffer(body, resolver);
  } catch (error) {
    const message = messageOf(error);
    // avsc's own wording for the two structural failures it detects after reading.
    const reason = message === 'truncated buffer' ? 'truncated' : message === 'trailing data' ? 'trailing-bytes' : 'undecodable';
    throw new CorruptMessageError(reason, `${body.length}-byte body does not decode as ${describe(writer)}: ${message}`);
  }
}

function describe(entry: SchemaEntry): string {
  return `${entry.fullName} ${entry.version === undefined ? '(unpublished)' : `v${entry.version}`} [${entry.fingerprint}]`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
