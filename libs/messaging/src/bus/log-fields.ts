import { describeError } from '../errors/error-classification';
import type { LogFields } from './messaging-logger';

/** Log fields describing an error. */
export function errorFields(error: unknown): LogFields {
  const { type, message } = describeError(error);
  return { errorType: type, error: message };
}

/** Log fields locating a record. */
export function positionFields(record: { topic: string; partition: number; offset: string }): LogFields {
  return { topic: record.topic, partition: record.partition, offset: record.offset };
}
