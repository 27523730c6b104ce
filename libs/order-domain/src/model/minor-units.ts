/**
 * True when `value` is a valid amount in minor units: a non-negative safe integer.
 * Floats are refused outright — 0.1 + 0.2 is how order money stops matching the bank.
 */
export function isMinorUnits(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** True when `value` is a positive safe integer (quantities, plan versions). */
export function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** True when `value` is a non-blank string. */
export function isNonBlank(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
