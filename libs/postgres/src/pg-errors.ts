/** SQLSTATE codes the backbone reacts to (https://www.postgresql.org/docs/15/errcodes-appendix.html). */
export const PgErrorCodes = {
  uniqueViolation: '23505',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
  raiseException: 'P0001',
} as const;

/** The SQLSTATE of a `pg` error, if it is one. */
export function pgErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * True for failures that a retry of the same work can cure: lost connections, a server shutting
 * down or starting, serialization failures and deadlocks. Everything else is a fault of the
 * input or of the code.
 */
export function isTransientPgError(error: unknown): boolean {
  const code = pgErrorCode(error);
  if (code === undefined) {
    const message = error instanceof Error ? error.message : '';
    return /Connection terminated|ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect/i.test(message);
  }
  return (
    code === PgErrorCodes.serializationFailure ||
    code === PgErrorCodes.deadlockDetected ||
    code.startsWith('08') || // connection exception
    code.startsWith('57P') || // admin shutdown, crash shutdown, cannot connect now
    code === '53300' // too many connections
  );
}
