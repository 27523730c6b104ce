import type { EventMetadata } from '../model/stored-event';

/**
 * Metadata as deterministic text: keys sorted, undefined values dropped. PostgreSQL's jsonb
 * re-orders keys, so the hash covers this form rather than whatever text was sent.
 */
export function canonicalMetadata(metadata: EventMetadata): string {
  const entries = Object.entries(metadata)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(entries));
}
