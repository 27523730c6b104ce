import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../model/stored-event';
import { fakeAvroPayload } from './fake-avro-payload';

/** `count` distinct events for a stream, with bodies naming their order (`<label>-1`, `<label>-2`, ...). */
export function newEvents(count: number, label = 'event', occurredAt = Date.UTC(2026, 10, 11, 1, 2, 3)): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    eventId: randomUUID(),
    type: 'TestEvent',
    payload: fakeAvroPayload(`${label}-${index + 1}`),
    occurredAt: occurredAt + index,
    metadata: { correlationId: `corr-${label}`, actor: 'test' },
  }));
}
