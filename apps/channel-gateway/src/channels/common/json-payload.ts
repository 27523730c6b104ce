import type { ChannelOrder } from '@oms/contracts';
import type { ChannelAdaptation } from '../channel-adapter';
import { FieldReader } from './field-reader';

/** Parses a (verified) JSON body; undefined when it is not JSON. */
export function parseJsonPayload(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Runs a mapper over a verified JSON body and turns its problems into the adapter's answer:
 * the order when every field read cleanly, else the list of offending fields.
 */
export function adaptJson(rawBody: Buffer, map: (reader: FieldReader) => ChannelOrder): ChannelAdaptation {
  const payload = parseJsonPayload(rawBody);
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { kind: 'invalid', problems: ['body: expected a JSON object'] };
  const reader = new FieldReader(payload);
  const order = map(reader);
  return reader.problems.length > 0 ? { kind: 'invalid', problems: reader.problems } : { kind: 'order', order };
}
