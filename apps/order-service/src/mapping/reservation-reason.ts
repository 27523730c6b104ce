import { reservationFailureReasonSymbols, type ReservationFailureReason } from '@oms/contracts';

/** The warehouse's reason and its own words, as Avro keeps them. */
export interface ReservationFailure {
  reason: ReservationFailureReason;
  detail: string | null;
}

/**
 * The domain keeps one reason text; Avro an enum plus free text. The ingress translator writes
 * `SYMBOL` or `SYMBOL: detail`, and only that form maps both ways.
 *
 * @example
 * reservationFailureText({ reason: 'OUT_OF_STOCK', detail: 'CUP-01 0 left' }) // 'OUT_OF_STOCK: CUP-01 0 left'
 */
export function reservationFailureText({ reason, detail }: ReservationFailure): string {
  return detail === null ? reason : `${reason}: ${detail}`;
}

/** The inverse of {@link reservationFailureText}; throws for any other text. */
export function parseReservationFailure(text: string): ReservationFailure {
  const match = /^([A-Z_]+)(?:: ([\s\S]*))?$/.exec(text);
  const reason = match?.[1] as ReservationFailureReason | undefined;
  if (!reason || !reservationFailureReasonSymbols.includes(reason)) {
    throw new RangeError(`reservation failure "${text}" is not "<${reservationFailureReasonSymbols.join('|')}>[: detail]"`);
  }
  return { reason, detail: match?.[2] ?? null };
}
