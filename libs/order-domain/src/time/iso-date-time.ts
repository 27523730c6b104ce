/**
 * ISO-8601 date-times with an explicit offset — the backbone keeps every timestamp as epoch ms
 * plus its original text with offset, because "finance compares the wrong clocks" (the source
 * article's dual-timeline rule). Pure: no `Date.now()`, only arithmetic on given instants.
 */

/** A parsed date-time: the instant, and the offset its text was written in. */
export interface IsoDateTime {
  /** Epoch milliseconds (sub-millisecond digits are truncated). */
  epochMs: number;
  /** Offset from UTC in minutes, e.g. 480 for `+08:00`. */
  offsetMinutes: number;
  /** The offset as written: `Z` or `±HH:MM`, reused when formatting. */
  offsetText: string;
}

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;
const MS_PER_MINUTE = 60_000;

/** Days in a month (1-12) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Epoch ms of wall-clock fields read as UTC. `setUTCFullYear` avoids Date.UTC's 0–99 → 19xx quirk. */
export function fieldsToUtcMs(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

function parseOffset(text: string): number | null {
  if (text === 'Z') return 0;
  const hours = Number(text.slice(1, 3));
  const minutes = Number(text.slice(4, 6));
  if (hours > 23 || minutes > 59) return null;
  return (text.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Parses `YYYY-MM-DDTHH:mm:ss[.fraction](Z|±HH:MM)`. Returns null for anything else: a missing
 * offset (a local time is ambiguous across servers), an impossible date, hour 24 or leap second 60.
 *
 * @example
 * parseIsoDateTime('2026-01-20T14:22:03+08:00'); // { epochMs: 1768890123000, offsetMinutes: 480, offsetText: '+08:00' }
 */
export function parseIsoDateTime(text: string): IsoDateTime | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const ms = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const offsetMinutes = parseOffset(match[8]);
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
  if (!valid || offsetMinutes === null) return null;
  const epochMs = fieldsToUtcMs(year, month, day, hour, minute, second, ms) - offsetMinutes * MS_PER_MINUTE;
  return { epochMs, offsetMinutes, offsetText: match[8] };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * Formats an instant in the given offset as `YYYY-MM-DDTHH:mm:ss.SSS±HH:MM` (or `Z`). Always
 * three fraction digits, so equal instants always give equal text.
 */
export function formatIsoDateTime(value: IsoDateTime): string {
  const local = new Date(value.epochMs + value.offsetMinutes * MS_PER_MINUTE);
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}.${pad(local.getUTCMilliseconds(), 3)}`;
  return `${date}T${time}${value.offsetText}`;
}
