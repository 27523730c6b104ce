import { TransientError } from './transient.error';

/**
 * The broker did not acknowledge a send after the producer's retries. Transient: the broker may
 * be back soon, so a handler that publishes and gets this error has its batch retried.
 */
export class PublishError extends TransientError {}
