import type { BankLine } from './bank-line';
import type { ExpectedFlow } from './expected-flow';

/**
 * The instant an outcome (match group, review item, pending flow) is dated by: its earliest
 * order-side time, or its earliest bank time when it has no flow (a MISSING_PAYMENT). Order time
 * first, because a payment at 23:59:59.8 whose bank line says 00:00:00.1 is yesterday's sale —
 * and one rule keeps both sides of a match on the same business date and in the same place.
 */
export function outcomeInstant(flows: readonly ExpectedFlow[], lines: readonly BankLine[]): number {
  const sides = flows.length > 0 ? flows : lines;
  let earliest = Number.POSITIVE_INFINITY;
  for (const side of sides) earliest = Math.min(earliest, side.time.epochMs);
  return earliest;
}
