import { TransientError } from '@oms/messaging';
import type { ExternalCall } from './external-call';

/**
 * Every attempt of a call failed (no answer, or 5xx). Transient: thrown from a message handler it
 * rolls the batch back and the message is retried later, so nothing is lost while a carrier is
 * down — and every attempt is already in the call log.
 */
export class CallFailedError extends TransientError {
  constructor(
    readonly call: Pick<ExternalCall, 'system' | 'operation' | 'url'>,
    readonly attempts: number,
    readonly lastFailure: string,
    /** Id of the last recorded attempt. */
    readonly lastCallId: string,
  ) {
    super(`${call.system} ${call.operation} failed after ${attempts} attempts: ${lastFailure}`);
  }
}
