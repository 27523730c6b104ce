import { SchemaDefinitionError, UnknownRecordError } from '../errors/contract-errors';
import type { Fingerprint } from '../fingerprint/fingerprint';
import type { SchemaEntry } from './schema-entry';

/**
 * Every schema a build knows — current and published versions — by fingerprint and by record name.
 * The single-object codec writes with the current schema and reads any known fingerprint.
 */
export class SchemaRegistry {
  private readonly byFingerprint = new Map<Fingerprint, SchemaEntry>();
  private readonly currentByName = new Map<string, SchemaEntry>();
  private readonly versionsByName = new Map<string, SchemaEntry[]>();

  /** Throws {@link SchemaDefinitionError} on two entries with one fingerprint or two current schemas of one record. */
  constructor(entries: Iterable<SchemaEntry>) {
    for (const entry of entries) {
      const clash = this.byFingerprint.get(entry.fingerprint);
      if (clash) throw new SchemaDefinitionError(entry.source, [`same fingerprint ${entry.fingerprint} as ${clash.source}`]);
      this.byFingerprint.set(entry.fingerprint, entry);
      if (entry.isCurrent) this.addCurrent(entry);
      const versions = this.versionsByName.get(entry.recordName) ?? [];
      this.versionsByName.set(entry.recordName, [...versions, entry].sort(byVersion));
    }
  }

  /** Names of the records that have a current schema, sorted. */
  get recordNames(): string[] {
    return [...this.currentByName.keys()].sort();
  }

  /** The current schema of `recordName`. Throws {@link UnknownRecordError}. */
  current(recordName: string): SchemaEntry {
    const entry = this.currentByName.get(recordName);
    if (!entry) throw new UnknownRecordError(recordName);
    return entry;
  }

  /** The schema with this fingerprint, current or historical, if known. */
  find(fingerprint: Fingerprint): SchemaEntry | undefined {
    return this.byFingerprint.get(fingerprint);
  }

  /** Every known schema of `recordName`, published versions in order, an unpublished current one last. */
  versions(recordName: string): readonly SchemaEntry[] {
    return this.versionsByName.get(recordName) ?? [];
  }

  /** Every entry, in no particular order. */
  entries(): SchemaEntry[] {
    return [...this.byFingerprint.values()];
  }

  private addCurrent(entry: SchemaEntry): void {
    const other = this.currentByName.get(entry.recordName);
    if (other) throw new SchemaDefinitionError(entry.source, [`${entry.recordName} is also defined by ${other.source}`]);
    this.currentByName.set(entry.recordName, entry);
  }
}

function byVersion(a: SchemaEntry, b: SchemaEntry): number {
  return (a.version ?? Number.MAX_SAFE_INTEGER) - (b.version ?? Number.MAX_SAFE_INTEGER);
}
