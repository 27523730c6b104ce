import { isTransientPgError } from '@oms/postgres';
import { PoisonMessageError } from './poison-message.error';
import { TransientError } from './transient.error';

/** How the processor reacts to a handler failure. */
export type FailureKind = 'transient' | 'poison' | 'unknown';

/**
 * transient → roll back and retry the batch; poison → dead-letter now; unknown → retry the
 * message a bounded number of times, then dead-letter.
 */
export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof PoisonMessageError) return 'poison';
  if (error instanceof TransientError || isTransientPgError(error)) return 'transient';
  return 'unknown';
}

/** A one-line description of any thrown value, for headers and logs. */
export function describeError(error: unknown): { type: string; message: string } {
  if (error instanceof Error) return { type: error.name || error.constructor.name, message: error.message };
  return { type: typeof error, message: String(error) };
}
