import type { Fingerprint } from '../fingerprint/fingerprint';

/** A decoded single-object message, before the typed facade narrows `value`. */
export interface DecodedValue {
  /** Record the value was read into (the reader's record name). */
  recordName: string;
  /** Fingerprint of the schema the message was written with. */
  fingerprint: Fingerprint;
  value: unknown;
}
