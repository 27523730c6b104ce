import type { Type } from 'avsc';
import type { Fingerprint } from '../fingerprint/fingerprint';
import type { AvroNamedTypeJson } from './avro-schema-json';

/** One schema the registry knows: a current record schema, a published version, or both at once. */
export interface SchemaEntry {
  /** Short record name, e.g. `OrderPlaced`; the `event-type` header carries it. */
  readonly recordName: string;
  /** Full Avro name, e.g. `oms.v1.OrderPlaced`. */
  readonly fullName: string;
  /** Published version (`history/<RecordName>/v<N>.avsc`); undefined for a current schema not yet snapshotted. */
  readonly version: number | undefined;
  /** Whether this is the schema `encode` writes and `decode` reads into. */
  readonly isCurrent: boolean;
  /** CRC-64-AVRO of the Parsing Canonical Form. */
  readonly fingerprint: Fingerprint;
  /** The self-contained schema, docs and logical types included. */
  readonly schema: AvroNamedTypeJson;
  /** The avsc type built from it. */
  readonly type: Type;
  /** The `.avsc` file(s) it came from, relative to the avro folder. */
  readonly source: string;
}
