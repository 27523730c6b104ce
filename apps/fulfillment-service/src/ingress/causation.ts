import { Headers } from '@oms/contracts';
import type { ConsumedMessage } from '@oms/messaging';
import type { Causation } from '../publishing/fulfillment.publisher';

/** The consumed record as the cause of what the service publishes in answer. */
export function causationOf(message: Pick<ConsumedMessage<unknown>, 'messageId' | 'headers' | 'traceparent'>): Causation {
  return { messageId: message.messageId, correlationId: message.headers[Headers.correlationId], traceparent: message.traceparent };
}
