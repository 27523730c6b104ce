import { Inject, Injectable } from '@nestjs/common';
import type { OutgoingMessage } from '@oms/contracts';
import { SingleFlightBatcher, type MessageBus } from '@oms/messaging';
import { MESSAGE_BUS } from './tokens';

/**
 * Publishes records to the ingress topics, grouping concurrent requests into one acknowledged
 * send (the producer allows one request in flight, so per-request sends would queue). Resolves
 * only once the broker acknowledged the record (acks all).
 */
@Injectable()
export class IngressPublisher {
  private readonly batcher = new SingleFlightBatcher<OutgoingMessage, void>(async (messages) => {
    await this.bus.producer.send(messages);
    return messages.map(() => undefined);
  });

  constructor(@Inject(MESSAGE_BUS) private readonly bus: MessageBus<unknown>) {}

  /** Publishes one record; resolves when it is acknowledged. */
  publish(message: OutgoingMessage): Promise<void> {
    return this.batcher.submit(message);
  }

  /** Waits for the sends in flight (graceful shutdown). */
  drain(): Promise<void> {
    return this.batcher.drain();
  }
}
