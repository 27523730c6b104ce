import type { OutgoingMessage } from '@oms/contracts';

/**
 * What one produce request may carry: half the broker's default `message.max.bytes` (1 MiB),
 * which bounds each partition's record batch in a request. A relay catching up publishes pages of
 * 2,000 events; sent as one request they made a batch over the limit, the broker refused it
 * (`MESSAGE_TOO_LARGE`) and the same page was retried for ever.
 */
export const MAX_REQUEST_BYTES = 512 * 1024;

/** Record framing beyond key, value and headers (lengths, offsets, timestamps), generously. */
const RECORD_OVERHEAD_BYTES = 64;

/** The bytes a message adds to a record batch, overestimated a little. */
export function recordBytes(message: OutgoingMessage): number {
  let bytes = RECORD_OVERHEAD_BYTES + message.value.length + Buffer.byteLength(message.key);
  for (const [name, value] of Object.entries(message.headers)) bytes += Buffer.byteLength(name) + Buffer.byteLength(value) + 8;
  return bytes;
}

/**
 * Splits `messages` into consecutive slices of at most `maxBytes` each (a message larger than
 * that goes alone), keeping their order: sent one slice after another, every key keeps its order.
 */
export function sizeBoundedSlices(messages: readonly OutgoingMessage[], maxBytes = MAX_REQUEST_BYTES): OutgoingMessage[][] {
  const slices: OutgoingMessage[][] = [];
  let current: OutgoingMessage[] = [];
  let currentBytes = 0;
  for (const message of messages) {
    const bytes = recordBytes(message);
    if (current.length > 0 && currentBytes + bytes > maxBytes) {
      slices.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(message);
    currentBytes += bytes;
  }
  if (current.length > 0) slices.push(current);
  return slices;
}
