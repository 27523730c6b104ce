import { DAY_RESOLUTION, MILLISECOND_RESOLUTION, SECOND_RESOLUTION, type SourceTime } from './source-time';
import { SHANGHAI_OFFSET_MS } from './shanghai-clock';

/**
 * Reads the times bank exports and provider bills carry. Field rule (DESIGN.md, Reconciliation):
 * the bank's clock is UTC+8, so a text WITHOUT an offset is Asia/Shanghai wall time — never UTC.
 * Reading naive `2024-06-18 10:31:02` as UTC would shift every line by eight hours and turn each
 * into a review item (or, worse, move it to another business date).
 */

/** A parsed bank or provider time, or why it is not one. */
export type BankTimeResult =
  | { ok: true; time: SourceTime; offsetAssumed: boolean }
  | { ok: false; reason: string };

// `yyyy-MM-dd HH:mm:ss`, `yyyy/MM/dd HH:mm:ss`, ISO-8601 `yyyy-MM-ddTHH:mm:ss[.fff][offset]`, or a date.
const SEPARATED = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
// `yyyyMMdd`, `yyyyMMddHHmmss`, `yyyyMMddHHmmssSSS`.
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})(\d{3})?)?$/;
/** China's last DST ended 1991-09-15; naive texts before 1992 cannot be read with a fixed +08:00. */
const FIRST_NAIVE_YEAR = 1992;

interface Fields {
  year: number; month: number; day: number; hour: number; minute: number; second: number;
  fraction: string | undefined; hasTime: boolean; offset: string | undefined;
}

const fail = (reason: string): BankTimeResult => ({ ok: false, reason });

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function toFields(text: string): Fields | null {
  const separated = SEPARATED.exec(text);
  if (separated) {
    const [, y, , mo, d, h, mi, s, fraction, offset] = separated;
    return { year: +y, month: +mo, day: +d, hour: +(h ?? 0), minute: +(mi ?? 0), second: +(s ?? 0), fraction, hasTime: h !== undefined, offset };
  }
  const compact = COMPACT.exec(text);
  if (!compact) return null;
  const [, y, mo, d, h, mi, s, millis] = compact;
  return { year: +y, month: +mo, day: +d, hour: +(h ?? 0), minute: +(mi ?? 0), second: +(s ?? 0), fraction: millis, hasTime: h !== undefined, offset: undefined };
}

function fieldProblem(f: Fields): string | null {
  if (f.year < 1970) return `year ${f.year} is before 1970`;
  if (f.month < 1 || f.month > 12) return `month ${f.month} does not exist`;
  if (f.day < 1 || f.day > daysInMonth(f.year, f.month)) return `day ${f.day} does not exist in ${f.year}-${String(f.month).padStart(2, "0")}`;
  if (f.hour > 23 || f.minute > 59) return 'hour or minute out of range';
  if (f.second > 59) return 'second 60 (leap second) is not accepted';
  return null;
}

/** Offset in ms east of UTC; null when malformed. `+08`, `+0800`, `+08:00` and `Z` are accepted. */
function offsetMs(offset: string): number | null {
  if (offset === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

function resolutionOf(f: Fields): number {
  if (!f.hasTime) return DAY_RESOLUTION;
  if (f.fraction === undefined) return SECOND_RESOLUTION;
  return f.fraction.length >= 3 ? MILLISECOND_RESOLUTION : 10 ** (3 - f.fraction.length);
}

/**
 * Parses a bank or provider time: `yyyy-MM-dd HH:mm:ss`, `yyyyMMddHHmmss`, `yyyy/MM/dd HH:mm:ss`,
 * ISO-8601 with or without an offset (and a fraction of 1–9 digits), or a date alone. Text without
 * an offset is Asia/Shanghai (+08:00, exact since China has had no DST after 1991). The result keeps
 * the precision the text has: see `precision-policy.ts` for how the 500 ms rule uses it.
 *
 * @example
 * parseBankTime('20240618103102');
 * // { ok: true, time: { epochMs: 1718677862000, resolutionMs: 1000, text: '20240618103102' }, offsetAssumed: true }
 */
export function parseBankTime(text: string): BankTimeResult {
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty time');
  const fields = toFields(trimmed);
  if (!fields) return fail(`unrecognised time format ${JSON.stringify(text)}`);
  const problem = fieldProblem(fields);
  if (problem) return fail(`impossible time ${JSON.stringify(text)}: ${problem}`);
  const offset = fields.offset === undefined ? SHANGHAI_OFFSET_MS : offsetMs(fields.offset);
  if (offset === null) return fail(`malformed offset in ${JSON.stringify(text)}`);
  if (fields.offset === undefined && fields.year < FIRST_NAIVE_YEAR) {
    return fail(`naive time ${JSON.stringify(text)} predates 1992; Asia/Shanghai had DST until 1991, so +08:00 is not certain`);
  }
  const millis = Number((fields.fraction ?? '0').padEnd(3, '0').slice(0, 3));
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second, millis);
  const time: SourceTime = { epochMs: wall - offset, resolutionMs: resolutionOf(fields), text };
  return { ok: true, time, offsetAssumed: fields.offset === undefined };
}

/** Like {@link parseBankTime}, but throws a RangeError naming the reason — for trusted inputs. */
export function requireBankTime(text: string): SourceTime {
  const result = parseBankTime(text);
  if (!result.ok) throw new RangeError(result.reason);
  return result.time;
}
