import { parseBankTime } from '../time/bank-time.parser';
import type { SourceTime } from '../time/source-time';

/**
 * A record's time as `SourceTime`: the epoch ms field and its original text must agree, and the
 * text decides the precision (a provider's `success_time` of `2024-06-18T10:31:02+08:00` is
 * second precision even though the Avro field is in ms). Throws a RangeError when the text is not
 * a time or contradicts the epoch value — an unreadable time is an error, never a zero.
 */
export function recordedTime(epochMs: number, text: string, field: string): SourceTime {
  const parsed = parseBankTime(text);
  if (!parsed.ok) throw new RangeError(`${field}: ${parsed.reason}`);
  const time = parsed.time;
  if (epochMs < time.epochMs || epochMs >= time.epochMs + time.resolutionMs) {
    throw new RangeError(`${field}: ${epochMs} ms is not the instant ${JSON.stringify(text)} denotes`);
  }
  return time;
}
