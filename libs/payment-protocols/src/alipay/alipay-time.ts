// Alipay writes times as `yyyy-MM-dd HH:mm:ss` in Beijing time without an offset (notify_time,
// gmt_payment, send_pay_date). The backbone keeps ISO-8601 text with the offset made explicit.
const ALIPAY_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** An Alipay time read as Beijing time (+08:00). */
export interface AlipayInstant {
  epochMs: number;
  /** The same instant as ISO-8601 text with `+08:00`, e.g. `2024-06-18T10:31:02+08:00`. */
  isoText: string;
}

/** Parses `yyyy-MM-dd HH:mm:ss` (Beijing time); null for anything else or an impossible date. */
export function parseAlipayTime(text: string): AlipayInstant | null {
  const match = ALIPAY_TIME.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  // Date.UTC rolls 2024-02-30 over to March; a round trip catches impossible dates.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1 || hour > 23 || minute > 59 || second > 59) return null;
  return { epochMs: utc - BEIJING_OFFSET_MS, isoText: `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}+08:00` };
}

/** Formats an instant as Alipay does: `yyyy-MM-dd HH:mm:ss` in Beijing time. */
export function formatAlipayTime(epochMs: number): string {
  return new Date(epochMs + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
