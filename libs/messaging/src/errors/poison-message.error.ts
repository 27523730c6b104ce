/**
 * The message itself is wrong (fails validation, violates a business rule, cannot be decoded):
 * no retry will help. Thrown from a handler, it sends the record to `<topic>.dlq` at once and the
 * partition keeps flowing.
 */
export class PoisonMessageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Another name for {@link PoisonMessageError}, for handlers that think in retry terms. */
export const NonRetriableError = PoisonMessageError;
/** Another name for {@link PoisonMessageError}. */
export type NonRetriableError = PoisonMessageError;
