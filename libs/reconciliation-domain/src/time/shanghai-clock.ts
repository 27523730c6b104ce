/**
 * Asia/Shanghai wall-clock arithmetic with a fixed +08:00 offset. This is exact for every instant
 * since 1991-09-15: China has had no daylight-saving time since 1991 (the tz database's last
 * Asia/Shanghai rule ends in September 1991), so the zone is a constant UTC+8 for any statement
 * this system will ever read. Pure: no `Date.now()`, only arithmetic on given instants.
 */

/** Offset of Asia/Shanghai (China Standard Time) from UTC, in ms. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** The offset as ISO-8601 writes it. */
export const SHANGHAI_OFFSET_TEXT = '+08:00';
/** One calendar day, in ms (no DST, so every Shanghai day has exactly this length). */
export const DAY_MS = 86_400_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Calendar fields of an instant on the Shanghai wall clock. */
function shanghaiFields(epochMs: number): Date {
  return new Date(epochMs + SHANGHAI_OFFSET_MS);
}

/**
 * The Asia/Shanghai calendar day (`YYYY-MM-DD`) of an instant — the business date finance uses.
 *
 * @example
 * businessDateFor(Date.parse('2024-06-18T16:30:00Z')); // '2024-06-19' (00:30 in Shanghai)
 */
export function businessDateFor(epochMs: number): string {
  const local = shanghaiFields(epochMs);
  return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
}

/**
 * Epoch ms of 00:00:00.000 Asia/Shanghai on `businessDate` (`YYYY-MM-DD`).
 * Throws a RangeError for anything that is not a real calendar date.
 */
export function shanghaiDayStart(businessDate: string): number {
  const match = DATE_PATTERN.exec(businessDate);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD business date: ${JSON.stringify(businessDate)}`);
  const [year, month, day] = match.slice(1).map(Number);
  const utcMidnight = Date.UTC(year, month - 1, day);
  if (businessDateFor(utcMidnight - SHANGHAI_OFFSET_MS) !== businessDate) {
    throw new RangeError(`Not a calendar date: ${businessDate}`);
  }
  return utcMidnight - SHANGHAI_OFFSET_MS;
}

/** True when `epochMs` falls on `businessDate` in Asia/Shanghai. */
export function isOnBusinessDate(epochMs: number, businessDate: string): boolean {
  const start = shanghaiDayStart(businessDate);
  return epochMs >= start && epochMs < start + DAY_MS;
}

/**
 * Formats an instant as ISO-8601 in +08:00, keeping the source's precision: milliseconds only
 * when the resolution is finer than a second, so the text never claims precision it lacks.
 *
 * @example
 * formatShanghaiIso(1718677862000, 1000); // '2024-06-18T10:31:02+08:00'
 */
export function formatShanghaiIso(epochMs: number, resolutionMs = 1): string {
  const local = shanghaiFields(epochMs);
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const fraction = resolutionMs < 1_000 ? `.${pad(local.getUTCMilliseconds(), 3)}` : '';
  return `${date}T${time}${fraction}${SHANGHAI_OFFSET_TEXT}`;
}
