import { parseIsoDateTime } from '@oms/order-domain';

/** A channel instant: epoch ms and the text as the channel wrote it (offset made explicit when it had none). */
export interface ChannelInstant {
  epochMs: number;
  text: string;
}

/** ISO-8601 text with an offset (Shopify `created_at`, our mini-program), or null. */
export function isoInstant(value: unknown): ChannelInstant | null {
  if (typeof value !== 'string') return null;
  const parsed = parseIsoDateTime(value);
  return parsed ? { epochMs: parsed.epochMs, text: value } : null;
}

/**
 * Beijing local time `yyyy-MM-dd HH:mm:ss` without an offset (Pinduoduo `created_time`): read as
 * +08:00, and the text gets `+08:00` added, as the ChannelOrder schema asks.
 */
export function beijingLocalInstant(value: unknown): ChannelInstant | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return null;
  return isoInstant(`${value.replace(' ', 'T')}+08:00`);
}

/** Unix seconds (Douyin `create_time`), written as ISO-8601 in Beijing time. */
export function unixSecondsInstant(value: unknown): ChannelInstant | null {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) return null;
  const local = new Date(value * 1000 + 8 * 3_600_000).toISOString().slice(0, 19);
  return { epochMs: value * 1000, text: `${local}+08:00` };
}
