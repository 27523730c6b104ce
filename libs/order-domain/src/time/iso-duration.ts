/**
 * ISO-8601 durations (`PT24H`, `P1DT2H`, `P2W`) — how warehouses state their average ship
 * duration ("now + the warehouse's average ship duration", the source article's
 * estimated_ship_time rule). Parsing only; adding lives in `add-iso-duration.ts`.
 */

/** A parsed duration. Only `seconds` may be fractional (millisecond precision is kept). */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/**
 * Parses the designator form `PnYnMnWnDTnHnMnS`. Returns null for an empty duration (`P`, `PT`),
 * a `T` with nothing after it, negative or alternative (`P0001-02-03`) forms, a fraction on any
 * component but seconds, or numbers beyond safe integers.
 *
 * @example
 * parseIsoDuration('P1DT2H'); // { years: 0, months: 0, weeks: 0, days: 1, hours: 2, minutes: 0, seconds: 0 }
 */
export function parseIsoDuration(text: string): IsoDuration | null {
  const match = PATTERN.exec(text);
  if (!match || text.endsWith('T')) return null;
  const parts = match.slice(1);
  if (parts.every((part) => part === undefined)) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = parts.map((part) => Number((part ?? '0').replace(',', '.')));
  const duration = { years, months, weeks, days, hours, minutes, seconds };
  if (!Object.values(duration).every((value) => Number.isFinite(value) && value <= Number.MAX_SAFE_INTEGER)) return null;
  return duration;
}

/** True when `text` is a duration {@link parseIsoDuration} accepts. */
export function isIsoDuration(text: unknown): text is string {
  return typeof text === 'string' && parseIsoDuration(text) !== null;
}
