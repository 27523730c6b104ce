import { daysInMonth, fieldsToUtcMs, formatIsoDateTime, parseIsoDateTime, type IsoDateTime } from './iso-date-time';
import { parseIsoDuration, type IsoDuration } from './iso-duration';

const MS_PER_SECOND = 1_000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;

/**
 * Adds a duration to an instant, in the wall clock of the instant's own offset:
 * years and months move the calendar (the day is clamped: Jan 31 + P1M = Feb 28/29), then weeks,
 * days and time are exact milliseconds. A fixed offset has no daylight-saving jumps, so a day is
 * always 24 h. The result keeps the input's offset.
 */
export function addDuration(start: IsoDateTime, duration: IsoDuration): IsoDateTime {
  const local = new Date(start.epochMs + start.offsetMinutes * MS_PER_MINUTE);
  const monthIndex = local.getUTCFullYear() * 12 + local.getUTCMonth() + duration.years * 12 + duration.months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(local.getUTCDate(), daysInMonth(year, month));
  const calendarMs = fieldsToUtcMs(
    year, month, day,
    local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds(),
  );
  const exactMs =
    (duration.weeks * 7 + duration.days) * MS_PER_DAY +
    duration.hours * MS_PER_HOUR +
    duration.minutes * MS_PER_MINUTE +
    Math.round(duration.seconds * MS_PER_SECOND);
  return { ...start, epochMs: calendarMs + exactMs - start.offsetMinutes * MS_PER_MINUTE };
}

/**
 * Adds an ISO-8601 duration to an ISO-8601 date-time and returns ISO-8601 text in the same offset.
 * Throws a RangeError naming the bad input; callers validate first with the parsers.
 *
 * @example
 * addIsoDuration('2026-01-20T14:22:03+08:00', 'PT24H'); // '2026-01-21T14:22:03.000+08:00'
 */
export function addIsoDuration(dateTimeText: string, durationText: string): string {
  const start = parseIsoDateTime(dateTimeText);
  if (!start) throw new RangeError(`Not an ISO-8601 date-time with offset: ${JSON.stringify(dateTimeText)}`);
  const duration = parseIsoDuration(durationText);
  if (!duration) throw new RangeError(`Not an ISO-8601 duration: ${JSON.stringify(durationText)}`);
  const end = addDuration(start, duration);
  // Beyond ±8.64e15 ms a Date is NaN: refuse rather than print "NaN-NaN-…".
  if (!Number.isFinite(end.epochMs)) throw new RangeError(`${durationText} after ${dateTimeText} is out of range`);
  return formatIsoDateTime(end);
}
